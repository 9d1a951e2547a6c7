"""The single writer: applies graded results to the instructor's nbgrader gradebook.

Only the thread that calls :meth:`Writer.apply` touches the gradebook, so SQLite never sees two
writers; the same code works on PostgreSQL through its database URL. Scores are written by
nbgrader's own SaveAutoGrades and AssignLatePenalties preprocessors, configured from the course's
nbgrader configuration exactly as ``nbgrader autograde`` run in the course directory configures
them (its ``LateSubmissionPlugin`` or a plugin class of the course included), so scores and late
penalties mean exactly what ``nbgrader autograde`` would have written.

A gradebook that cannot be opened or written is one :class:`GradebookUnavailable` problem line,
never a traceback.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import AssignLatePenalties, SaveAutoGrades
from traitlets.config import Config

from cerdas.errors import CourseError, Problem


class GradebookUnavailable(CourseError):
    """The gradebook could not be opened, read or written."""


def shown_url(db_url: str) -> str:
    """A database URL as printed to the user: no password."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", db_url)


def reason(exc: BaseException) -> str:
    """The driver's own words for a database error (``attempt to write a readonly database``)."""
    inner = getattr(exc, "orig", None) or exc
    text = " ".join(str(inner).split()) or inner.__class__.__name__
    return text[:200]


def unavailable(db_url: str, exc: BaseException, doing: str, then: str = "run the command again") -> GradebookUnavailable:
    """One line: which gradebook, what could not be done and the driver's reason, and what to do."""
    if db_url.startswith("sqlite:///") and re.search(r"not a database|malformed", reason(exc)):
        hint = f"the file is damaged or is not an nbgrader gradebook: restore {db_url[len('sqlite:///'):]} from a backup, then {then}"
    elif db_url.startswith("sqlite:///"):
        hint = (f"check that {db_url[len('sqlite:///'):]} and its folder are writable by you and that no other "
                f"program holds it (nbgrader formgrader, a database browser), then {then}")
    else:
        hint = f"check that the database server is running and reachable with these credentials, then {then}"
    return GradebookUnavailable(Problem(f"gradebook {shown_url(db_url)}", f"could not {doing}: {reason(exc)}", hint))


AGAIN = "run cerdas grade again: the kept results are applied without regrading"


def nbgrader_config(course_dir: Path) -> Config:
    """The configuration ``nbgrader autograde`` would run with in ``course_dir``.

    Loaded as nbgrader's applications load it: ``nbgrader_config`` from the Jupyter config folders
    (``jupyter --paths``), then the course directory's ``nbgrader_config.py``. One difference: a
    file that cannot be loaded is an error here, where nbgrader logs it and grades without it (a
    late-penalty plugin silently missing would change grades).
    """
    from jupyter_core.application import JupyterApp
    from traitlets.config import Application

    app = JupyterApp(config_file_name="nbgrader_config", raise_config_file_errors=True, log_level=logging.CRITICAL)
    course_file = Path(course_dir) / "nbgrader_config.py"
    try:
        app.load_config_file()
        Application.load_config_file(app, course_file.name, path=str(course_dir))
    except Exception as exc:  # noqa: BLE001 - a config file runs arbitrary Python: any error is the file's
        where = getattr(exc, "filename", None) or str(course_file)
        raise CourseError(Problem(str(where), f"nbgrader configuration cannot be loaded: {exc.__class__.__name__}: {exc}",
                                  "fix the file (nbgrader autograde would ignore it and grade without its settings)")) from exc
    return app.config


@contextmanager
def _course_importable(course_dir: Path):
    """Let a plugin class named in the config (``late.SubMarks``) come from the course directory,
    where ``nbgrader autograde`` (run there, with its cwd on ``sys.path``) finds it."""
    entry = str(course_dir)
    added = entry not in sys.path
    if added:
        sys.path.insert(0, entry)
    try:
        yield
    finally:
        if added and entry in sys.path:
            sys.path.remove(entry)


