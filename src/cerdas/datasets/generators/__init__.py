"""Deterministic generators for the synthetic datasets, one module per dataset.

Each module defines ``NAME``, ``SEED`` and ``generate(seed) -> pandas.DataFrame``. The registry
below is the list ``cerdas datasets build`` walks; add a module here to add a dataset.
"""

from cerdas.datasets.generators import aduan_warga

GENERATORS = {module.NAME: module for module in (aduan_warga,)}
