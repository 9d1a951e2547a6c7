"""Run nbgrader steps as subprocesses over a course directory, and read its gradebook."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cerdas.coursedir import CourseDir, content_course
from cerdas.errors import CourseError, Problem

CELL_TIMEOUT_S = 120


def run_nbgrader(step: str, assignment: str, *, course: CourseDir, extra: list[str] = ()) -> str:
    """Run ``nbgrader STEP ASSIGNMENT`` on ``course`` (its root, gradebook and nbgrader_config.py);
    raise CourseError with the essence of its log on failure."""
    cmd = [sys.executable, "-m", "nbgrader", step, assignment, "--force", *course.nbgrader_args(),
           f"--ExecutePreprocessor.timeout={CELL_TIMEOUT_S}", *extra]
    bin_dir = str(Path(sys.executable).parent)  # nbgrader calls `alembic` from PATH
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    content = content_course()
    if content is not None:
        env["CERDAS_ROOT"] = str(content.root)
    proc = subprocess.run(cmd, cwd=course.config_dir, env=env, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        tail = "\n    ".join(_essence(log))
        raise CourseError(Problem(course.rel(course.source(assignment)), f"nbgrader {step} failed:\n    {tail}",
                                  "fix the notebook so nbgrader can process it"))
    return log


def register(course: CourseDir, assignment: str) -> None:
    """Put an assignment and its notebooks' graded cells into the gradebook as ``nbgrader
    generate_assignment`` does, without touching the release folder (the student version is written
    to a scratch folder and thrown away)."""
    with tempfile.TemporaryDirectory(prefix="cerdas-register-") as scratch:
        run_nbgrader("generate_assignment", assignment, course=course,
                     extra=[f"--CourseDirectory.release_directory={scratch}"])


def _essence(log: str) -> list[str]:
    """The lines of an nbgrader log that say what went wrong, without traceback noise."""
    lines = [l.rstrip() for l in log.strip().splitlines() if l.strip()]
    keep = [l for l in lines if re.search(r"\| ERROR\]|^\s*\w+(Error|Exception)\b", l)]
    return (keep or lines)[-12:]


def resolve_names(course: CourseDir, names: list[str] | None) -> list[str]:
    """The assignments asked for (all by default); an unknown name is an error listing the real ones."""
    known = course.assignment_names()
    names = names or known
    unknown = [n for n in names if n not in known]
    if unknown:
        raise CourseError([Problem(course.rel(course.source(n)), "no such assignment",
                                   f"choose one of: {', '.join(known) or 'none'}") for n in unknown])
    return names


@dataclass(frozen=True)
class CellScore:
    notebook: str
    grade_id: str
    auto_score: float | None
    max_score: float


def read_scores(course: CourseDir, assignment: str, student: str) -> dict[tuple[str, str], CellScore]:
    """Scores per (notebook, grade_id) for one student's submission, from the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    scores: dict[tuple[str, str], CellScore] = {}
    with Gradebook(course.db_url) as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            return scores
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                scores[(notebook.name, grade.name)] = CellScore(
                    notebook.name, grade.name, grade.auto_score, float(grade.max_score))
    return scores
