"""Run a notebook against the *visible* tests only, as a learner sees them after release."""

from __future__ import annotations

import copy
import os
import subprocess
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from cerdas.cells import grade_id, is_answer
from cerdas.course import Course

TIMEOUT_S = 120


def passes_visible_tests(released: Path, *, solution, mutant_cell: str, mutant_code: str, tests: list[str],
                         content: Course | None, owner: list | None = None) -> bool:
    """True when the released notebook, answered with the solution except for ``mutant_cell``
    (which gets ``mutant_code``), runs every cell in ``tests`` without an error. ``content`` is the
    Cerdas course whose datasets the kernel may read (``None`` for a plain nbgrader course)."""
    env = {"CERDAS_ROOT": str(content.root)} if content else {}
    nb = nbformat.read(released, as_version=4)
    answers = {grade_id(c): c.source for c in solution.cells if grade_id(c)}
    for cell in nb.cells:
        gid = grade_id(cell)
        if gid == mutant_cell:
            cell.source = mutant_code
        elif is_answer(cell) and cell.cell_type == "code" and gid in answers:
            cell.source = answers[gid]
    extra = {}
    if hasattr(os, "fork"):  # a kernel forked from this thread's warm zygote: no start-up or import cost
        from cerdas.grading import kernels, runner

        runner._thread_zygote(tuple(runner.preload_for(released.parent)),
                              kernels.Sandbox(env=env, read_only=[str(content.datasets_dir)] if content else []),
                              owner)
        extra["kernel_manager_class"] = kernels.ForkKernelManager
    client = NotebookClient(copy.deepcopy(nb), timeout=TIMEOUT_S, allow_errors=True, kernel_name="python3",
                            resources={"metadata": {"path": str(released.parent)}}, **extra)
    executed = client.execute(env={**os.environ, **env}, stderr=subprocess.DEVNULL)
    for cell in executed.cells:
        if grade_id(cell) in tests and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return False
    return True
