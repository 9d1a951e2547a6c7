"""Outputs for instructors: grades CSV and Excel (one row per learner) and an item-analysis
HTML report with plots (score distribution, question difficulty, discrimination, the most
common failure message per question).

The grades table has a row for every learner on the roster (or named by the inputs) with a
``status``: ``dinilai`` (graded), ``tidak mengumpulkan`` (did not submit) or ``tidak dapat
dinilai: <file>: <reason>``. Learners without a grade have blank scores, never a silent 0."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import nbformat
import pandas as pd

from cerdas import cells, report
from cerdas.assignments.feedback import ANSI
from cerdas.grading.inputs import GRADED

EARLIER = " (nilai dari pengumpulan sebelumnya)"


def _name(first: str | None, last: str | None) -> str:
    return " ".join(filter(None, [first, last])) or ""


def grades_table(db_url: str, assignment: str, *, status: dict | None = None,
                 roster: dict | None = None) -> pd.DataFrame:
    """One row per learner: id, name, each grade cell's score, the submission time (UTC) and late
    penalty, total (after the penalty, as ``nbgrader export`` computes it), maximum and status.

    Learners with a submission in the gradebook are listed with their scores; every learner in
    ``status`` (see :func:`cerdas.grading.inputs.statuses`) without one gets a row with blank scores
    and their status. A learner whose latest file could not be graded keeps the scores of their
    earlier submission, and the status says so.
    """
    from nbgrader.api import Gradebook

    from cerdas.grading.results import LearnerStatus, Standing

    status, roster = status or {}, roster or {}
    rows, maxima, names = [], {}, {}
    with Gradebook(db_url) as gb:
        assignment_row = gb.find_assignment(assignment)
        for notebook in assignment_row.notebooks:  # the questions, also when nobody has a grade yet
            for cell in [*notebook.grade_cells, *notebook.task_cells]:
                key = cell.name if len(assignment_row.notebooks) == 1 else f"{notebook.name}:{cell.name}"
                maxima[key] = cell.max_score
        for submission in gb.assignment_submissions(assignment):
            student = submission.student
            said = status.get(student.id, LearnerStatus(Standing.GRADED))
            row = {"id": student.id, "nama": _name(student.first_name, student.last_name),
                   "status": str(said) + EARLIER if said.standing is Standing.UNGRADABLE else GRADED,
                   "waktu_kumpul_utc": submission.timestamp, "penalti_terlambat": submission.late_submission_penalty or 0.0}
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    key = grade.name if len(submission.notebooks) == 1 else f"{notebook.name}:{grade.name}"
                    waiting = grade.needs_manual_grade and grade.manual_score is None
                    row[key] = None if waiting else grade.score  # blank = not graded yet, never a silent 0
                    maxima[key] = grade.max_score
            rows.append(row)
        graded = {row["id"] for row in rows}
        missing = [sid for sid in status if sid not in graded]
        if missing:
            names = {s.id: _name(s.first_name, s.last_name) for s in gb.students if s.id in missing}
    for sid in missing:
        person = roster.get(sid) or {}
        rows.append({"id": sid, "nama": _name(person.get("first_name"), person.get("last_name")) or names.get(sid, ""),
                     "status": str(status[sid])})
    questions = list(maxima)
    frame = pd.DataFrame(rows, columns=["id", "nama", *questions, "waktu_kumpul_utc", "penalti_terlambat", "status"])
    frame = frame.sort_values("id", key=lambda ids: ids.astype(str)).reset_index(drop=True)
    scored = frame["status"].str.startswith(GRADED) | frame["status"].str.endswith(EARLIER)
    raw = frame[questions].fillna(0).sum(axis=1)
    total = (raw - frame["penalti_terlambat"].fillna(0)).clip(lower=0)
    frame.insert(len(frame.columns) - 1, "total", total.where(scored))
    frame.insert(len(frame.columns) - 1, "maksimum", sum(maxima.values()))
    frame.attrs["maxima"] = maxima
    return frame


def write_tables(frame: pd.DataFrame, folder: Path, assignment: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    csv, xlsx = folder / f"nilai-{assignment}.csv", folder / f"nilai-{assignment}.xlsx"
    frame.to_csv(csv, index=False, encoding="utf-8")
    frame.to_excel(xlsx, index=False, sheet_name="nilai")
    return [csv, xlsx]


def failure_messages(course, assignment: str) -> dict[str, Counter]:
    """For each test cell, how often each failure message occurred (instructors may see all)."""
    counts: dict[str, Counter] = {}
    folders = course.students_in("autograded", assignment).values()
    for path in sorted(p for folder in folders for p in folder.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            gid = cells.grade_id(cell)
            for out in cell.get("outputs", []):
                if gid and out.get("output_type") == "error":
                    message = ANSI.sub("", f"{out.get('ename')}: {out.get('evalue')}")[:160]
                    counts.setdefault(gid, Counter())[message] += 1
    return counts


def item_analysis(frame: pd.DataFrame) -> pd.DataFrame:
    """Per question: how many were scored, share earning full points, mean score, and discrimination
    (item vs rest total). A question nobody has a score for yet (a written answer the instructor has
    not graded) is reported as such instead of as a question everyone failed."""
    maxima = frame.attrs.get("maxima", {})
    rows = []
    for question, maximum in maxima.items():
        scored = frame[question].notna()
        scores = frame.loc[scored, question].astype(float)
        rest = frame.loc[scored, list(maxima)].astype(float).fillna(0).sum(axis=1) - scores  # raw, before penalties
        discrimination = scores.corr(rest) if scores.nunique() > 1 and rest.nunique() > 1 else float("nan")
        rows.append({"soal": question, "poin": maximum, "dinilai": int(scored.sum()),
                     "rata_rata": scores.mean() if len(scores) else float("nan"),
                     "porsi_penuh": (scores >= maximum).mean() if maximum and len(scores) else float("nan"),
                     "daya_beda": discrimination})
    return pd.DataFrame(rows)


def write_item_report(frame: pd.DataFrame, messages: dict[str, Counter], folder: Path, assignment: str) -> Path:
    """``analisis-butir-<assignment>.html``: score distribution, share with full points per question,
    and the table (template ``analisis-butir.html``)."""
    from matplotlib.ticker import MaxNLocator

    plt = report.pyplot()
    items = item_analysis(frame)
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.hist(frame["total"], bins=min(20, max(5, len(frame) // 2 or 1)), color="#1f6feb")
    ax.set(title=f"Sebaran nilai {assignment}", xlabel="Nilai total", ylabel="Jumlah peserta")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts of people are whole numbers
    distribution = report.png(fig, dpi=90)
    fig, ax = plt.subplots(figsize=(6, 0.4 * max(3, len(items)) + 1))
    ax.barh(items["soal"], items["porsi_penuh"].fillna(0), color="#2da44e")
    ax.set(title="Porsi peserta yang mendapat poin penuh", xlabel="Porsi (0–1)", xlim=(0, 1))
    ax.invert_yaxis()
    difficulty = report.png(fig, dpi=90)
    scored = items.dropna(subset=["porsi_penuh"])
    hardest = scored.loc[scored["porsi_penuh"].idxmin()] if len(scored) else None
    rows = [{**r._asdict(), "pesan": _common(messages, str(r.soal))} for r in items.itertuples(index=False)]
    return report.write(
        folder / f"analisis-butir-{assignment}.html", "analisis-butir.html", assignment=assignment,
        learners=len(frame), mean=frame["total"].mean(), maximum=frame["maksimum"].max() if len(frame) else 0,
        items=rows, distribution=distribution, difficulty=difficulty,
        distribution_alt=f"Histogram nilai total {len(frame)} peserta; rata-rata "
                         f"{report.angka(frame['total'].mean(), 2)} poin.",
        difficulty_alt="Porsi peserta yang mendapat poin penuh per soal" + (
            f"; tersulit: {hardest['soal']} ({report.persen(hardest['porsi_penuh'])})." if hardest is not None else "."))


def _common(messages: dict[str, Counter], question: str) -> str:
    counter = messages.get(question.split(":")[-1])
    if not counter:
        return "-"
    message, count = counter.most_common(1)[0]
    return f"{message} ({count}×)"


def write_reports(*, course, assignment: str, status: dict | None = None,
                  roster: dict | None = None) -> list[Path]:
    """The grades table (CSV, Excel; a row for every learner in ``status``) and the item analysis
    (over the learners with scores), in ``reports/<assignment>/`` of the course directory (a CourseDir)."""
    from cerdas.grading.gradebook import unavailable

    db_url = course.db_url
    folder = course.reports(assignment)
    try:
        frame = grades_table(db_url, assignment, status=status, roster=roster)
    except Exception as exc:  # noqa: BLE001 - a gradebook that cannot be read is one line
        if exc.__class__.__module__.startswith(("sqlalchemy", "nbgrader")):
            raise unavailable(db_url, exc, "read the grades for the reports") from exc
        raise
    paths = write_tables(frame, folder, assignment)
    scored = frame[frame["total"].notna()]
    scored.attrs = frame.attrs
    if len(scored):
        paths.append(write_item_report(scored, failure_messages(course, assignment), folder, assignment))
    return paths
