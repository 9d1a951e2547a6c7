"""Cerdas: a curriculum toolkit (validate, build, assignments, datasets) for the Cerdas course and any other."""

__version__ = "0.1.0"
