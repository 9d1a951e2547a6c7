"""`cerdas assignments verify`: the solution earns full points, the blank version none, every
mutant (plausible wrong answer) loses points on the cell it replaces, and every generated cheat
(an answer that only claims to be right) earns none of them."""

from __future__ import annotations

import pytest

import nbformat

from cerdas.assignments import verify
from cerdas.assignments.cheats import KINDS
from cerdas.cells import answer_cells
from cerdas.cells import tests_by_answer as answers_and_tests
from cerdas.cli import main
from neighbour import grading_beside

pytestmark = pytest.mark.slow


def test_sound_assignment_passes(scenario_course):
    """Solution 2/2, blank 0/2, all three mutants caught with the declared losses, and the three
    generated cheats caught: the test compares through periksa.sama."""
    [result] = verify(course=scenario_course("sound"))
    assert result.ok, result.problems
    [row] = result.rows
    assert (row.grade_id, row.points, row.solution, row.blank) == ("kuadrat_tes", 2, 2, 0)
    assert (row.caught, row.mutants) == (3, 3)
    assert (row.cheats_caught, row.cheats) == (3, 3)
    assert result.cheat_counts == (3, 3)


def test_equality_with_the_learners_value_on_the_left_is_fooled(scenario_course):
    """`assert kuadrat(3) == 9` runs the learner's __eq__: every generated cheat (an object equal to
    everything, an int subclass equal to everything, the helpers patched) earns the cell's 2 points,
    so verify fails and names each one, though no mutants.yml was written."""
    [result] = verify(course=scenario_course("learner-value-on-left"))
    assert not result.ok
    assert result.cheat_cells == {("kuadrat", "kuadrat_jawaban"): dict.fromkeys(KINDS, False)}
    assert result.cheat_counts == (3, 0)
    survivors = sorted(p.what.split(": ")[0] for p in result.problems)
    assert survivors == [f"generated cheat mutant 'curang-{kind}-kuadrat_jawaban' earns 2 of 2 points of cell "
                         "'kuadrat_jawaban'" for kind in sorted(KINDS)]
    assert all(p.cell == 3 for p in result.problems)  # the test cell to fix


def test_hard_coded_answer_needs_a_hidden_test(scenario_course, capsys):
    """Without a hidden test, an answer that returns the visible test's value survives: verify fails and names it."""
    course = scenario_course("hidden-test-missing")
    assert main(["--root", str(course.root), "assignments", "verify"]) == 1
    captured = capsys.readouterr()
    assert "kuadrat/mutants.yml: mutant 'jawaban-dihafal' survives: it earns all 2 points of cell 'kuadrat_jawaban'" \
        in captured.err
    assert "2/3" in captured.out  # the visible test alone catches the other two
    assert "kali-dua" not in captured.err and "pangkat-tiga" not in captured.err


def test_test_that_cannot_fail_is_refused(scenario_course, capsys):
    """`assert True` passes on the blank version: verify fails and names the cell and its id."""
    course = scenario_course("test-cannot-fail")
    assert main(["--root", str(course.root), "assignments", "verify"]) == 1
    err = capsys.readouterr().err
    assert "kuadrat/kuadrat.ipynb:cell 3: test 'kuadrat_tes' gives the blank released version 2 points" in err
    assert "mutant 'kali-dua' survives" in err


def test_wrong_solution_is_refused(scenario_course):
    """A reference solution that fails its own test is reported with the test's message."""
    [result] = verify(course=scenario_course("wrong-solution"))
    assert not result.ok
    [problem] = [p for p in result.problems if "reference solution" in p.what]
    assert problem.cell == 3
    assert "test 'kuadrat_tes' gives the reference solution 0 of 2 points" in problem.what
    assert "kuadrat(3) seharusnya 9." in problem.what


def test_mutant_naming_a_missing_cell_is_a_clear_error(scenario_course, capsys):
    """A mutant that replaces a cell the notebook does not have is reported with the cells it could name."""
    course = scenario_course("mutant-names-missing-cell")
    assert main(["--root", str(course.root), "assignments", "verify"]) == 1
    err = capsys.readouterr().err
    assert ("kuadrat/mutants.yml: mutant 'kali-dua' replaces cell 'kuadrat_jawabn', which is not an answer cell "
            "of kuadrat.ipynb — use one of: kuadrat_jawaban") in err


def test_real_assignments_verify(real_course, tmp_path):
    """Every assignment of the course proves its tests on its solution, its blank version, its mutants
    and, for every answer cell, on each kind of generated cheat; while another instructor's hostile
    batch (fork bomb, storm, 6 GB, loop, os._exit) is graded again and again beside it."""
    with grading_beside(tmp_path, real_course) as neighbour:
        results = verify(course=real_course)
    assert neighbour and all(status == 0 for status in neighbour), neighbour
    assert results, "the course has no assignments"
    for result in results:
        assert result.ok, "\n".join(map(str, result.problems))
        assert all(r.solution == r.points and r.blank == 0 for r in result.rows)
        assert all(r.mutants >= 3 and r.caught == r.mutants for r in result.rows)
        cells = set()
        for path in sorted((real_course.source_dir / result.assignment).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            tested = answers_and_tests(nb)
            cells |= {(path.stem, cell) for cell in answer_cells(nb) if tested[cell]}
        assert cells and set(result.cheat_cells) == cells, result.assignment
        assert all(kinds == dict.fromkeys(KINDS, True) for kinds in result.cheat_cells.values()), result.cheat_cells
        assert result.cheat_counts == (len(KINDS) * len(cells),) * 2
        assert all(r.cheats == len(KINDS) and r.cheats_caught == r.cheats for r in result.rows)


def test_unknown_assignment_is_a_clear_error(real_course, capsys):
    """Asking for an assignment that does not exist names it and lists the real ones."""
    assert main(["--root", str(real_course.root), "assignments", "verify", "tidak-ada"]) == 1
    assert "assignments/source/tidak-ada: no such assignment — choose one of:" in capsys.readouterr().err
