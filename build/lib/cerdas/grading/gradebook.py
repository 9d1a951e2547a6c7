"""The single writer: applies graded results to the instructor's nbgrader gradebook.

Only the thread that calls :func:`apply_result` touches the gradebook, so SQLite never sees two
writers; the same code works on PostgreSQL through its database URL. Scores are written by
nbgrader's own SaveAutoGrades and AssignLatePenalties preprocessors, so they mean exactly what
``nbgrader autograde`` would have written.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import AssignLatePenalties, SaveAutoGrades
from traitlets.config import Config


def apply_result(result: dict, *, db_url: str, course_dir: Path, roster: dict | None,
                 timestamp: datetime | None) -> None:
    job = result["job"]
    student, assignment = job["student"], job["assignment"]
    with Gradebook(db_url) as gb:
        gb.update_or_create_student(student, **((roster or {}).get(student) or {}))
        if timestamp:
            gb.update_or_create_submission(assignment, student, timestamp=timestamp)
        else:
            gb.update_or_create_submission(assignment, student)
        expected = [nb.name for nb in gb.find_assignment(assignment).notebooks]
    for name, graded in result["notebooks"].items():
        if graded.get("notebook") is None:
            _zero(db_url, assignment, student, name)
            continue
        nb = nbformat.reads(graded["notebook"], as_version=4)
        resources = {"nbgrader": {"notebook": name, "assignment": assignment, "student": student, "db_url": db_url}}
        for step in (SaveAutoGrades, AssignLatePenalties):
            nb, resources = step(config=Config())(nb, resources)
        target = course_dir / "autograded" / student / assignment / f"{name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".ipynb.tmp")
        nbformat.write(nb, tmp)
        os.replace(tmp, target)
    for name in expected:
        if name not in result["notebooks"]:
            _zero(db_url, assignment, student, name)


def _zero(db_url: str, assignment: str, student: str, notebook: str) -> None:
    """A notebook that was not submitted or could not be graded earns zero, like nbgrader does."""
    with Gradebook(db_url) as gb:
        try:
            submission = gb.find_submission_notebook(notebook, assignment, student)
        except MissingEntry:
            return
        for grade in submission.grades:
            grade.auto_score = 0
            grade.needs_manual_grade = False
        gb.db.commit()


def scores(db_url: str, assignment: str) -> dict[str, dict[str, float | None]]:
    """{student: {grade_id: score}} for every submission of an assignment."""
    table: dict[str, dict[str, float | None]] = {}
    with Gradebook(db_url) as gb:
        for submission in gb.assignment_submissions(assignment):
            row = table.setdefault(submission.student.id, {})
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    row[f"{notebook.name}:{grade.name}"] = grade.score
    return table
