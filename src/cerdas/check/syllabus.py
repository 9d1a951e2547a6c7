"""Lesson times and audience paths: what the syllabus and the JP on certificates promise holds.

- each lesson's ``menit`` is within :data:`cerdas.estimate.TOLERANCE` of the estimate from its content;
- no lesson is estimated above the course's ``maks_menit_pelajaran`` (kursus.yml), when it sets one;
- the ``jalur`` of kursus.yml name existing modules and audiences, cover every module, and agree with
  the lessons' ``audiens``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cerdas import estimate, syllabus
from cerdas.course import Course
from cerdas.errors import CourseError, Problem


@dataclass(frozen=True)
class TimeRow:
    path: Path
    minutes: int
    estimate: estimate.Estimate

    @property
    def off_by(self) -> float:
        return estimate.off_by(self.minutes, self.estimate.minutes)


def time_rows(course: Course) -> list[TimeRow]:
    """Every lesson with valid metadata: its ``menit`` and the estimate, in syllabus order."""
    return [TimeRow(l.path, l.minutes, estimate.estimate_file(l.path)) for l in syllabus.lessons(course)]


def lesson_times(course: Course):
    try:
        longest = syllabus.max_minutes(course)
    except CourseError as exc:
        yield from exc.problems
        longest = None
    for row in time_rows(course):
        rel, est = course.rel(row.path), row.estimate
        if abs(row.off_by) > estimate.TOLERANCE:
            yield Problem(
                rel, f"metadata.cerdas: 'menit' is {row.minutes} but the content needs about {est.minutes} "
                     f"minutes ({row.off_by:+.0%}; estimate: {est.explain()}, rounded up to {estimate.ROUND_TO})",
                f"set 'menit': {est.minutes}" + (", or split the lesson" if row.minutes < est.minutes else ""))
        if longest is not None and est.minutes > longest:
            yield Problem(
                rel, f"is estimated at {est.minutes} minutes, above the course's maximum of {longest} "
                     f"('maks_menit_pelajaran' in {syllabus.SETTINGS})",
                "split it into parts of 30-45 minutes, each a notebook of its own in the same module folder")


def audience_paths(course: Course):
    try:
        paths = syllabus.learning_paths(course)
    except CourseError as exc:
        yield from exc.problems
        return
    yield from syllabus.path_problems(paths, syllabus.lessons(course), course)


def time_table(course: Course) -> list[str]:
    """``cerdas check --waktu``: one line per lesson with menit, estimate, difference and JP."""
    per_jp = syllabus.minutes_per_jp(course)
    longest = syllabus.max_minutes(course)
    rows = time_rows(course)
    width = max([len(course.rel(r.path)) for r in rows] + [len("lesson")])
    lines = [f"{'lesson':<{width}}  menit  estimate  difference    JP",
             f"{'-' * width}  -----  --------  ----------  ----"]
    for r in rows:
        flags = [f"off by more than {estimate.TOLERANCE:.0%}"] if abs(r.off_by) > estimate.TOLERANCE else []
        flags += [f"above the maximum of {longest}"] if longest is not None and r.estimate.minutes > longest else []
        flag = f"  <- {', '.join(flags)}" if flags else ""
        lines.append(f"{course.rel(r.path):<{width}}  {r.minutes:>5}  {r.estimate.minutes:>8}  {r.off_by:>+10.0%}  "
                     f"{syllabus.jp(r.minutes, per_jp):>4}{flag}")
    total = sum(r.minutes for r in rows)
    lines.append(f"{'total':<{width}}  {total:>5}  {sum(r.estimate.minutes for r in rows):>8}  {'':>10}  "
                 f"{syllabus.jp(total, per_jp):>4}")
    lines.append(f"(estimate: prose words / {estimate.READING_WPM} + {estimate.CODE_CELL_MINUTES} per code cell + "
                 f"{estimate.TRY_MINUTES} per 'Coba sendiri' + {estimate.EXERCISE_MINUTES} per exercise, rounded up "
                 f"to {estimate.ROUND_TO}; JP = menit / {per_jp})")
    return lines
