"""A plain nbgrader course that owes nothing to this repository: the layout nbgrader documents
(``nbgrader_config.py``, ``source/<assignment>/``, ``submitted/<student>/<assignment>/`` with a
``timestamp.txt``), an English problem set, three students.

Built from nbformat v4 builders only, so a test can write it anywhere and grade it with ``cerdas`` or
with ``nbgrader autograde`` and compare. Nothing here comes from this course's fixtures.

    ps1/problem1.ipynb  squares(n) and sum_of_squares(n): autograded answers with visible and hidden
                        tests (1 + 1 + 2 points), one manually graded markdown answer (1 point)
    ps1/problem2.ipynb  word_lengths(text) and longest_word(text) (2 + 1 points)

Students (their files are what nbgrader's release gave them, answers filled in):

    bitdiddle  every answer right                       -> all 7 autograded points
    hacker     sum_of_squares wrong, and its test cell deleted (the test must still count)
    reasoner   squares off by one, longest_word wrong; submitted after the due date
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

COURSE_ID = "intro-programming-2026"
ASSIGNMENT = "ps1"
DUE_DATE = "2026-03-02 17:00:00 UTC"
TIMESTAMPS = {
    "bitdiddle": "2026-03-01 20:14:09.511302 UTC",
    "hacker": "2026-03-02 16:58:47.120044 UTC",
    "reasoner": "2026-03-03 09:31:12.004210 UTC",  # late: after DUE_DATE
}
STUDENTS = tuple(TIMESTAMPS)
AUTO_POINTS = 7.0  # autograded points of ps1 (problem1: 1 + 1 + 2, problem2: 2 + 1)
MANUAL_POINTS = 1.0
CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
TEXT_STUB = "YOUR ANSWER HERE"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

CONFIG = f'''\
c = get_config()  # noqa: F821

c.CourseDirectory.course_id = "{COURSE_ID}"
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
'''


# --- cells as the instructor writes them in source/ ------------------------------------------------------

def _meta(grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float | None = None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution,
            "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def answer(grade_id: str, source: str):
    """An autograded answer: code whose solution lies between BEGIN/END SOLUTION markers."""
    return new_code_cell(source, metadata=_meta(grade_id, grade=False, solution=True, locked=False))


def tests(grade_id: str, source: str, points: float):
    """Autograder tests: a locked code cell worth ``points``, hidden tests between markers."""
    return new_code_cell(source, metadata=_meta(grade_id, grade=True, solution=False, locked=True, points=points))


def written(grade_id: str, source: str, points: float):
    """A manually graded markdown answer."""
    return new_markdown_cell(source, metadata=_meta(grade_id, grade=True, solution=True, locked=False,
                                                    points=points))


def _notebook(cells) -> nbformat.NotebookNode:
    nb = new_notebook(cells=cells, metadata={"kernelspec": dict(KERNELSPEC),
                                             "language_info": {"name": "python"}})
    return nb


def problem1() -> nbformat.NotebookNode:
    return _notebook([
        new_markdown_cell("# Problem 1: squares\n\nRestart the kernel and run all cells before you submit."),
        new_markdown_cell("## Part A (2 points)\n\nWrite `squares(n)`, the list $i^2$ for $1 \\le i \\le n$; "
                          "raise `ValueError` when $n < 1$."),
        answer("squares", 'def squares(n):\n    """The squares of 1 to n."""\n'
                          "    ### BEGIN SOLUTION\n    if n < 1:\n"
                          '        raise ValueError("n must be greater than or equal to 1")\n'
                          "    return [i ** 2 for i in range(1, n + 1)]\n    ### END SOLUTION"),
        tests("correct_squares", '"""squares returns the right list"""\n'
                                 "assert squares(1) == [1]\nassert squares(2) == [1, 4]\n"
                                 "### BEGIN HIDDEN TESTS\n"
                                 "assert squares(10) == [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]\n"
                                 "### END HIDDEN TESTS", 1),
        tests("squares_invalid_input", '"""squares rejects n < 1"""\n'
                                       "try:\n    squares(0)\nexcept ValueError:\n    pass\n"
                                       'else:\n    raise AssertionError("did not raise")\n'
                                       "### BEGIN HIDDEN TESTS\n"
                                       "try:\n    squares(-4)\nexcept ValueError:\n    pass\n"
                                       'else:\n    raise AssertionError("did not raise")\n'
                                       "### END HIDDEN TESTS", 1),
        new_markdown_cell("## Part B (2 points)\n\nUse `squares` to write `sum_of_squares(n)`."),
        answer("sum_of_squares", 'def sum_of_squares(n):\n    """The sum of the squares of 1 to n."""\n'
                                 "    ### BEGIN SOLUTION\n    return sum(squares(n))\n    ### END SOLUTION"),
        tests("correct_sum_of_squares", '"""sum_of_squares returns the right sum"""\n'
                                        "assert sum_of_squares(1) == 1\nassert sum_of_squares(2) == 5\n"
                                        "### BEGIN HIDDEN TESTS\n"
                                        "assert sum_of_squares(10) == 385\nassert sum_of_squares(11) == 506\n"
                                        "### END HIDDEN TESTS", 2),
        new_markdown_cell("## Part C (1 point)\n\nWrite $\\sum_{i=1}^n i^2$ in closed form."),
        written("sum_of_squares_equation", "$\\sum_{i=1}^n i^2 = \\frac{n(n+1)(2n+1)}{6}$", 1),
    ])


def problem2() -> nbformat.NotebookNode:
    return _notebook([
        new_markdown_cell("# Problem 2: words"),
        answer("word_lengths", 'def word_lengths(text):\n    """The length of each word of text, in order."""\n'
                               "    ### BEGIN SOLUTION\n    return [len(word) for word in text.split()]\n"
                               "    ### END SOLUTION"),
        tests("correct_word_lengths", '"""word_lengths counts letters per word"""\n'
                                      'assert word_lengths("a bb ccc") == [1, 2, 3]\n'
                                      "### BEGIN HIDDEN TESTS\n"
                                      'assert word_lengths("") == []\n'
                                      'assert word_lengths("  two   spaces ") == [3, 6]\n'
                                      "### END HIDDEN TESTS", 2),
        answer("longest_word", 'def longest_word(text):\n    """The longest word of text (the first on a tie)."""\n'
                               "    ### BEGIN SOLUTION\n    return max(text.split(), key=len)\n    ### END SOLUTION"),
        tests("correct_longest_word", '"""longest_word keeps the first of equally long words"""\n'
                                      'assert longest_word("a bbb cc") == "bbb"\n'
                                      "### BEGIN HIDDEN TESTS\n"
                                      'assert longest_word("ab cd e") == "ab"\n'
                                      "### END HIDDEN TESTS", 1),
    ])


SOURCE = {"problem1": problem1, "problem2": problem2}

# --- what each student typed into the released notebooks --------------------------------------------------

RIGHT = {
    "squares": "def squares(n):\n    if n < 1:\n        raise ValueError('n < 1')\n"
               "    return [i * i for i in range(1, n + 1)]",
    "sum_of_squares": "def sum_of_squares(n):\n    return sum(squares(n))",
    "sum_of_squares_equation": "$n(n+1)(2n+1)/6$",
    "word_lengths": "def word_lengths(text):\n    return [len(w) for w in text.split()]",
    "longest_word": "def longest_word(text):\n    best = ''\n    for w in text.split():\n"
                    "        if len(w) > len(best):\n            best = w\n    return best",
}
ANSWERS = {
    "bitdiddle": RIGHT,
    # passes the visible tests of sum_of_squares only (hard-coded), and deleted that test cell anyway
    "hacker": {**RIGHT, "sum_of_squares": "def sum_of_squares(n):\n    return {1: 1, 2: 5}.get(n, 0)",
               "sum_of_squares_equation": "$n^3/3$"},
    # squares starts at 0 (so the hidden test fails), longest_word keeps the last of a tie
    "reasoner": {**RIGHT, "squares": "def squares(n):\n    if n < 1:\n        raise ValueError('n < 1')\n"
                                     "    return [i * i for i in range(n)]",
                 "longest_word": "def longest_word(text):\n    return sorted(text.split(), key=len)[-1]"},
}
DELETED = {"hacker": {"correct_sum_of_squares"}}

HIDDEN = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[ \t]*\n?", re.S | re.M)
SOLUTION = re.compile(r"^([ \t]*)### BEGIN SOLUTION.*?### END SOLUTION[ \t]*$", re.S | re.M)


def _stub(source: str, cell_type: str) -> str:
    """nbgrader's ClearSolutions: the code between the solution markers becomes the indented stub; a
    solution cell without markers becomes the stub entirely."""
    if cell_type == "code" and SOLUTION.search(source):
        return SOLUTION.sub(lambda m: "\n".join(m.group(1) + line for line in CODE_STUB.splitlines()), source)
    return CODE_STUB if cell_type == "code" else TEXT_STUB


def _released(cell) -> nbformat.NotebookNode:
    """The cell as ``nbgrader generate_assignment`` releases it (stubs, no hidden tests, checksum)."""
    from nbgrader.utils import compute_checksum  # nbgrader's own checksum of a released cell

    cell = nbformat.from_dict(cell)
    meta = cell.metadata.get("nbgrader")
    if not meta:
        return cell
    if meta["solution"]:
        cell.source = _stub(cell.source, cell.cell_type)
    elif meta["grade"]:
        cell.source = HIDDEN.sub("", cell.source).rstrip("\n")
    meta["cell_type"] = cell.cell_type
    meta["checksum"] = compute_checksum(cell)
    cell.metadata["deletable"] = False
    if meta["locked"]:
        cell.metadata["editable"] = False
    return cell


def submission(student: str, notebook: str) -> nbformat.NotebookNode:
    """The notebook ``student`` handed in: the released one with their answers and deletions."""
    nb = SOURCE[notebook]()
    cells = []
    for cell in map(_released, nb.cells):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in DELETED.get(student, ()):
            continue
        if grade_id in ANSWERS[student] and cell.metadata["nbgrader"]["solution"]:
            cell.source = ANSWERS[student][grade_id]
        cells.append(cell)
    nb.cells = cells
    return nb


def make_foreign_course(target: Path) -> Path:
    """Write the course into ``target`` (created) and return it: config, source/ps1 with two notebooks,
    and submitted/<student>/ps1/ with a timestamp.txt for each of :data:`STUDENTS`. No gradebook, no
    release folder: nothing of nbgrader has run. The due date (:data:`DUE_DATE`) is what an instructor
    would give ``nbgrader db assignment add ps1 --duedate=...``; the caller records it where needed."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    (target / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    for name, build in SOURCE.items():
        path = target / "source" / ASSIGNMENT / f"{name}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(build(), path)
    for student in STUDENTS:
        folder = target / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True, exist_ok=True)
        for name in SOURCE:
            nbformat.write(submission(student, name), folder / f"{name}.ipynb")
        (folder / "timestamp.txt").write_text(TIMESTAMPS[student], encoding="utf-8")
    return target


def record_due_date(course: Path, due: str = DUE_DATE) -> None:
    """What ``nbgrader db assignment add ps1 --duedate=...`` does: the assignment and its due date in the
    course's default gradebook (``sqlite:///<course>/gradebook.db``), so the late student is late."""
    import os
    import sys

    from nbgrader.api import Gradebook

    bin_dir = str(Path(sys.executable).parent)  # nbgrader runs `alembic` from PATH to create a gradebook
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    with Gradebook(f"sqlite:///{Path(course).resolve() / 'gradebook.db'}", course_id=COURSE_ID) as gb:
        gb.update_or_create_assignment(ASSIGNMENT, duedate=due)
