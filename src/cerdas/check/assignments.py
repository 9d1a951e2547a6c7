"""Source assignments are gradable: nbgrader metadata is complete, ids unique, points set."""

from __future__ import annotations

from cerdas import cells
from cerdas.check.notebooks import data_access, read_notebook, stored_clean
from cerdas.course import Course
from cerdas.errors import Problem


def gradable(nb, rel: str):
    seen: dict[str, int] = {}
    auto = manual = 0
    for index, cell in cells.nbgrader_cells(nb):
        grade_id = cells.grade_id(cell)
        if not grade_id:
            yield Problem(rel, "nbgrader cell has no grade_id", "give it a descriptive grade_id", cell=index)
        elif grade_id in seen:
            yield Problem(rel, f"duplicate grade_id '{grade_id}' (also cell {seen[grade_id]})",
                          "make every grade_id unique", cell=index)
        else:
            seen[grade_id] = index
        if cells.is_grade(cell) or cells.is_task(cell):
            points = cells.metadata(cell).get("points")
            if not isinstance(points, (int, float)) or points <= 0:
                yield Problem(rel, f"graded cell '{grade_id}' has no points", "set nbgrader points > 0", cell=index)
        auto += cells.is_test(cell)
        manual += cells.is_manual(cell)
        for marks in (cells.SOLUTION, cells.HIDDEN_TESTS):
            if cells.unbalanced(cell.source, marks):
                yield Problem(rel, f"unbalanced '{marks.begin}' / '{marks.end}'", "close every region it opens",
                              cell=index)
        if cells.has_solution_markers(cell.source) and not cells.is_solution(cell):
            yield Problem(rel, "has a solution region but is not a solution cell",
                          "mark the cell as 'Autograded answer' (solution: true)", cell=index)
    if not auto:
        yield Problem(rel, "has no auto-graded test cell", "add at least one test cell (grade: true, solution: false)")
    if not manual:
        yield Problem(rel, "has no manually graded answer", "add a written answer cell (grade: true, solution: true)")


def sources_are_gradable(course: Course):
    for name in course.assignment_names():
        folder = course.source_dir / name
        notebooks = sorted(folder.glob("*.ipynb"))
        if not notebooks:
            yield Problem(course.rel(folder), "assignment has no notebook", "add the source notebook")
        for path in notebooks:
            nb, problems = read_notebook(path, course)
            yield from problems
            if nb is None:
                continue
            rel = course.rel(path)
            for step in (stored_clean, gradable, data_access):
                yield from step(nb, rel)
