"""``cerdas assignments release``: generate the student version (solutions and hidden tests removed)."""

from __future__ import annotations

from pathlib import Path

from cerdas import fingerprint as fp
from cerdas.assignments.nbgrader import resolve_names, run_nbgrader
from cerdas.coursedir import CONFIG_FILE, CourseDir, as_coursedir


def release(*, course=None, names: list[str] | None = None, skip_unchanged: bool = False) -> list[Path]:
    """Write ``release/<name>/`` of the nbgrader course directory for each named assignment (all by default).

    ``course`` is a :class:`CourseDir` (found from the working directory by default; a Cerdas
    :class:`~cerdas.course.Course` means its ``assignments/``). The assignment is also registered in
    the course's gradebook: SQLite in the course directory, or its ``db_url`` (e.g.
    ``postgresql://user:password@host/db``, from nbgrader_config.py or ``CourseDir.open(..., db_url=)``)
    where several instructors share one.

    ``skip_unchanged`` (``cerdas build``) leaves an assignment alone when its last release came from
    the same source folder, nbgrader_config.py, toolkit and gradebook, its release folder is as that
    release wrote it, and the gradebook still holds it.
    """
    course: CourseDir = as_coursedir(course)
    names = resolve_names(course, names)
    registered = _registered(course) if skip_unchanged else set()
    for name in names:
        key = fp.combine(source=fp.tree(course.source(name)), config=fp.file(course.config_dir / CONFIG_FILE),
                         toolkit=fp.toolkit(), db=course.db_url)
        record_path = course.state_dir / "release" / f"{name}.json"
        if name in registered:
            record = fp.load_record(record_path) or {}
            if record.get("key") == key and record.get("output") == fp.tree(course.release(name)):
                continue
        run_nbgrader("generate_assignment", name, course=course)
        fp.save_record(record_path, {"key": key, "output": fp.tree(course.release(name))})
    return [course.release(n) for n in names]


def _registered(course: CourseDir) -> set[str]:
    """The assignments the course's gradebook holds (none when its SQLite file does not exist)."""
    path = course.sqlite_path
    if path is not None:  # read directly: importing nbgrader's API costs seconds
        import sqlite3

        if not path.is_file():
            return set()
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                return {row[0] for row in db.execute("SELECT name FROM assignment")}
        except sqlite3.Error:  # unreadable or another schema: release everything, which reports what is wrong
            return set()
    from nbgrader.api import Gradebook

    try:
        with Gradebook(course.db_url) as gb:
            return {a.name for a in gb.assignments}
    except Exception:
        return set()
