"""``cerdas export``: grade files the learning platform an agency already uses imports as they are.

Scores come from the gradebook, as in the grades table (:func:`cerdas.grading.report.grades_table`):
the total after the late penalty, and each question. A learner on the roster who has no score (did not
submit) gets an empty cell, never a 0, and so does the total of a submission whose written answer still
waits for the instructor (its questions that are graded are filled in): every
platform below reads an empty cell as "no grade" and leaves that learner's grade alone.

Formats (:data:`FORMATS`), each a small function from the collected grades to one CSV file:

* ``moodle``: Moodle's grade import (Course > Grades > Import > CSV file). One row per learner,
  identified by the roster's id in Moodle's ``ID number`` column (map "ID number" to "idnumber" when
  importing; ``Email address`` is there too where the roster has it, to map by e-mail instead). Grade
  columns are headed as Moodle's own export heads them, ``<item> (Real)``: the assignment total and,
  since Moodle creates a new grade item for an unmapped column, each question
  (``<assignment>: <question> (Real)``). Decimal point, comma separator, UTF-8. Moodle refuses the
  whole import when one row's identifier matches no user, so the file holds only roster learners.
* ``classroom``: Google Classroom, which matches learners by e-mail: ``Email Address``, ``First Name``,
  ``Last Name`` and one column per assignment holding its total points (Classroom keeps one grade per
  assignment, so there are no per-question columns). Every learner needs an e-mail in the roster.
* ``csv``: a plain table for anything else: id, names, e-mail, per assignment its total, maximum and
  each question.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cerdas.errors import CourseError, Problem


@dataclass
class Grades:
    """Per assignment, the grades table (one row per learner on the roster) and its questions' maxima."""

    tables: dict[str, pd.DataFrame]
    people: dict[str, dict]  # id -> first_name, last_name, email


def collect(*, grading, assignments: list[str], roster: dict | None = None) -> Grades:
    """The grades of ``assignments`` for every learner on ``roster`` (or, without one, in the gradebook)."""
    from nbgrader.api import Gradebook

    from cerdas.grading.report import grades_table
    from cerdas.grading.results import LearnerStatus, Standing

    with Gradebook(grading.db_url) as gb:
        known = {a.name for a in gb.assignments}
        missing = [a for a in assignments if a not in known]
        if missing:
            raise CourseError(Problem(str(grading.root), f"the gradebook has no assignment {', '.join(missing)}",
                                      f"grade it first (cerdas grade), or choose from: {', '.join(sorted(known))}"))
        people = roster if roster is not None else {
            s.id: {"first_name": s.first_name, "last_name": s.last_name, "email": s.email} for s in gb.students}
    status = {sid: LearnerStatus(Standing.NOT_SUBMITTED) for sid in people}
    tables = {}
    for name in assignments:
        frame = grades_table(grading.db_url, name, status=status, roster=roster)
        tables[name] = frame[frame["id"].isin(list(people))].set_index("id")
    return Grades(tables, people)


def _score(value) -> str:
    """A score as text: decimal point, no trailing zeros; empty for no grade."""
    if value is None or pd.isna(value):
        return ""
    return f"{float(value):.4f}".rstrip("0").rstrip(".")


def _questions(table: pd.DataFrame) -> list[str]:
    return list(table.attrs.get("maxima", {}))


def _total(table: pd.DataFrame, sid: str):
    """The learner's total, or None while they have none or a written answer still waits for the
    instructor (a partial total in the platform would read as final)."""
    if sid not in table.index:
        return None
    line = table.loc[sid]
    if any(pd.isna(line[q]) for q in _questions(table)):
        return None
    return line["total"]


def moodle(grades: Grades) -> tuple[list[str], list[list[str]]]:
    with_email = any(p.get("email") for p in grades.people.values())
    header = ["First name", "Last name", "ID number"] + (["Email address"] if with_email else [])
    for name, table in grades.tables.items():
        header.append(f"{name} (Real)")
        header += [f"{name}: {q} (Real)" for q in _questions(table)]
    rows = []
    for sid, person in sorted(grades.people.items()):
        row = [person.get("first_name") or "", person.get("last_name") or "", sid]
        row += [person.get("email") or ""] if with_email else []
        for table in grades.tables.values():
            line = table.loc[sid] if sid in table.index else None
            row.append(_score(_total(table, sid)))
            row += [_score(None if line is None else line[q]) for q in _questions(table)]
        rows.append(row)
    return header, rows


def classroom(grades: Grades) -> tuple[list[str], list[list[str]]]:
    without = sorted(sid for sid, p in grades.people.items() if not p.get("email"))
    if without:
        raise CourseError(Problem("roster", f"{len(without)} learner(s) have no e-mail, which Google Classroom "
                                  f"matches learners by (e.g. {', '.join(without[:3])})",
                                  "add an email column to the roster CSV with each learner's Classroom e-mail"))
    header = ["Email Address", "First Name", "Last Name", *grades.tables]
    rows = []
    for sid, person in sorted(grades.people.items(), key=lambda kv: kv[1]["email"].lower()):
        rows.append([person["email"], person.get("first_name") or "", person.get("last_name") or ""]
                    + [_score(_total(t, sid)) for t in grades.tables.values()])
    return header, rows


def plain(grades: Grades) -> tuple[list[str], list[list[str]]]:
    header = ["id", "first_name", "last_name", "email"]
    for name, table in grades.tables.items():
        header += [f"{name}:total", f"{name}:maksimum", *(f"{name}:{q}" for q in _questions(table))]
    rows = []
    for sid, person in sorted(grades.people.items()):
        row = [sid, person.get("first_name") or "", person.get("last_name") or "", person.get("email") or ""]
        for table in grades.tables.values():
            line = table.loc[sid] if sid in table.index else None
            maximum = sum(table.attrs.get("maxima", {}).values())
            row += [_score(_total(table, sid)), _score(maximum)]
            row += [_score(None if line is None else line[q]) for q in _questions(table)]
        rows.append(row)
    return header, rows


FORMATS = {"moodle": moodle, "classroom": classroom, "csv": plain}


def export(*, grading, assignments: list[str], to: str, roster: dict | None = None, out: Path | None = None) -> Path:
    """Write ``<to>-nilai.csv`` (in ``out``, default ``<course-dir>/reports/ekspor``) and return its path."""
    if to not in FORMATS:
        raise CourseError(Problem("--to", f"unknown format {to!r}", f"choose one of: {', '.join(FORMATS)}"))
    header, rows = FORMATS[to](collect(grading=grading, assignments=assignments, roster=roster))
    folder = out or grading.root / "reports" / "ekspor"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{to}-nilai.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path
