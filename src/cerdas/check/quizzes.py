"""Every lesson has its self-check quiz: a valid ``<stem>.kuis.yml`` beside it, shown by the lesson.

A lesson is a notebook under ``notebooks/`` listed in ``_toc.yml``. Its quiz file must exist and be
valid (see :mod:`cerdas.kuis.validate`), and the lesson must end a code cell with
``kuis.tampilkan("<stem>")`` naming its own stem (the last line of the cell, so Jupyter displays it).
A quiz file whose lesson is not in ``_toc.yml`` is flagged: nobody would ever see it.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import yaml

from cerdas import kuis
from cerdas.course import Course
from cerdas.errors import Problem

CELL = 'from cerdas import kuis\nkuis.tampilkan("{stem}")'


def toc_lessons(course: Course) -> list[Path]:
    """The notebooks under ``notebooks/`` that ``_toc.yml`` lists (empty when it cannot be read)."""
    from cerdas.check.toc import resolve, toc_files

    if not course.toc_file.is_file():
        return []
    try:
        entries = toc_files(course)
    except yaml.YAMLError:
        return []  # toc.entries_exist reports it
    notebooks = course.notebooks_dir.resolve()
    found = []
    for entry in entries:
        path = resolve(course, entry)
        if path is not None and path.suffix == ".ipynb" and notebooks in path.resolve().parents and path not in found:
            found.append(path)
    return found


def quiz_file(lesson: Path) -> Path:
    return lesson.with_name(lesson.stem + kuis.SUFFIX)


def _lesson_problems(course: Course, lesson: Path):
    rel, stem = course.rel(lesson), lesson.stem
    quiz = quiz_file(lesson)
    if not quiz.is_file():
        yield Problem(course.rel(quiz), f"missing: lesson {rel} has no self-check quiz",
                      f"write {kuis.MIN_ITEMS}-{kuis.MAX_ITEMS} questions in {quiz.name} "
                      "(format in book/membuat-kursus.md)")
    else:
        yield from kuis.read(quiz, rel=course.rel(quiz))[1]
    try:
        nb = nbformat.read(lesson, as_version=4)
    except Exception:  # notebooks.lessons_are_clean reports an unreadable notebook
        return
    calls = kuis.shown(nb)
    own = [c for c in calls if c[1] == stem]
    for cell, name, _ in calls:
        if name != stem:
            yield Problem(rel, f"shows the quiz '{name}', not its own ('{stem}')",
                          f'write kuis.tampilkan("{stem}")', cell=cell)
    if not own:
        yield Problem(rel, "does not show its quiz",
                      "end the lesson with a '## Kuis: cek pemahaman' section and a code cell: "
                      + CELL.format(stem=stem).replace("\n", "; "))
    for cell, _, last in own:
        if not last:
            yield Problem(rel, f'kuis.tampilkan("{stem}") is not the last line of its cell, so nothing is shown',
                          "make it the cell's last line (not assigned to a name)", cell=cell)


def lessons_have_quizzes(course: Course):
    lessons = toc_lessons(course)
    for lesson in lessons:
        yield from _lesson_problems(course, lesson)
    expected = {quiz_file(p).resolve() for p in lessons}
    if course.notebooks_dir.is_dir():
        for quiz in sorted(course.notebooks_dir.rglob(f"*{kuis.SUFFIX}")):
            if ".ipynb_checkpoints" in quiz.parts or quiz.resolve() in expected:
                continue
            lesson = quiz.name[: -len(kuis.SUFFIX)] + ".ipynb"
            yield Problem(course.rel(quiz), f"belongs to no lesson in _toc.yml ({lesson} is not listed beside it)",
                          f"name it after its lesson (<stem>{kuis.SUFFIX} beside <stem>.ipynb), list the lesson "
                          "in _toc.yml, or delete it")
