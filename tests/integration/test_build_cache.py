"""The author's loop: lessons missing from the execution cache run two at a time before the site
build, which then executes none of them; a lesson runs again only when its code or the data it
reads changed; a failing lesson names its notebook and cell."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from cerdas.build import build_site
from cerdas.course import Course
from cerdas.errors import CourseError
from cerdas.execute import Settings, execute_lessons
from cerdas.new import new_course

pytestmark = pytest.mark.slow

DATA = "notebooks/01-data/pakai-data.ipynb"
SUM = "notebooks/02-hitung/hitung.ipynb"


def lesson(path, title: str, *code: str) -> None:
    nb = new_notebook(cells=[new_markdown_cell(f"# {title}"), *map(new_code_cell, code)],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


@pytest.fixture
def two_lessons(tmp_path) -> Course:
    """A course from `cerdas new` whose site is an intro page and two small lessons: one reads the
    course's dataset, one does not."""
    course = Course(new_course(target=tmp_path / "kursus"))
    (course.root / "notebooks" / "01-mengenal-data").rename(tmp_path / "unused")
    (course.root / "intro.md").write_text("# Kursus\n\nDua pelajaran kecil.\n", encoding="utf-8")
    course.toc_file.write_text(f"format: jb-book\nroot: intro\nchapters:\n- file: {DATA[:-6]}\n- file: {SUM[:-6]}\n",
                               encoding="utf-8")
    lesson(course.root / DATA, "Pakai data", "from cerdas import datasets",
           'print("baris:", len(datasets.load("kunjungan_layanan").frame))')
    lesson(course.root / SUM, "Hitung", "print(6 * 7)")
    return course


def test_lessons_execute_in_parallel_and_again_only_when_their_inputs_change(two_lessons):
    """Cold: both lessons run at once (their runs overlap) and the site build that follows executes
    neither (myst-nb adds a notebook to jupyter-cache's project list only when it executes it) yet
    shows their outputs. Editing one lesson re-executes only it; editing the dataset re-executes only
    the lesson that loads it."""
    course = two_lessons
    cold = execute_lessons(course=course, jobs=2, echo=False)
    assert sorted(cold.executed) == [DATA, SUM] and cold.cached == []
    (a_start, a_end), (b_start, b_end) = cold.spans[DATA], cold.spans[SUM]
    assert a_start < b_end and b_start < a_end, cold.spans  # both kernels ran at the same time

    build_site(course=course, echo=False)
    from jupyter_cache import get_cache

    assert get_cache(str(Settings.read(course).cache)).list_project_records() == []  # myst-nb executed nothing
    assert "baris: 60" in (course.html_dir / DATA.replace(".ipynb", ".html")).read_text(encoding="utf-8")
    assert "42" in (course.html_dir / SUM.replace(".ipynb", ".html")).read_text(encoding="utf-8")

    lesson(course.root / SUM, "Hitung", "print(6 * 9)")
    edited = execute_lessons(course=course, jobs=2, echo=False)
    assert (edited.executed, edited.cached) == ([SUM], [DATA])

    card = course.dataset_dir("kunjungan_layanan") / "CARD.md"
    card.write_text(card.read_text(encoding="utf-8") + "\nCatatan: baris ditambah.\n", encoding="utf-8")
    data_changed = execute_lessons(course=course, jobs=2, echo=False)
    assert (data_changed.executed, data_changed.cached) == ([DATA], [SUM])
    assert execute_lessons(course=course, jobs=2, echo=False).executed == []


def test_failing_lesson_names_its_notebook_and_cell(two_lessons):
    """A lesson whose second code cell raises stops the build with its path, cell number and error,
    and its traceback is written where myst-nb writes one."""
    course = two_lessons
    lesson(course.root / SUM, "Hitung", "x = 1", "x / 0")
    with pytest.raises(CourseError) as caught:
        execute_lessons(course=course, jobs=2, echo=False)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{SUM}:cell 3: the lesson fails: ZeroDivisionError: division by zero")
    log = course.html_dir / "reports" / "notebooks" / "02-hitung" / "hitung.err.log"
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")


def test_a_warning_fails_every_build_until_it_is_fixed(two_lessons):
    """Sphinx repeats no warning of a page it does not read again: after a build that failed on a
    warning, building again without fixing the page must fail again, not pass on the saved environment."""
    course = two_lessons
    (course.root / "intro.md").write_text("# Kursus\n\nLihat {doc}`halaman-yang-tidak-ada`.\n", encoding="utf-8")
    for attempt in ("first", "second"):
        with pytest.raises(CourseError, match="the site build failed"):
            build_site(course=course, echo=False)
    (course.root / "intro.md").write_text("# Kursus\n\nDua pelajaran kecil.\n", encoding="utf-8")
    assert build_site(course=course, echo=False).is_file()
