"""``cerdas assignments release``: generate the student version (solutions and hidden tests removed)."""

from __future__ import annotations

from pathlib import Path

from cerdas.assignments.nbgrader import resolve_names, run_nbgrader
from cerdas.coursedir import CourseDir, as_coursedir


def release(*, course=None, names: list[str] | None = None) -> list[Path]:
    """Write ``release/<name>/`` of the nbgrader course directory for each named assignment (all by default).

    ``course`` is a :class:`CourseDir` (found from the working directory by default; a Cerdas
    :class:`~cerdas.course.Course` means its ``assignments/``). The assignment is also registered in
    the course's gradebook: SQLite in the course directory, or its ``db_url`` (e.g.
    ``postgresql://user:password@host/db``, from nbgrader_config.py or ``CourseDir.open(..., db_url=)``)
    where several instructors share one.
    """
    course: CourseDir = as_coursedir(course)
    names = resolve_names(course, names)
    for name in names:
        run_nbgrader("generate_assignment", name, course=course)
    return [course.release(n) for n in names]
