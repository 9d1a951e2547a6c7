"""``cerdas assignments verify``: prove that each assignment's tests can tell right from wrong.

In a throwaway course directory (never the instructor's gradebook) the assignment is released
and two submissions are auto-graded: the source notebook with its reference solutions, which
must earn every automatic point, and the released blank version, which must earn none. A test
that passes on the blank version can catch nothing; a test that fails on the solution is wrong.
"""

from __future__ import annotations

import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from cerdas.assignments.nbgrader import read_scores, run_nbgrader
from cerdas.check.assignments import is_autograded_test, nbgrader_cells
from cerdas.course import Course
from cerdas.errors import CourseError, Problem

SOLUTION, BLANK = "solusi", "kosong"


@dataclass
class TestRow:
    notebook: str
    grade_id: str
    cell: int
    points: float
    solution: float | None = None
    blank: float | None = None


@dataclass
class VerifyResult:
    assignment: str
    rows: list[TestRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def table(self) -> str:
        lines = [f"{self.assignment}: {'OK' if self.ok else 'FAILED'}",
                 f"  {'cell':<30} {'points':>6} {'solution':>9} {'blank':>6}"]
        for r in self.rows:
            lines.append(f"  {r.grade_id:<30} {r.points:>6g} {_fmt(r.solution):>9} {_fmt(r.blank):>6}")
        return "\n".join(lines)


def _fmt(score: float | None) -> str:
    return "-" if score is None else f"{score:g}"


def _test_cells(path: Path) -> list[tuple[int, str, float]]:
    nb = nbformat.read(path, as_version=4)
    return [(i, m["grade_id"], float(m.get("points", 0))) for i, c, m in nbgrader_cells(nb) if is_autograded_test(c, m)]


def _error_of(autograded: Path, grade_id: str) -> str:
    if not autograded.is_file():
        return ""
    nb = nbformat.read(autograded, as_version=4)
    for cell in nb.cells:
        if (cell.metadata.get("nbgrader") or {}).get("grade_id") == grade_id:
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    return f"{out.get('ename')}: {out.get('evalue')}"[:200]
    return ""


def verify_one(name: str, *, course: Course) -> VerifyResult:
    result = VerifyResult(name)
    source = course.source_dir / name
    notebooks = sorted(source.glob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix=f"cerdas-verify-{name}-") as tmp:
        root = Path(tmp)
        config = course.assignments_dir / "nbgrader_config.py"
        if config.is_file():
            shutil.copy(config, root / "nbgrader_config.py")
        shutil.copytree(source, root / "source" / name)
        try:
            run_nbgrader("generate_assignment", name, course_dir=root, course=course)
            for student, origin in ((SOLUTION, root / "source" / name), (BLANK, root / "release" / name)):
                target = root / "submitted" / student / name
                shutil.copytree(origin, target)
            run_nbgrader("autograde", name, course_dir=root, course=course)
        except CourseError as exc:
            result.problems.extend(exc.problems)
            return result
        solution_scores = read_scores(root, name, SOLUTION)
        blank_scores = read_scores(root, name, BLANK)
        for path in notebooks:
            rel, nb_name = course.rel(path), path.stem
            for cell, grade_id, points in _test_cells(path):
                sol = solution_scores.get((nb_name, grade_id))
                blank = blank_scores.get((nb_name, grade_id))
                row = TestRow(nb_name, grade_id, cell, points,
                              sol.auto_score if sol else None, blank.auto_score if blank else None)
                result.rows.append(row)
                if row.solution is None or row.solution < points:
                    why = _error_of(root / "autograded" / SOLUTION / name / path.name, grade_id)
                    result.problems.append(Problem(
                        rel, f"test '{grade_id}' gives the reference solution {_fmt(row.solution)} of {points:g} points"
                        + (f" ({why})" if why else ""),
                        "fix the solution or the test so the solution earns full points", cell=cell))
                if row.blank is None or row.blank > 0:
                    result.problems.append(Problem(
                        rel, f"test '{grade_id}' gives the blank released version {_fmt(row.blank)} points",
                        "a test that passes before any answer is written cannot catch anything: "
                        "make it check the answer's value", cell=cell))
        if not result.rows:
            result.problems.append(Problem(course.rel(source), "has no auto-graded test cells", "add test cells"))
    return result


def verify(*, course: Course | None = None, names: list[str] | None = None, jobs: int = 2) -> list[VerifyResult]:
    """Verify the named assignments (all by default), ``jobs`` at a time."""
    course = course or Course.find()
    names = names or course.assignment_names()
    unknown = [n for n in names if n not in course.assignment_names()]
    if unknown:
        raise CourseError([Problem(f"assignments/source/{n}", "no such assignment",
                                   f"choose one of: {', '.join(course.assignment_names()) or 'none'}") for n in unknown])
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(lambda n: verify_one(n, course=course), names))
