"""Deterministic generators, one module per dataset; ``cerdas datasets build`` walks them all.

Each module defines ``NAME``, ``SEED`` and ``generate(seed)``, which returns either one
``pandas.DataFrame`` (written as ``<NAME>.csv``) or a dict ``{file name: DataFrame}`` whose first
entry is the dataset's main table. Modules are discovered here, so adding a file adds a dataset.
Real published tables are "generated" too, from the literal figures in their module, so every
shipped byte can be rebuilt and audited the same way.
"""

from __future__ import annotations

import importlib
import pkgutil


def _discover() -> dict:
    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[module.NAME] = module
    return found


GENERATORS = _discover()
