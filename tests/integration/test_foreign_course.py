"""An instructor who already grades with nbgrader points `cerdas grade` at their own course.

The course (tests/foreign.py) is written from nbgrader's documented layout, owes nothing to this
repository, and has had no nbgrader step run on it except the one that records a due date
(`nbgrader db assignment add ps1 --duedate=...`, the way nbgrader keeps due dates). Its
nbgrader_config.py sets a course id and a late-penalty rule. `cerdas grade ps1`, run from inside it,
must give every cell the score `nbgrader generate_assignment` + `nbgrader autograde` give on a copy,
and the same late penalty, with the deleted test cell still counted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import nbformat

import foreign
from cerdas.assignments.validate import find_released, static_warnings
from cerdas.cli import main

pytestmark = pytest.mark.slow

LATE_RULE = '\nc.LateSubmissionPlugin.penalty_method = "zero"  # a late submission scores nothing\n'


def nbgrader(course: Path, *args: str) -> None:
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    env.pop("CERDAS_ROOT", None)
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def cell_scores(course: Path) -> dict:
    """{(student, notebook, grade cell): (score, max)} plus each submission's late penalty and total.

    The score is nbgrader's ``Grade.score`` (the manual score if given, else the automatic one, else 0):
    for a test cell the learner deleted nbgrader stores no automatic score (0), where cerdas restores
    the cell from the source and runs it; both must come to the same points."""
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for submission in gb.assignment_submissions(foreign.ASSIGNMENT):
            student = submission.student.id
            scores[(student, "late penalty")] = submission.late_submission_penalty
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    scores[(student, notebook.name, grade.name)] = (grade.score, grade.max_score)
            scores[(student, "total")] = submission.score
        courses = {a.course_id for a in gb.assignments}
    return scores, courses


def test_cerdas_grade_in_a_foreign_course_equals_nbgrader_autograde(tmp_path, monkeypatch, capsys):
    ours = foreign.make_foreign_course(tmp_path / "ours")
    with open(ours / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(LATE_RULE)
    foreign.record_due_date(ours)
    theirs = tmp_path / "theirs"
    shutil.copytree(ours, theirs)
    before = {p: p.read_bytes() for p in (ours / "submitted").rglob("*") if p.is_file()}

    nbgrader(theirs, "generate_assignment", foreign.ASSIGNMENT)
    nbgrader(theirs, "autograde", foreign.ASSIGNMENT)

    monkeypatch.delenv("CERDAS_ROOT", raising=False)
    monkeypatch.chdir(ours / "submitted")  # anywhere inside the course
    assert main(["grade", foreign.ASSIGNMENT, "--jobs", "2"]) == 0, capsys.readouterr().err

    expected, their_courses = cell_scores(theirs)
    got, our_courses = cell_scores(ours)
    print("\nscores (student, notebook, cell): cerdas | nbgrader")
    for key in sorted(expected, key=str):
        print(f"  {key}: {got.get(key)} | {expected[key]}")
    assert got == expected
    assert our_courses == their_courses == {foreign.COURSE_ID}
    assert expected[("reasoner", "late penalty")] > 0, "the late learner must be late, or the test shows nothing"
    assert got[("hacker", "problem1", "correct_sum_of_squares")] == (0, 2), "the deleted test must still count"
    assert {p: p.read_bytes() for p in (ours / "submitted").rglob("*") if p.is_file()} == before
    assert not (ours / "release").exists(), "grading must not write the release folder"
    table = (ours / "reports" / foreign.ASSIGNMENT / f"nilai-{foreign.ASSIGNMENT}.csv").read_text(encoding="utf-8")
    assert all(student in table for student in foreign.STUDENTS)
    assert (ours / "feedback" / "bitdiddle" / foreign.ASSIGNMENT / "problem1.html").is_file()

    # the other commands find the same course from where the instructor stands
    monkeypatch.chdir(ours)
    assert main(["assignments", "release", "ps9"]) == 1
    assert "choose one of: ps1" in capsys.readouterr().err
    assert main(["assignments", "release"]) == 0
    assert sorted(p.name for p in (ours / "release" / "ps1").iterdir()) == ["problem1.ipynb", "problem2.ipynb"]
    (ours / "feedback" / "hacker" / "ps1" / "problem1.html").unlink()
    assert main(["feedback", "ps1", "--student", "hacker"]) == 0
    assert "tidak lulus" in (ours / "feedback" / "hacker" / "ps1" / "problem1.html").read_text(encoding="utf-8")
    # `cerdas validate` on a learner's copy finds the released notebook to name the deleted test cell
    handed_in = ours / "submitted" / "hacker" / "ps1" / "problem1.ipynb"
    monkeypatch.chdir(tmp_path)
    assert find_released(handed_in) == (ours / "release" / "ps1" / "problem1.ipynb").resolve()
    assert any("correct_sum_of_squares" in w for w in static_warnings(
        nbformat.read(handed_in, as_version=4), nbformat.read(find_released(handed_in), as_version=4)))
