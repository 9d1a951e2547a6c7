"""nbgrader's cell vocabulary (cerdas.cells), on a small assignment built with nbformat.v4: an answer
cell, a visible test, a test with hidden tests, a manually graded written answer, a task, and an
answer cell whose course uses its own solution delimiters. Where nbgrader has the same notion
(``nbgrader.utils``, the ``ClearSolutions``/``ClearHiddenTests`` preprocessors of the release), the
answer is compared with nbgrader's own, so the two cannot drift apart. No kernel is started."""

from __future__ import annotations

import ast
import copy
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from nbgrader import utils as nbutils
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

from cerdas import cells

SRC = Path(cells.__file__).resolve().parent


def nbgrader_cell(kind, source: str, grade_id: str, *, grade=False, solution=False, task=False, points=None,
                  locked=False):
    meta = {"grade": grade, "solution": solution, "task": task, "locked": locked, "grade_id": grade_id,
            "schema_version": 3}
    if points is not None:
        meta["points"] = points
    return kind(source, metadata={"nbgrader": meta})


ANSWER = nbgrader_cell(new_code_cell, "def kuadrat(x):\n    ### BEGIN SOLUTION\n    return x * x\n    ### END SOLUTION",
                       "kuadrat_jawaban", solution=True)
VISIBLE_TEST = nbgrader_cell(new_code_cell, "from cerdas import periksa\nperiksa.sama(4, kuadrat(2))", "kuadrat_tes",
                             grade=True, points=1, locked=True)
HIDDEN_TEST = nbgrader_cell(new_code_cell, "periksa.sama(9, kuadrat(3))\n### BEGIN HIDDEN TESTS\n"
                            "periksa.sama(0, kuadrat(0))\nperiksa.sama(1, kuadrat(-1))\n### END HIDDEN TESTS\n"
                            "print('selesai')", "kuadrat_tes_tersembunyi", grade=True, points=2, locked=True)
WRITTEN = nbgrader_cell(new_markdown_cell, "Jelaskan mengapa kuadrat(-x) == kuadrat(x).", "penjelasan",
                        grade=True, solution=True, points=3)
TASK = nbgrader_cell(new_markdown_cell, "Buat grafik kuadrat.\n=== BEGIN MARK SCHEME ===\nSumbu diberi label.\n"
                     "=== END MARK SCHEME ===", "grafik", task=True, points=2)
EARLY_TEST = nbgrader_cell(new_code_cell, "import math\nperiksa.sama(2, math.sqrt(4))", "sebelum_jawaban", grade=True,
                           points=1)
READ_ONLY = nbgrader_cell(new_code_cell, "import math", "impor", locked=True)
PLAIN = new_code_cell("x = 1")
OWN = cells.Delimiters("# <jawaban>", "# </jawaban>")
CUSTOM_ANSWER = nbgrader_cell(new_code_cell, "def kubik(x):\n    # <jawaban>\n    return x ** 3\n    # </jawaban>",
                              "kubik_jawaban", solution=True)
CUSTOM_TEST = nbgrader_cell(new_code_cell, "periksa.sama(8, kubik(2))", "kubik_tes", grade=True, points=1)
ALL = [READ_ONLY, EARLY_TEST, ANSWER, VISIBLE_TEST, HIDDEN_TEST, WRITTEN, TASK, CUSTOM_ANSWER, CUSTOM_TEST, PLAIN]


def test_each_kind_of_cell_is_named_as_nbgrader_names_it():
    """Answer, test, manual item and points of every kind of cell; is_grade/is_solution/is_task/is_locked
    agree with nbgrader.utils on every cell, a plain cell included."""
    kinds = {c.metadata.get("nbgrader", {}).get("grade_id", "plain"):
             (cells.is_answer(c), cells.is_autograded_answer(c), cells.is_test(c), cells.is_manual(c)) for c in ALL}
    assert kinds == {
        "impor": (False, False, False, False),
        "sebelum_jawaban": (False, False, True, False),
        "kuadrat_tes": (False, False, True, False),
        "kuadrat_jawaban": (True, True, False, False),
        "kuadrat_tes_tersembunyi": (False, False, True, False),
        "penjelasan": (True, False, False, True),
        "grafik": (False, False, False, True),
        "kubik_jawaban": (True, True, False, False),
        "kubik_tes": (False, False, True, False),
        "plain": (False, False, False, False),
    }
    for c in ALL:
        assert cells.is_grade(c) == bool(nbutils.is_grade(c))
        assert cells.is_solution(c) == bool(nbutils.is_solution(c))
        assert cells.is_task(c) == bool(nbutils.is_task(c))
        assert cells.is_locked(c) == bool(nbutils.is_locked(c))
    assert [cells.points(c) for c in (VISIBLE_TEST, HIDDEN_TEST, WRITTEN, ANSWER, PLAIN)] == [1, 2, 3, 0, 0]
    assert (cells.grade_id(ANSWER), cells.grade_id(PLAIN), cells.is_nbgrader(PLAIN)) == ("kuadrat_jawaban", None, False)


