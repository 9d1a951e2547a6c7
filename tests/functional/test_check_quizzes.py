"""`cerdas check` on quizzes, in a course made by `cerdas new`: it passes as written; a lesson without
its quiz file, with an invalid one, showing another lesson's quiz or hiding the call, and a quiz
file whose lesson is not in _toc.yml are each named. A lesson executes again when its quiz changes."""

from __future__ import annotations

import json

import pytest
import yaml

from cerdas.check import check_course
from cerdas.course import Course
from cerdas.execute import Settings, _inputs
from cerdas.new import new_course

LESSON = "notebooks/01-mengenal-data/mengenal-data.ipynb"
QUIZ = "notebooks/01-mengenal-data/mengenal-data.kuis.yml"


@pytest.fixture
def course(tmp_path) -> Course:
    return Course(new_course(target=tmp_path / "kursus", toolkit="cerdas"))


def text(course) -> str:
    return "\n".join(str(p) for p in check_course(course=course))


def edit_last_cell(course, source: str) -> None:
    path = course.root / LESSON
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"][-1]["source"] = source
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def test_a_new_course_shows_a_valid_quiz_in_its_lesson(course):
    assert text(course) == ""
    nb = json.loads((course.root / LESSON).read_text(encoding="utf-8"))
    assert "".join(nb["cells"][-1]["source"]) == 'from cerdas import kuis\n\nkuis.tampilkan("mengenal-data")'


def test_missing_quiz_file_is_named(course):
    (course.root / QUIZ).unlink()
    assert f"{QUIZ}: missing: lesson {LESSON} has no self-check quiz" in text(course)


def test_invalid_quiz_is_named_with_its_item(course):
    data = yaml.safe_load((course.root / QUIZ).read_text(encoding="utf-8"))
    data[1]["pilihan"][0]["penjelsan"] = data[1]["pilihan"][0].pop("penjelasan")
    (course.root / QUIZ).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found = text(course)
    assert f"{QUIZ}: item 2, option 1 has an unknown key 'penjelsan'" in found
    assert f"{QUIZ}: item 2, option 1 has no 'penjelasan'" in found


def test_lesson_that_does_not_show_its_own_quiz_is_named(course):
    edit_last_cell(course, "# kuis nanti")
    assert f"{LESSON}: does not show its quiz" in text(course)
    edit_last_cell(course, 'from cerdas import kuis\nkuis.tampilkan("pelajaran-lain")')
    found = text(course)
    assert f"{LESSON}:cell 18: shows the quiz 'pelajaran-lain', not its own ('mengenal-data')" in found
    assert f"{LESSON}: does not show its quiz" in found


def test_a_call_that_is_not_the_last_line_shows_nothing_and_is_named(course):
    edit_last_cell(course, 'from cerdas import kuis\nk = kuis.tampilkan("mengenal-data")')
    assert f"{LESSON}:cell 18: kuis.tampilkan(\"mengenal-data\") is not the last line of its cell" in text(course)


def test_quiz_file_of_no_listed_lesson_is_named(course):
    stray = course.root / "notebooks/01-mengenal-data/pelajaran-lama.kuis.yml"
    stray.write_text((course.root / QUIZ).read_text(encoding="utf-8"), encoding="utf-8")
    assert ("notebooks/01-mengenal-data/pelajaran-lama.kuis.yml: belongs to no lesson in _toc.yml "
            "(pelajaran-lama.ipynb is not listed beside it)") in text(course)


def test_lesson_executes_again_when_its_quiz_changes(course):
    """The digest the executor keeps per cached lesson changes with the quiz file, and only with it."""
    import nbformat

    path = course.root / LESSON
    nb = nbformat.read(path, as_version=4)
    settings = Settings.read(course)
    before = _inputs(nb, path=path, course=course, settings=settings)
    assert _inputs(nb, path=path, course=course, settings=settings) == before
    quiz = course.root / QUIZ
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("jawaban: 41", "jawaban: 42"), encoding="utf-8")
    assert _inputs(nb, path=path, course=course, settings=settings) != before
