"""An assignment's answers must not be in the lessons: a grade should measure the skill, not copying.

An answer region (the lines between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` of an autograded
answer cell, or the whole cell when it has no markers) is flagged when :data:`RUN` or more of its
lines appear, in the same order and one after another, in a code cell of any lesson under
``notebooks/``. Lines are compared as code, not as text: comments, blank lines, spacing around
operators and import lines do not count, the names a line binds with ``for NAME in`` (a loop or
comprehension variable) count as placeholders, so renaming ``u`` to ``urutan`` hides nothing, and a
line with no name or literal of its own (``else:``, ``)``, ``pass``) is skipped, so two unrelated cells
do not match on punctuation. An answer shorter than :data:`RUN` lines is flagged when all of it, and
at least :data:`SHORT_CHARS` characters of code, is in one lesson cell line for line.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from cerdas import cells
from cerdas.check.notebooks import read_notebook
from cerdas.course import Course
from cerdas.errors import Problem

RUN = 3  # three or more lines in a row
SHORT_CHARS = 40  # a shorter answer copied whole counts when it is at least this long
_BOUND = re.compile(r"\bfor\s+([A-Za-z_][\w\s,()]*?)\s+in\b")
_NAME = re.compile(r"[A-Za-z_]\w*")
_SPACE = re.compile(r"\s+")
_AROUND = re.compile(r"\s*([()\[\]{},:;=+\-*/%<>!&|^~@.])\s*")
_TRIVIAL = re.compile(r"(?:else|try|finally|pass|break|continue|return|[)\]}:,\s])*")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, in the cell's source
    text: str  # the original line, stripped
    key: str  # what is compared


def _without_comments(source: str) -> list[str]:
    """The source's lines with comments removed (strings untouched); by a simple scan when the
    cell does not tokenize (IPython magics, a syntax error)."""
    lines = source.splitlines()
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return [_scan_comment(line) for line in lines]
    for token in reversed(tokens):
        if token.type == tokenize.COMMENT:
            row, col = token.start
            lines[row - 1] = lines[row - 1][:col]
    return lines


def _scan_comment(line: str) -> str:
    quote = None
    for i, char in enumerate(line):
        if quote:
            if char == quote and line[i - 1] != "\\":
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "#":
            return line[:i]
    return line


def code_lines(source: str, numbers=None) -> list[Line]:
    """The lines of ``source`` that count for the comparison (only those in ``numbers`` when given)."""
    found = []
    for number, (original, line) in enumerate(zip(source.splitlines(), _without_comments(source)), start=1):
        if numbers is not None and number not in numbers:
            continue
        key = _AROUND.sub(r"\1", _SPACE.sub(" ", _placeholders(line.strip())))
        if not key or key.startswith(("%", "!", "import ")) or (key.startswith("from ") and " import " in key):
            continue
        if _TRIVIAL.fullmatch(key):
            continue
        found.append(Line(number, original.strip(), key))
    return found


def _placeholders(line: str) -> str:
    """``line`` with the names it binds in ``for ... in`` replaced by ``_v1``, ``_v2``, ... in order."""
    bound = []
    for match in _BOUND.finditer(line):
        bound += [name for name in _NAME.findall(match.group(1)) if name not in bound]
    for number, name in enumerate(bound, start=1):
        line = re.sub(rf"\b{re.escape(name)}\b", f"_v{number}", line)
    return line


def answer_regions(nb) -> list[tuple[int, list[Line]]]:
    """(cell number, counted lines) of every autograded answer's solution."""
    found = []
    for index, cell in cells.nbgrader_cells(nb):
        if cell.cell_type != "code" or not cells.is_solution(cell):
            continue
        if cells.has_solution_markers(cell.source):
            numbers = {n for region in cells.solution_regions(cell.source) for n in region.inner}
        else:
            numbers = None
        found.append((index, code_lines(cell.source, numbers)))
    return found


def lesson_runs(course: Course) -> dict[tuple[str, ...], tuple[str, int, int]]:
    """Every run of 1 to :data:`RUN` counted lines in a lesson code cell -> (lesson, cell number, first line)."""
    index: dict[tuple[str, ...], tuple[str, int, int]] = {}
    for path in course.lesson_notebooks():
        nb, _ = read_notebook(path, course)
        if nb is None:
            continue  # the notebook checks report it
        rel = course.rel(path)
        for number, cell in enumerate(nb.cells, start=1):
            if cell.cell_type != "code":
                continue
            lines = code_lines(cell.source)
            for size in range(1, RUN + 1):
                for i in range(len(lines) - size + 1):
                    index.setdefault(tuple(line.key for line in lines[i:i + size]), (rel, number, lines[i].number))
    return index


def answers_not_in_lessons(course: Course):
    """Flag an answer region that repeats :data:`RUN` or more lines of a lesson's code in a row."""
    names = course.assignment_names()
    if not names:
        return
    runs = lesson_runs(course)
    for name in names:
        for path in sorted((course.source_dir / name).glob("*.ipynb")):
            nb, _ = read_notebook(path, course)
            if nb is None:
                continue
            for cell_number, lines in answer_regions(nb):
                yield from _copied(lines, runs, rel=course.rel(path), cell_number=cell_number)


def _copied(lines: list[Line], runs, *, rel: str, cell_number: int):
    if 0 < len(lines) < RUN:
        where = runs.get(tuple(line.key for line in lines))
        if where is not None and sum(len(line.key) for line in lines) >= SHORT_CHARS:
            yield _problem(lines[0], lines[-1], len(lines), where, rel=rel, cell_number=cell_number)
        return
    i = 0
    while i <= len(lines) - RUN:
        where = runs.get(tuple(line.key for line in lines[i:i + RUN]))
        if where is None:
            i += 1
            continue
        end = i + RUN  # extend the run while the lesson's next window goes on matching
        while end < len(lines) and runs.get(tuple(line.key for line in lines[end - RUN + 1:end + 1])) is not None:
            end += 1
        yield _problem(lines[i], lines[end - 1], end - i, where, rel=rel, cell_number=cell_number)
        i = end


def _problem(first: Line, last: Line, count: int, where, *, rel: str, cell_number: int) -> Problem:
    lesson, lesson_cell, _ = where
    span = f"line {first.number}" if first.number == last.number else f"lines {first.number}-{last.number}"
    return Problem(rel, f"the answer's {span} ({count} line{'s' * (count > 1)} of code, from `{first.text[:60]}`) "
                        f"{'is' if count == 1 else 'are'} in {lesson} cell {lesson_cell} line for line, so retyping the lesson earns the points",
                   "make the exercise apply the idea to a new case, other data or a twist the lesson does not "
                   "show, so the answer has to be worked out", cell=cell_number)
