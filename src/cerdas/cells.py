"""nbgrader's cell vocabulary, in one place: which cell is an answer, a test, a manual item, its
grade id and points, and the solution, hidden-test and mark-scheme regions inside a cell's source.

Modelled on ``nbgrader.utils`` (``is_grade``, ``is_solution``, ``is_task``, ``is_locked``) and on the
preprocessors that cut regions out at release (``ClearSolutions``, ``ClearHiddenTests``,
``ClearMarkScheme``): a line *containing* a begin delimiter opens a region, the next line containing
its end delimiter closes it. The delimiters are this course's defaults (nbgrader's documented
``### BEGIN SOLUTION`` style); a course configured with others passes its own :class:`Delimiters`.

Every predicate takes a cell as nbformat reads it (a ``NotebookNode``) or as raw notebook JSON (a
``dict``), so a file can be looked at before it is known to be a valid notebook.

The words used across cerdas:

* **answer cell**: nbgrader's *solution* cell, where the learner writes (:func:`is_answer`);
* **autograded answer**: a code answer cell that is not itself graded; the test cells after it
  give its points (:func:`is_autograded_answer`, :func:`tests_by_answer`);
* **test cell**: an autograded code cell, graded and not a solution (:func:`is_test`);
* **manual item**: a manually graded answer (graded solution) or task (:func:`is_manual`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

NBGRADER = "nbgrader"  # the key of a cell's metadata that nbgrader owns


@dataclass(frozen=True)
class Delimiters:
    """The two markers around a region of a cell (nbgrader's ``begin_*_delimeter``/``end_*_delimeter``)."""

    begin: str
    end: str

    @property
    def markers(self) -> tuple[str, str]:
        return self.begin, self.end


SOLUTION = Delimiters("### BEGIN SOLUTION", "### END SOLUTION")
HIDDEN_TESTS = Delimiters("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
MARK_SCHEME = Delimiters("=== BEGIN MARK SCHEME ===", "=== END MARK SCHEME ===")
# Everything nbgrader removes from a cell at release: no line inside these may reach a learner.
SECRET_REGIONS = (SOLUTION, HIDDEN_TESTS, MARK_SCHEME)

# nbgrader's default stubs (ClearSolutions.code_stub["python"], .text_stub); a course may configure
# others, but a Python stub that is to fail when run keeps raising NotImplementedError.
CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
TEXT_STUB = "YOUR ANSWER HERE"
STUB_MARK = "raise NotImplementedError"  # what an answer cell still holding the stub contains


# --- metadata -------------------------------------------------------------------------------------

def metadata(cell) -> dict:
    """The cell's nbgrader metadata; ``{}`` for a cell nbgrader does not know."""
    return (cell.get("metadata") or {}).get(NBGRADER) or {}


def is_nbgrader(cell) -> bool:
    """The cell carries nbgrader metadata (any kind: answer, test, task or read-only)."""
    return bool(metadata(cell))


def grade_id(cell) -> str | None:
    """The cell's nbgrader ``grade_id``, or None."""
    return metadata(cell).get("grade_id")


def is_grade(cell) -> bool:
    """nbgrader's ``is_grade``: the cell is scored (tests, manually graded answers)."""
    return bool(metadata(cell).get("grade"))


def is_solution(cell) -> bool:
    """nbgrader's ``is_solution``: the learner writes in this cell."""
    return bool(metadata(cell).get("solution"))


def is_task(cell) -> bool:
    """nbgrader's ``is_task``: a manually graded task (a markdown cell describing work to do)."""
    return bool(metadata(cell).get("task"))


def is_locked(cell) -> bool:
    """nbgrader's ``is_locked``: solution cells never are, grade cells always, others when marked so."""
    if not is_nbgrader(cell) or is_solution(cell):
        return False
    return is_grade(cell) or bool(metadata(cell).get("locked"))


def is_answer(cell) -> bool:
    """An answer cell: nbgrader's solution cell (autograded or manually graded, code or markdown)."""
    return is_solution(cell)


def is_autograded_answer(cell) -> bool:
    """A code answer cell that is not graded itself: the test cells after it score it."""
    return cell.get("cell_type") == "code" and is_solution(cell) and not is_grade(cell)


def is_test(cell) -> bool:
    """An autograded test cell: code, graded, not a solution."""
    return cell.get("cell_type") == "code" and is_grade(cell) and not is_solution(cell)


def is_manual(cell) -> bool:
    """A manually graded item: a graded answer cell, or a task."""
    return (is_grade(cell) and is_solution(cell)) or is_task(cell)


def points(cell) -> float:
    """The points a graded cell is worth (0 when not set)."""
    return float(metadata(cell).get("points", 0))


def holds_stub(cell, stub: str = STUB_MARK) -> bool:
    """A code answer cell that still holds the stub the release put there (it was not answered)."""
    return cell.get("cell_type") == "code" and is_solution(cell) and stub in cell.get("source", "")


def unmark(cell) -> None:
    """Make the cell an ordinary one: nbgrader neither grades nor checks it any more."""
    cell["metadata"].pop(NBGRADER, None)


def nbgrader_cells(nb, start: int = 1) -> Iterator[tuple[int, object]]:
    """(index, cell) of every cell with nbgrader metadata; indices count from ``start`` over all cells."""
    for index, cell in enumerate(nb["cells"], start=start):
        if is_nbgrader(cell):
            yield index, cell


def answer_cells(nb) -> list[str]:
    """grade_ids of the autograded answer cells of a notebook, in order."""
    return [grade_id(cell) for _, cell in nbgrader_cells(nb) if is_autograded_answer(cell)]


def tests_by_answer(nb) -> dict[str, list[tuple[int, str, float]]]:
    """Each autograded answer's test cells as (1-based index, grade_id, points): every test cell up to
    the next autograded answer. Test cells before the first answer belong to none."""
    mapping: dict[str, list[tuple[int, str, float]]] = {}
    current = None
    for index, cell in nbgrader_cells(nb):
        if is_autograded_answer(cell):
            current = grade_id(cell)
            mapping.setdefault(current, [])
        elif is_test(cell) and current is not None:
            mapping[current].append((index, grade_id(cell), points(cell)))
    return mapping


# --- regions inside a cell's source ---------------------------------------------------------------

@dataclass(frozen=True)
class Region:
    """One delimited region of a source, as 1-based line numbers: ``first`` holds the begin marker,
    ``last`` the end marker (or the source's last line when the region is never closed)."""

    first: int
    last: int
    closed: bool = True

    @property
    def inner(self) -> range:
        """Line numbers strictly between the markers (to the end when never closed)."""
        return range(self.first + 1, self.last if self.closed else self.last + 1)

    @property
    def lines(self) -> range:
        """Line numbers of the whole region, markers included."""
        return range(self.first, self.last + 1)


def regions(source: str, delimiters: Delimiters) -> list[Region]:
    """The regions of ``source`` between ``delimiters``, read as nbgrader reads them: a line
    containing the begin marker opens one (a second begin inside it changes nothing), the next line
    containing the end marker closes it; an end marker outside any region opens nothing."""
    found: list[Region] = []
    first = None
    lines = source.splitlines()
    for number, line in enumerate(lines, start=1):
        if delimiters.begin in line:
            first = first or number
        elif delimiters.end in line and first is not None:
            found.append(Region(first, number))
            first = None
    if first is not None:
        found.append(Region(first, len(lines), closed=False))
    return found


def region_lines(source: str, delimiters: Delimiters) -> set[int]:
    """1-based numbers of the lines in (and on the markers of) every region of ``source``."""
    return {n for region in regions(source, delimiters) for n in region.lines}


def solution_regions(source: str, delimiters: Delimiters = SOLUTION) -> list[Region]:
    return regions(source, delimiters)


def hidden_test_regions(source: str, delimiters: Delimiters = HIDDEN_TESTS) -> list[Region]:
    return regions(source, delimiters)


def hidden_test_lines(source: str, delimiters: Delimiters = HIDDEN_TESTS) -> set[int]:
    """1-based numbers of the lines of a test cell that a learner never sees (markers included)."""
    return region_lines(source, delimiters)


def has_solution_markers(source: str, delimiters: Delimiters = SOLUTION) -> bool:
    """The source opens a solution region (what makes nbgrader's release replace part of it)."""
    return delimiters.begin in source


def has_hidden_tests(source: str, delimiters: Delimiters = HIDDEN_TESTS) -> bool:
    return delimiters.begin in source


def unbalanced(source: str, delimiters: Delimiters) -> bool:
    """Begin and end markers occur a different number of times (a region is left open or never opened)."""
    return source.count(delimiters.begin) != source.count(delimiters.end)


def markers_in(text: str, kinds=SECRET_REGIONS) -> list[str]:
    """The begin and end markers of ``kinds`` that occur anywhere in ``text``, in their order in ``kinds``."""
    return [marker for d in kinds for marker in d.markers if marker in text]


def split_secret(source: str, kinds=SECRET_REGIONS) -> tuple[set[str], set[str]]:
    """(lines inside the regions of ``kinds``, lines outside them) of one source, each stripped.
    Marker lines are in neither: they are removed at release and say nothing of the answer."""
    lines = source.splitlines()
    secret_numbers: set[int] = set()
    marker_numbers: set[int] = set()
    for d in kinds:
        for region in regions(source, d):
            secret_numbers.update(region.inner)
            marker_numbers.add(region.first)
            if region.closed:
                marker_numbers.add(region.last)
    secret = {lines[n - 1].strip() for n in secret_numbers}
    visible = {line.strip() for n, line in enumerate(lines, start=1)
               if n not in secret_numbers and n not in marker_numbers}
    return secret, visible


def _cut(source: str, delimiters: Delimiters, stub: str | None, what: str) -> tuple[str, bool]:
    """nbgrader's region removal (ClearSolutions / ClearHiddenTests): each region's lines go, replaced by
    ``stub`` indented like its begin marker when one is given; a stray end marker line goes too."""
    kept: list[str] = []
    inside = cut = False
    for line in source.split("\n"):
        if delimiters.begin in line:
            if inside:
                raise ValueError(f"a {what} region opens inside another ('{delimiters.begin}' twice before "
                                 f"'{delimiters.end}')")
            inside = cut = True
            if stub is not None:
                indent = line[:len(line) - len(line.lstrip())]
                kept.extend(indent + s for s in stub.split("\n"))
        elif delimiters.end in line:
            inside = False
        elif not inside:
            kept.append(line)
    if inside:
        raise ValueError(f"a {what} region is never closed ('{delimiters.begin}' without '{delimiters.end}')")
    return "\n".join(kept), cut


def strip_solutions(source: str, *, cell_type: str = "code", delimiters: Delimiters = SOLUTION,
                    code_stub: str = CODE_STUB, text_stub: str = TEXT_STUB) -> str:
    """The source as nbgrader releases a solution cell: each solution region replaced by the stub
    (the code stub in a code cell, the text stub otherwise); a solution cell without regions becomes
    the stub whole. Raises ValueError where nbgrader's release fails (nested or unclosed region)."""
    stub = code_stub if cell_type == "code" else text_stub
    released, cut = _cut(source, delimiters, stub, "solution")
    return released if cut else stub


def strip_hidden_tests(source: str, *, delimiters: Delimiters = HIDDEN_TESTS) -> str:
    """The source of a test cell as nbgrader releases it: every hidden-test region removed.
    Raises ValueError where nbgrader's release fails (nested or unclosed region)."""
    return _cut(source, delimiters, None, "hidden test")[0]
