"""One line for lessons on a shared server: keep the math libraries to one thread.

NumPy and scikit-learn start as many threads as the machine has cores. On a JupyterHub shared by a
training room, or in the site build that runs two lessons at once on two cores, those threads fight
over the processors and a lesson runs several times slower. ``utas.batasi()`` sets the limit for the
rest of the kernel's life, so the lesson shows one commented line instead of threadpoolctl wiring::

    from cerdas import utas
    utas.batasi()   # server dipakai bersama: pustaka hitung memakai satu utas (thread)
"""

from __future__ import annotations

_limits = None  # the active limiter, kept so the limit is not tied to a temporary object


def batasi(utas: int = 1) -> None:
    """Limit the BLAS/OpenMP thread pools of this kernel to ``utas`` threads."""
    global _limits
    if not isinstance(utas, int) or isinstance(utas, bool) or utas < 1:
        raise ValueError(f"utas.batasi: banyaknya utas harus bilangan bulat >= 1, bukan {utas!r}")
    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    _limits = threadpool_limits(limits=utas)
