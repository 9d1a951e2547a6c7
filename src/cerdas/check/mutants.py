"""Every source assignment has enough mutants to prove its tests reject wrong answers.

A check of its own (not part of :mod:`cerdas.check.assignments`) so that the gradability checks and
:mod:`cerdas.assignments.mutants` both build on :mod:`cerdas.cells` and never import each other.
"""

from __future__ import annotations

from cerdas.assignments.mutants import coverage_problems
from cerdas.course import Course


def mutants_cover_answers(course: Course):
    for name in course.assignment_names():
        folder = course.source_dir / name
        if any(folder.glob("*.ipynb")):  # an assignment without a notebook is reported by sources_are_gradable
            yield from coverage_problems(folder, course=course)
