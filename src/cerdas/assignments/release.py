"""``cerdas assignments release``: generate the student version (solutions and hidden tests removed)."""

from __future__ import annotations

from pathlib import Path

from cerdas.assignments.nbgrader import run_nbgrader
from cerdas.course import Course
from cerdas.errors import CourseError, Problem


def release(*, course: Course | None = None, names: list[str] | None = None) -> list[Path]:
    """Write ``assignments/release/<name>/`` for each named assignment (all by default)."""
    course = course or Course.find()
    names = names or course.assignment_names()
    unknown = [n for n in names if n not in course.assignment_names()]
    if unknown:
        raise CourseError([Problem(f"assignments/source/{n}", "no such assignment",
                                   f"choose one of: {', '.join(course.assignment_names()) or 'none'}") for n in unknown])
    for name in names:
        run_nbgrader("generate_assignment", name, course_dir=course.assignments_dir, course=course)
    return [course.release_dir / n for n in names]
