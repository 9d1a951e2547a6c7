"""Another instructor on the same machine: a hostile batch graded again and again in its own process.

Used around long runs (the whole-course verify) to show that one batch never changes another's
results: kernels that fork, allocate and exit beside them must not make their kernels die at start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from conftest import REPO

# What ends or stops kernels early and churns through pids (a storm of 300 processes, 6 GB, os._exit),
# not what only burns CPU for its whole cell time (loops, a spinning fork bomb): those slow the run they
# sit beside without testing anything more, and benchmarks/stress_grading.py has them.
NEIGHBOURS = {"badai": "fork-storm-300.ipynb", "rakus": "allocates-6gb.ipynb", "keluar": "os-exit.ipynb",
              "benar": "correct.ipynb"}
PAUSE_S = 5  # between two neighbouring runs


@contextmanager
def grading_beside(folder: Path, real_course):
    """Yield a list that collects the exit status of each neighbouring ``cerdas grade`` run."""
    from integration.test_grading import make_course

    course = make_course(folder / "tetangga", real_course, NEIGHBOURS)
    statuses: list[int] = []
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            done = subprocess.run([sys.executable, "-m", "cerdas", "grade", "kuadrat", "--course-dir", str(course),
                                   "--force", "--jobs", "1", "--cell-timeout", "10", "--notebook-timeout", "60"],
                                  capture_output=True, text=True, env={**os.environ, "CERDAS_ROOT": str(REPO)})
            statuses.append(done.returncode)
            stop.wait(PAUSE_S)

    thread = threading.Thread(target=loop, name="tetangga", daemon=True)
    thread.start()
    try:
        yield statuses
    finally:
        stop.set()
        thread.join(timeout=180)