def test_a_raw_json_cell_is_read_like_a_notebook_node():
    """A cell as json.load gives it (checked before the file is known to be a valid notebook)."""
    raw = {"cell_type": "code", "source": "", "metadata": {"nbgrader": {"grade": True, "grade_id": "t", "points": 1}}}
    assert (cells.grade_id(raw), cells.is_test(raw), cells.points(raw)) == ("t", True, 1.0)
    assert cells.grade_id({"cell_type": "markdown", "source": ""}) is None


def test_tests_belong_to_the_answer_before_them():
    """Each autograded answer gets the test cells up to the next answer, with 1-based index and points;
    a test before any answer and the written answer belong to none."""
    nb = new_notebook(cells=copy.deepcopy(ALL))
    assert cells.answer_cells(nb) == ["kuadrat_jawaban", "kubik_jawaban"]
    assert cells.tests_by_answer(nb) == {
        "kuadrat_jawaban": [(4, "kuadrat_tes", 1.0), (5, "kuadrat_tes_tersembunyi", 2.0)],
        "kubik_jawaban": [(9, "kubik_tes", 1.0)],
    }
    assert [i for i, _ in cells.nbgrader_cells(nb)] == list(range(1, 10))


def test_hidden_test_lines_are_the_region_and_its_markers():
    """Lines 2-5 of the hidden test are hidden (markers included); a cell without hidden tests has none,
    and a region never closed runs to the end of the cell."""
    assert cells.hidden_test_lines(HIDDEN_TEST.source) == {2, 3, 4, 5}
    assert cells.hidden_test_regions(HIDDEN_TEST.source) == [cells.Region(2, 5)]
    assert cells.hidden_test_lines(VISIBLE_TEST.source) == set()
    assert cells.has_hidden_tests(HIDDEN_TEST.source) and not cells.has_hidden_tests(VISIBLE_TEST.source)
    assert cells.hidden_test_lines("a\n### BEGIN HIDDEN TESTS\nb\nc") == {2, 3, 4}


@pytest.mark.parametrize("cell", [VISIBLE_TEST, HIDDEN_TEST], ids=["visible", "hidden"])
def test_stripping_hidden_tests_matches_nbgrader_release(cell):
    """What strip_hidden_tests leaves is exactly what nbgrader's ClearHiddenTests releases."""
    released, _ = ClearHiddenTests().preprocess_cell(copy.deepcopy(cell), {}, 0)
    assert cells.strip_hidden_tests(cell.source) == released.source
    assert "kuadrat(0)" not in cells.strip_hidden_tests(HIDDEN_TEST.source)


@pytest.mark.parametrize("cell", [ANSWER, WRITTEN], ids=["code-answer", "written-answer"])
def test_stripping_solutions_matches_nbgrader_release(cell):
    """A code answer keeps its scaffolding around the stub; a written answer without regions becomes the
    text stub whole: both exactly as nbgrader's ClearSolutions releases them."""
    released, _ = ClearSolutions().preprocess_cell(copy.deepcopy(cell), {"language": "python"}, 0)
    assert cells.strip_solutions(cell.source, cell_type=cell.cell_type) == released.source
    assert cells.solution_regions(ANSWER.source) == [cells.Region(2, 4)]
    assert cells.has_solution_markers(ANSWER.source) and not cells.has_solution_markers(WRITTEN.source)


