"""Numbers in a lesson's prose that the code computes: recorded here, checked against the prose by the site build.

In a code cell the lesson records a value under a name::

    from cerdas import angka
    angka.catat("mae_awal", mae)

and its prose writes the number as shown to the reader, followed by an HTML comment naming it
(invisible in JupyterLab and on the site)::

    Galatnya turun dari 4,3<!--angka:mae_awal--> menjadi 2,8<!--angka:mae_baru-->.

While the site build executes the lessons (:func:`cerdas.execute.kernel_env` sets
:data:`SITE_BUILD_ENV`), :func:`catat` leaves the value in the cell's outputs as a myst-nb ``glue``
record, which the page does not show; the site build then fails when a number in the prose differs
from the recorded value rounded to the decimals the prose shows. Anywhere else (a learner in
JupyterLab) :func:`catat` does nothing visible.
"""

from __future__ import annotations

import math
import numbers
import os
import re

SITE_BUILD_ENV = "CERDAS_SITE_BUILD"
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")


def catat(nama: str, nilai) -> None:
    """Record ``nilai`` (a real number) as ``nama`` for the prose check; shows nothing."""
    if not isinstance(nama, str) or not NAME.match(nama):
        raise ValueError(f"angka.catat: nama {nama!r} harus berupa nama Python, misalnya 'mae_awal'")
    if isinstance(nilai, bool) or not isinstance(nilai, numbers.Real) or not math.isfinite(float(nilai)):
        raise TypeError(f"angka.catat({nama!r}, ...): nilainya harus bilangan hingga, bukan {nilai!r}")
    if os.environ.get(SITE_BUILD_ENV) != "1":
        return
    from myst_nb import glue

    glue(nama, float(nilai), display=False)
