"""`cerdas assignments verify`: the solution earns full points, the blank version none, and every
mutant (plausible wrong answer) loses points on the cell it replaces."""

from __future__ import annotations

import pytest

from cerdas.assignments import verify
from cerdas.cli import main

pytestmark = pytest.mark.slow


def test_sound_assignment_passes(scenario_course):
    """Solution 2/2, blank 0/2, and all three mutants caught, with the declared losses."""
    [result] = verify(course=scenario_course("sound"))
    assert result.ok, result.problems
    [row] = result.rows
    assert (row.grade_id, row.points, row.solution, row.blank) == ("kuadrat_tes", 2, 2, 0)
    assert (row.caught, row.mutants) == (3, 3)


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


def test_real_assignments_verify(real_course):
    """Every assignment of the course proves its tests on its solution, its blank version and its mutants."""
    results = verify(course=real_course)
    assert results, "the course has no assignments"
    for result in results:
        assert result.ok, "\n".join(map(str, result.problems))
        assert all(r.solution == r.points and r.blank == 0 for r in result.rows)
        assert all(r.mutants >= 3 and r.caught == r.mutants for r in result.rows)


def test_unknown_assignment_is_a_clear_error(real_course, capsys):
    """Asking for an assignment that does not exist names it and lists the real ones."""
    assert main(["--root", str(real_course.root), "assignments", "verify", "tidak-ada"]) == 1
    assert "assignments/source/tidak-ada: no such assignment — choose one of:" in capsys.readouterr().err
