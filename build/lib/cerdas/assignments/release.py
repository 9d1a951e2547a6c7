"""``cerdas assignments release``: generate the student version (solutions and hidden tests removed)."""

from __future__ import annotations

from pathlib import Path

from cerdas.assignments.nbgrader import resolve_names, run_nbgrader
from cerdas.course import Course


def release(*, course: Course | None = None, names: list[str] | None = None, db_url: str | None = None) -> list[Path]:
    """Write ``assignments/release/<name>/`` for each named assignment (all by default).

    The assignment is also registered in the gradebook: SQLite in the course directory, or ``db_url``
    (e.g. ``postgresql://user:password@host/db``) where several instructors share one gradebook.
    """
    course = course or Course.find()
    names = resolve_names(course, names)
    extra = [f"--db={db_url}"] if db_url else []
    for name in names:
        run_nbgrader("generate_assignment", name, course_dir=course.assignments_dir, course=course, extra=extra)
    return [course.release_dir / n for n in names]
