"""Cerdas: toolkit for the Cerdas course on AI and SPBE (validate, build, assignments, datasets)."""

__version__ = "0.1.0"
