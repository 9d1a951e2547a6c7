"""``cerdas assignments release``: generate the student version (solutions and hidden tests removed)."""

from __future__ import annotations

from pathlib import Path

from cerdas.assignments.nbgrader import resolve_names, run_nbgrader
from cerdas.course import Course


def release(*, course: Course | None = None, names: list[str] | None = None) -> list[Path]:
    """Write ``assignments/release/<name>/`` for each named assignment (all by default)."""
    course = course or Course.find()
    names = resolve_names(course, names)
    for name in names:
        run_nbgrader("generate_assignment", name, course_dir=course.assignments_dir, course=course)
    return [course.release_dir / n for n in names]
