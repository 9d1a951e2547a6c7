"""Mutants: plausible wrong answers that an assignment's tests must reject.

Each source assignment keeps ``mutants.yml`` beside its notebook (nbgrader is told to ignore
it, so it is never released)::

    mutants:
      - id: lupa-buang-kosong            # short, unique
        cell: jumlah_per_kecamatan       # grade_id of the answer cell it replaces
        why: counts complaints without a kecamatan as their own group
        loses: 2                         # optional: exactly the points it must lose
        hardcoded: true                  # optional: passes the visible tests, so a hidden test must catch it
        notebook: problem1               # only needed when the assignment has several notebooks
        code: |
          def jumlah_per_kecamatan(df):
              return df["kecamatan"].value_counts(dropna=False)

``code`` replaces the whole answer cell.

Beside these, ``cerdas assignments verify`` generates cheat mutants for every answer cell
(:mod:`cerdas.assignments.cheats`); their ids start with ``curang-``, which ``mutants.yml`` may not use.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from cerdas.assignments.cheats import PREFIX
from cerdas.cells import answer_cells, grade_id
from cerdas.course import Course
from cerdas.errors import CourseError, Problem

FILE_NAME = "mutants.yml"
MIN_PER_CELL = 3


@dataclass(frozen=True)
class Mutant:
    id: str
    notebook: str
    cell: str
    code: str
    why: str = ""
    loses: float | None = None
    hardcoded: bool = False
    cheat: str = ""          # kind of a generated cheat mutant (cheats.KINDS); "" for mutants.yml entries


def load_mutants(folder: Path, *, course: Course) -> list[Mutant]:
    """Read and validate ``mutants.yml``; raise CourseError naming every bad entry."""
    path = folder / FILE_NAME
    rel = course.rel(path)
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CourseError(Problem(rel, f"is not valid YAML{where} ({getattr(exc, 'problem', None) or exc})",
                                  "fix the indentation, quote text that contains ': ', put code under 'code: |'")) from exc
    notebooks = {p.stem: nbformat.read(p, as_version=4) for p in sorted(folder.glob("*.ipynb"))}
    cells = {name: answer_cells(nb) for name, nb in notebooks.items()}
    mutants, problems, seen = [], [], set()
    for position, entry in enumerate(data.get("mutants") or [], start=1):
        if not isinstance(entry, dict):
            problems.append(Problem(rel, f"entry {position} is not a mapping", "give id, cell and code"))
            continue
        mid = str(entry.get("id") or f"#{position}")
        missing = [k for k in ("id", "cell", "code") if not entry.get(k)]
        if missing:
            problems.append(Problem(rel, f"mutant '{mid}' lacks {', '.join(missing)}", "every mutant needs id, cell and code"))
            continue
        if mid in seen:
            problems.append(Problem(rel, f"mutant id '{mid}' is used twice", "give each mutant its own id"))
        if mid.startswith(PREFIX):
            problems.append(Problem(rel, f"mutant id '{mid}' starts with '{PREFIX}', which verify keeps for the "
                                    "cheat mutants it generates", "choose another id"))
        seen.add(mid)
        notebook = entry.get("notebook") or (next(iter(notebooks)) if len(notebooks) == 1 else None)
        if notebook not in notebooks:
            problems.append(Problem(rel, f"mutant '{mid}' names notebook {notebook!r}, which is not in the assignment",
                                    f"set notebook: to one of {', '.join(notebooks)}"))
            continue
        if entry["cell"] not in cells[notebook]:
            problems.append(Problem(rel, f"mutant '{mid}' replaces cell '{entry['cell']}', which is not an answer cell "
                                    f"of {notebook}.ipynb", f"use one of: {', '.join(cells[notebook]) or 'none'}"))
            continue
        mutants.append(Mutant(id=mid, notebook=notebook, cell=entry["cell"], code=str(entry["code"]).rstrip("\n"),
                              why=str(entry.get("why") or ""), loses=entry.get("loses"),
                              hardcoded=bool(entry.get("hardcoded"))))
    if problems:
        raise CourseError(problems)
    return mutants


def coverage_problems(folder: Path, *, course: Course) -> list[Problem]:
    """What `cerdas check` says about an assignment's mutants: present, valid, enough per cell."""
    rel = course.rel(folder / FILE_NAME)
    if not (folder / FILE_NAME).is_file():
        return [Problem(rel, "missing: the assignment has no mutants, so nothing proves its tests reject wrong answers",
                        f"write {FILE_NAME} with at least {MIN_PER_CELL} plausible wrong answers per answer cell")]
    try:
        mutants = load_mutants(folder, course=course)
    except CourseError as exc:
        return exc.problems
    problems = []
    for path in sorted(folder.glob("*.ipynb")):
        for cell in answer_cells(nbformat.read(path, as_version=4)):
            count = sum(1 for m in mutants if m.notebook == path.stem and m.cell == cell)
            if count < MIN_PER_CELL:
                problems.append(Problem(rel, f"answer cell '{cell}' has {count} mutant(s)",
                                        f"add at least {MIN_PER_CELL - count} more plausible wrong answers for it"))
    return problems


def apply(mutant: Mutant, nb):
    """A copy of the source notebook with the mutant's code in place of its answer cell."""
    copy = nbformat.from_dict(nb)
    for cell in copy.cells:
        if grade_id(cell) == mutant.cell:
            cell.source = mutant.code
            return copy
    raise KeyError(mutant.cell)
