"""`cerdas check` flags an assignment answer that a learner could retype from a lesson: three or more
lines of the solution, in order, in one lesson code cell (comments, spacing, imports and renamed loop
variables do not hide it), or a short answer copied whole; an answer that applies the idea to a new
case passes."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from cerdas.check.copies import answers_not_in_lessons
from cerdas.course import Course

LESSON = '''\
# Jendela tiga huruf
def pola_umum(kata_sandi):
    kecil = kata_sandi.lower()
    for i in range(len(kecil) - 2):
        potongan = kecil[i:i + 3]
        if any(potongan in u for u in URUTAN):
            return True
    return False
'''


def answer(body: str):
    source = "def jawab(kata_sandi):\n    ### BEGIN SOLUTION\n" + body + "    ### END SOLUTION\n"
    return new_code_cell(source, metadata={"nbgrader": {"grade_id": "jawab", "solution": True, "grade": False,
                                                        "locked": False, "schema_version": 3}})


def course_with(tmp_path, *answers) -> Course:
    """A course whose one lesson holds LESSON and whose one assignment holds the given answers."""
    root = tmp_path / "kursus"
    (root / "notebooks" / "01-sandi").mkdir(parents=True)
    nbformat.write(new_notebook(cells=[new_code_cell("import re"), new_code_cell(LESSON)]),
                   root / "notebooks" / "01-sandi" / "sandi.ipynb")
    (root / "assignments" / "source" / "m01").mkdir(parents=True)
    nbformat.write(new_notebook(cells=[new_code_cell("URUTAN = ['qwerty']"), *answers]),
                   root / "assignments" / "source" / "m01" / "m01.ipynb")
    (root / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    return Course(root)


def test_a_renamed_and_recommented_copy_is_flagged_with_both_places(tmp_path):
    copied = answer("    kecil = kata_sandi.lower()  # huruf kecil\n"
                    "    for i in range(len(kecil)-2):\n"
                    "        potongan = kecil[i:i+3]\n\n"
                    "        if any(potongan in urutan for urutan in URUTAN):   # ganti nama\n"
                    "            return True\n    return False\n")
    [problem] = answers_not_in_lessons(course_with(tmp_path, copied))
    text = str(problem)
    assert text.startswith("assignments/source/m01/m01.ipynb:cell 2: the answer's lines 3-9 (6 lines of code")
    assert "notebooks/01-sandi/sandi.ipynb cell 2 line for line" in text


def test_the_same_idea_on_a_new_case_passes(tmp_path):
    twist = answer("    kecil = kata_sandi.lower()\n"
                   "    ulang = [kecil[i] * 3 for i in range(len(kecil))]\n"
                   "    return any(u in kecil for u in ulang)\n")
    assert list(answers_not_in_lessons(course_with(tmp_path, twist))) == []


def test_a_short_answer_copied_whole_is_flagged_but_a_common_short_line_is_not(tmp_path):
    whole = answer("    if any(potongan in x for x in URUTAN):\n        return True\n")
    common = answer("    return False\n")
    problems = list(answers_not_in_lessons(course_with(tmp_path, whole, common)))
    assert [p.cell for p in problems] == [2] and "lines 3-4 (2 lines of code" in str(problems[0])