def test_a_course_with_its_own_delimiters_and_stub():
    """With the course's delimiters and code stub passed in, the custom answer is read and released as
    nbgrader configured the same way releases it; the default delimiters see no region in it."""
    stub = "# TULIS JAWABAN ANDA DI SINI\nraise NotImplementedError()"
    nbgrader = ClearSolutions(begin_solution_delimeter=OWN.begin, end_solution_delimeter=OWN.end,
                              code_stub={"python": stub})
    released, _ = nbgrader.preprocess_cell(copy.deepcopy(CUSTOM_ANSWER), {"language": "python"}, 0)
    assert cells.strip_solutions(CUSTOM_ANSWER.source, delimiters=OWN, code_stub=stub) == released.source
    assert "x ** 3" not in released.source and "    raise NotImplementedError()" in released.source
    assert cells.solution_regions(CUSTOM_ANSWER.source, OWN) == [cells.Region(2, 4)]
    assert cells.has_solution_markers(CUSTOM_ANSWER.source, OWN)
    assert not cells.has_solution_markers(CUSTOM_ANSWER.source) and cells.solution_regions(CUSTOM_ANSWER.source) == []
    assert cells.holds_stub(new_code_cell(released.source, metadata=CUSTOM_ANSWER.metadata))
    assert not cells.holds_stub(CUSTOM_ANSWER)


def test_regions_nbgrader_cannot_release_are_refused():
    """An unclosed or nested region makes nbgrader's release fail; stripping says so instead of guessing,
    and the balance check sees the missing end marker."""
    unclosed = "### BEGIN SOLUTION\nx = 1"
    nested = "### BEGIN SOLUTION\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION"
    for source in (unclosed, nested):
        with pytest.raises(ValueError, match="solution region"):
            cells.strip_solutions(source)
        with pytest.raises(RuntimeError):
            ClearSolutions().preprocess_cell(new_code_cell(source, metadata=ANSWER.metadata), {"language": "python"}, 0)
    assert cells.unbalanced(unclosed, cells.SOLUTION) and not cells.unbalanced(ANSWER.source, cells.SOLUTION)
    with pytest.raises(ValueError, match="hidden test region"):
        cells.strip_hidden_tests("### BEGIN HIDDEN TESTS\nassert False")


def test_secret_lines_are_inside_regions_markers_in_neither():
    """Solution, hidden-test and mark-scheme lines are secret; the lines around them are visible; the
    marker lines themselves are neither (the release removes them)."""
    secret, visible = cells.split_secret(ANSWER.source)
    assert (secret, visible) == ({"return x * x"}, {"def kuadrat(x):"})
    secret, visible = cells.split_secret(HIDDEN_TEST.source)
    assert secret == {"periksa.sama(0, kuadrat(0))", "periksa.sama(1, kuadrat(-1))"}
    assert visible == {"periksa.sama(9, kuadrat(3))", "print('selesai')"}
    assert cells.split_secret(TASK.source) == ({"Sumbu diberi label."}, {"Buat grafik kuadrat."})
    assert cells.markers_in(TASK.source) == ["=== BEGIN MARK SCHEME ===", "=== END MARK SCHEME ==="]
    assert cells.markers_in(VISIBLE_TEST.source) == []


def test_unmark_makes_an_ordinary_cell():
    """A duplicated graded cell the grader demotes is no longer an nbgrader cell of any kind."""
    cell = copy.deepcopy(VISIBLE_TEST)
    cells.unmark(cell)
    assert not cells.is_nbgrader(cell) and not cells.is_test(cell) and cells.is_test(VISIBLE_TEST)


def imported_modules(path: Path) -> set[str]:
    """Every module a source file imports, at its top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def test_check_and_mutants_share_the_vocabulary_not_each_other():
    """cerdas.check.assignments and cerdas.assignments.mutants both build on cerdas.cells and never
    import each other (they used to, in a cycle)."""
    check = imported_modules(SRC / "check" / "assignments.py")
    mutants = imported_modules(SRC / "assignments" / "mutants.py")
    assert not {m for m in check if m.startswith("cerdas.assignments.mutants")}, check
    assert not {m for m in mutants if m.startswith("cerdas.check")}, mutants
    assert "cerdas.cells" in check and "cerdas.cells" in mutants
