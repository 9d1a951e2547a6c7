"""`cerdas assignments verify`: the solution earns full points, the blank version none."""

from __future__ import annotations

import pytest

from cerdas.assignments import verify
from cerdas.cli import main

pytestmark = pytest.mark.slow


def test_sound_assignment_passes(scenario_course):
    """A test that rejects a blank answer and accepts the solution verifies."""
    [result] = verify(course=scenario_course("sound"))
    assert result.ok, result.problems
    [row] = result.rows
    assert (row.grade_id, row.points, row.solution, row.blank) == ("kuadrat_tes", 2, 2, 0)


def test_test_that_cannot_fail_is_refused(scenario_course, capsys):
    """`assert True` passes on the blank version: verify fails and names the cell and its id."""
    course = scenario_course("test-cannot-fail")
    assert main(["--root", str(course.root), "assignments", "verify"]) == 1
    err = capsys.readouterr().err
    assert "kuadrat/kuadrat.ipynb:cell 3: test 'kuadrat_tes' gives the blank released version 2 points" in err


def test_wrong_solution_is_refused(scenario_course):
    """A reference solution that fails its own test is reported with the test's message."""
    [result] = verify(course=scenario_course("wrong-solution"))
    assert not result.ok
    [problem] = result.problems
    assert problem.cell == 3
    assert "test 'kuadrat_tes' gives the reference solution 0 of 2 points" in problem.what
    assert "kuadrat(3) seharusnya 9." in problem.what


def test_real_assignments_verify(real_course):
    """Every assignment of the course proves its tests on its solution and its blank version."""
    results = verify(course=real_course)
    assert results, "the course has no assignments"
    for result in results:
        assert result.ok, "\n".join(map(str, result.problems))
        assert all(r.solution == r.points and r.blank == 0 for r in result.rows)


def test_unknown_assignment_is_a_clear_error(real_course, capsys):
    """Asking for an assignment that does not exist names it and lists the real ones."""
    assert main(["--root", str(real_course.root), "assignments", "verify", "tidak-ada"]) == 1
    assert "assignments/source/tidak-ada: no such assignment — choose one of:" in capsys.readouterr().err
