"""``cerdas check``: validate the whole course and report every problem, not only the first.

Each check is a function ``(course) -> Iterable[Problem]`` declared in :data:`CHECKS`; add or
remove one without touching the others.
"""

from __future__ import annotations

from cerdas import privacy
from cerdas.check import assignments, copies, datasets, mutants, notebooks, published, quizzes, site, syllabus, toc
from cerdas.course import Course
from cerdas.errors import Problem

CHECKS = [
    toc.entries_exist,
    toc.lessons_in_toc,
    notebooks.lessons_are_clean,
    notebooks.labels_are_unique,
    syllabus.lesson_times,
    syllabus.audience_paths,
    quizzes.lessons_have_quizzes,
    datasets.cards_and_checksums,
    datasets.real_rows_cite_sources,
    assignments.sources_are_gradable,
    mutants.mutants_cover_answers,
    copies.answers_not_in_lessons,
    site.vendored_assets_intact,
    published.published_match_sources,
    published.published_leak_nothing,
    published.published_in_toc,
    privacy.tracked_learner_data,
]


def check_course(*, course: Course | None = None) -> list[Problem]:
    """Run every check in :data:`CHECKS` and return all problems found (empty when clean)."""
    course = course or Course.find()
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(course))
    return problems
