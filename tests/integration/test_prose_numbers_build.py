"""A lesson whose prose quotes a number its code no longer computes fails the site build, with a
message naming the notebook, the cell, the name, both values and what to do; fixing the prose lets
the build pass."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from cerdas.build import build_site
from cerdas.course import Course
from cerdas.errors import CourseError
from cerdas.new import new_course

pytestmark = pytest.mark.slow
LESSON = "notebooks/01-hitung/hitung.ipynb"
CODE = ("from cerdas import angka\n"
        "rata_rata = sum([3, 4, 6]) / 3  # 4,333...\n"
        'angka.catat("rata_rata", rata_rata)')


def write_lesson(course: Course, prose: str) -> None:
    nb = new_notebook(cells=[new_markdown_cell("# Hitung"), new_code_cell(CODE), new_markdown_cell(prose)],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    (course.root / LESSON).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, course.root / LESSON)


def test_a_stale_number_in_the_prose_fails_the_build_until_the_prose_is_fixed(tmp_path):
    course = Course(new_course(target=tmp_path / "kursus"))
    (course.root / "notebooks" / "01-mengenal-data").rename(tmp_path / "unused")
    (course.root / "intro.md").write_text("# Kursus\n\nSatu pelajaran kecil.\n", encoding="utf-8")
    course.toc_file.write_text(f"format: jb-book\nroot: intro\nchapters:\n- file: {LESSON[:-6]}\n", encoding="utf-8")

    write_lesson(course, "Rata-ratanya 4,5<!--angka:rata_rata--> aduan per hari.")  # stale: the code gives 4,3
    with pytest.raises(CourseError) as caught:
        build_site(course=course, echo=False)
    message = str(caught.value)
    assert (f"{LESSON}:cell 3: prose number" in message and "angka:rata_rata shows 4,5 but the code records "
            "4.333333333333333, which is 4,3 at the 1 decimal(s) shown" in message), message
    assert "update the prose" in message

    write_lesson(course, "Rata-ratanya 4,3<!--angka:rata_rata--> aduan per hari.")
    html = build_site(course=course, echo=False).parent / LESSON.replace(".ipynb", ".html")
    page = html.read_text(encoding="utf-8")
    assert "Rata-ratanya 4,3" in page and "4.333333333333333" not in page  # the record shows nothing