class Writer:
    """Writes results into one gradebook with nbgrader's configured preprocessors."""

    def __init__(self, *, course, roster: dict | None):
        self.course, self.db_url, self.roster = course, course.db_url, roster or {}
        config = nbgrader_config(course.config_dir)
        where = str(course.config_dir / "nbgrader_config.py")
        try:
            with _course_importable(course.config_dir):
                self.save = SaveAutoGrades(config=config)
                self.late = AssignLatePenalties(config=config)
                self.late.init_plugin()  # a plugin that cannot be made fails here, before anything is graded
        except Exception as exc:  # noqa: BLE001 - traitlets reports a bad class name in several ways
            raise CourseError(Problem(where, f"the late-submission plugin cannot be loaded: {exc.__class__.__name__}: {exc}",
                                      "fix c.AssignLatePenalties.plugin_class (its module must be importable, "
                                      "e.g. late.py next to nbgrader_config.py)")) from exc

    def apply(self, result, *, timestamp: datetime | None) -> None:
        """Store one graded submission (a SubmissionResult): student, submission time, scores and late penalty."""
        job = result.job
        student, assignment = job["student"], job["assignment"]
        with Gradebook(self.db_url) as gb:
            person = self.roster.get(student) or {}
            gb.update_or_create_student(student, **{k: person[k] for k in ("first_name", "last_name", "email") if k in person})
            if timestamp:
                gb.update_or_create_submission(assignment, student, timestamp=timestamp)
            else:
                gb.update_or_create_submission(assignment, student)
            expected = [nb.name for nb in gb.find_assignment(assignment).notebooks]
        for name, graded in result.notebooks.items():
            if graded.notebook is None:
                _zero(self.db_url, assignment, student, name)
                continue
            nb = nbformat.reads(graded.notebook, as_version=4)
            resources = {"nbgrader": {"notebook": name, "assignment": assignment, "student": student,
                                      "db_url": self.db_url}}
            for step in (self.save, self.late):
                nb, resources = step(nb, resources)
            target = self.course.autograded(student, assignment) / f"{name}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".ipynb.tmp")
            nbformat.write(nb, tmp)
            os.replace(tmp, target)
        for name in expected:
            if name not in result.notebooks:
                _zero(self.db_url, assignment, student, name)


def failure(db_url: str, exc: BaseException) -> Problem:
    """What went wrong storing a result, as one line: the gradebook, or the file that could not be written."""
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, OSError) and exc.filename:
        return Problem(str(exc.filename), f"could not be written: {exc.strerror or exc}", f"make it writable, then {AGAIN}")
    if isinstance(exc, SQLAlchemyError) or exc.__class__.__module__.startswith("nbgrader"):
        return unavailable(db_url, exc, "store a result", then=AGAIN).problems[0]
    return Problem(f"gradebook {shown_url(db_url)}", f"could not store a result: {exc.__class__.__name__}: {reason(exc)}",
                   f"{AGAIN}; if this line comes back, report it")


class Ledger:
    """What is done, per learner, in ``.cerdas/results/<assignment>/``.

    ``<student>.json`` is the graded result, written before the gradebook is touched, so grading work
    is never lost. ``<student>.applied.json`` is written only after the gradebook holds that result
    (with its submission time); a result without it is applied again on the next run, without
    regrading. A submission counts as done only when both agree and the gradebook holds it.
    """

    def __init__(self, folder: Path, db_url: str, held: dict[str, datetime | None]):
        self.folder, self.gradebook, self.held = Path(folder), shown_url(db_url), held
        try:  # a folder that cannot hold results is found before anything is graded
            self.folder.mkdir(parents=True, exist_ok=True)
            probe = self.folder / ".writable"
            probe.write_text("")
            probe.unlink()
        except OSError as exc:
            raise CourseError(Problem(str(self.folder), f"cannot hold graded results: {exc.strerror or exc}",
                                      "make the course directory's .cerdas folder writable")) from exc

    def result(self, student: str) -> dict | None:
        try:
            return json.loads((self.folder / f"{student}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def state(self, student: str, digest: str, timestamp: datetime | None) -> str | None:
        """``"applied"`` (nothing to do), ``"saved"`` (apply the saved result) or None (grade it)."""
        result = self.result(student)
        if not result or result.get("job", {}).get("digest") != digest:
            return None
        try:
            mark = json.loads((self.folder / f"{student}.applied.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            mark = None
        if mark == self._mark(digest, timestamp) and student in self.held:
            return "applied"
        return "saved"

    def save(self, result: dict) -> None:
        self._write(f"{result['job']['student']}.json", result)

    def mark_applied(self, student: str, digest: str, timestamp: datetime | None) -> None:
        self._write(f"{student}.applied.json", self._mark(digest, timestamp))

    def _mark(self, digest: str, timestamp: datetime | None) -> dict:
        return {"digest": digest, "timestamp": timestamp.isoformat() if timestamp else None, "gradebook": self.gradebook}

    def _write(self, name: str, data: dict) -> None:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        os.replace(tmp, path)


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


def stored(db_url: str, assignment: str) -> dict[str, datetime | None]:
    """{student: submission time} of every submission of ``assignment`` the gradebook holds."""
    with Gradebook(db_url) as gb:
        return {s.student.id: s.timestamp for s in gb.assignment_submissions(assignment)}


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
