"""``cerdas feedback``: per-student HTML feedback in Bahasa Indonesia that never leaks hidden tests.

For each question it shows the score, the Indonesian message of a failed *visible* test, and for
hidden tests only "tes tersembunyi: lulus / tidak lulus": never their source, message or
traceback (nbgrader's own feedback shows them: nbgrader #917, #1363). Whether a failure happened
in the hidden part is read from the line the traceback points at; when that cannot be told, the
failure is treated as hidden.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from cerdas.assignments.mutants import tests_by_answer
from cerdas.check.assignments import nbgrader_cells
from cerdas.errors import CourseError, Problem

ANSI = re.compile(r"\x1b\[[0-9;]*m")
CELL_LINE = re.compile(r"Cell In\[\d*\], line (\d+)")
HINTS = {
    "NotImplementedError": "Jawaban belum ditulis. Hapus baris `raise NotImplementedError()` lalu tulis jawaban Anda.",
    "NameError": "Ada nama yang belum didefinisikan. Jalankan semua sel dari atas (Restart & Run All) dan periksa ejaan.",
    "TimeoutError": "Sel berjalan terlalu lama. Periksa perulangan yang tidak pernah berhenti.",
}


def hidden_lines(source: str) -> set[int]:
    """1-based line numbers inside (and on) the hidden-test markers of a test cell."""
    inside, lines = False, set()
    for number, line in enumerate(source.splitlines(), start=1):
        if "### BEGIN HIDDEN TESTS" in line:
            inside = True
        if inside:
            lines.add(number)
        if "### END HIDDEN TESTS" in line:
            inside = False
    return lines


@dataclass
class TestOutcome:
    visible_ok: bool
    hidden: str | None  # "lulus", "tidak lulus" or None when the cell has no hidden tests
    message: str = ""


def outcome(cell) -> TestOutcome:
    """What a learner may be told about one autograded test cell."""
    hidden = hidden_lines(cell.source)
    error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
    if error is None:
        return TestOutcome(True, "lulus" if hidden else None)
    trace = ANSI.sub("", "\n".join(error.get("traceback") or []))
    match = CELL_LINE.search(trace)
    line = int(match.group(1)) if match else None
    if line is None or line in hidden:
        return TestOutcome(True, "tidak lulus")
    ename, evalue = error.get("ename", "Error"), str(error.get("evalue", ""))
    message = evalue if ename == "AssertionError" and evalue else f"{ename}: {evalue}".strip(": ")
    if ename in HINTS:
        message = HINTS[ename]
    return TestOutcome(False, "tidak lulus" if hidden else None, message or "Tes gagal tanpa pesan.")


@dataclass
class Question:
    title: str
    earned: float
    possible: float
    kind: str  # "otomatis" or "pengajar"
    tests: list[TestOutcome] = field(default_factory=list)
    graded: bool = True


def _titles(nb) -> dict[int, str]:
    """The heading in force at each cell index (1-based)."""
    titles, current = {}, nb.cells[0].source.splitlines()[0].lstrip("# ") if nb.cells else ""
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "markdown":
            heads = [l.lstrip("#").strip() for l in cell.source.splitlines() if l.startswith("## ")]
            current = heads[-1] if heads else current
        titles[index] = current
    return titles


def questions(source_nb, autograded_nb, grades: dict) -> list[Question]:
    titles = _titles(source_nb)
    cells = {(c.metadata.get("nbgrader") or {}).get("grade_id"): c for c in autograded_nb.cells}
    result = []
    for answer, tests in tests_by_answer(source_nb).items():
        if not tests:
            continue
        outcomes = [outcome(cells[gid]) for _, gid, _ in tests if gid in cells]
        earned = sum((grades.get(gid) or (0.0, 0.0))[0] for _, gid, _ in tests)
        result.append(Question(titles[tests[0][0]], earned, sum(p for _, _, p in tests), "otomatis", outcomes))
    for index, cell, meta in nbgrader_cells(source_nb):
        if meta.get("grade") and meta.get("solution") or meta.get("task"):
            score = grades.get(meta["grade_id"])
            result.append(Question(titles[index], score[0] if score and score[0] is not None else 0.0,
                                   float(meta.get("points", 0)), "pengajar",
                                   graded=bool(score and score[0] is not None and not score[2])))
    return result


def render(assignment: str, student: str, notebook: str, items: list[Question]) -> str:
    e = html.escape
    total = sum(q.earned for q in items if q.graded)
    possible = sum(q.possible for q in items)
    rows = []
    for q in items:
        lines = []
        for t in q.tests:
            lines.append("<li>Tes terlihat: lulus</li>" if t.visible_ok else
                         f"<li class='gagal'>Tes terlihat: tidak lulus. {e(t.message)}</li>")
            if t.hidden:
                lines.append(f"<li{' class=gagal' if t.hidden != 'lulus' else ''}>tes tersembunyi: {t.hidden}</li>")
        if q.kind == "pengajar":
            lines.append("<li>Dinilai pengajar.</li>" if q.graded else "<li>Belum dinilai pengajar.</li>")
        score = f"{q.earned:g} / {q.possible:g}" if q.graded else f"– / {q.possible:g}"
        rows.append(f"<section><h2>{e(q.title)}</h2><p class='skor'>{score} poin</p><ul>{''.join(lines)}</ul></section>")
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Umpan balik {e(assignment)}: {e(student)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}}
h1{{font-size:1.5rem}}h2{{font-size:1.1rem;margin-bottom:.2rem}}.skor{{font-weight:600;margin:.2rem 0}}
.gagal{{color:#a4000f}}section{{border-top:1px solid #ccc;padding-top:.5rem}}</style></head>
<body><h1>Umpan balik: {e(assignment)}</h1>
<p>Peserta: <strong>{e(student)}</strong> · Notebook: {e(notebook)}</p>
<p class="skor">Nilai sementara: {total:g} dari {possible:g} poin</p>
<p>Tes tersembunyi memeriksa jawaban Anda dengan data lain; isinya tidak ditampilkan agar tetap adil.</p>
{''.join(rows)}
</body></html>
"""


def _grades(gb, assignment: str, student: str, notebook: str) -> dict:
    submission = gb.find_submission_notebook(notebook, assignment, student)
    return {g.name: (g.score, g.max_score, g.needs_manual_grade) for g in submission.grades}


def feedback(*, course_dir: Path, assignment: str, students: list[str] | None = None,
             db_url: str | None = None) -> list[Path]:
    """Write ``feedback/<student>/<assignment>/<notebook>.html`` for every autograded submission.

    Scores come from the gradebook the submissions were graded into: ``db_url`` (e.g. a shared
    ``postgresql://`` one), by default the SQLite ``gradebook.db`` of the course directory.
    """
    from nbgrader.api import Gradebook, MissingEntry

    course_dir = Path(course_dir)
    db_url = db_url or f"sqlite:///{course_dir.resolve() / 'gradebook.db'}"
    autograded = course_dir / "autograded"
    source = course_dir / "source" / assignment
    if not source.is_dir():
        raise CourseError(Problem(str(source), "no such source assignment", "check the assignment name"))
    folders = sorted(p for p in autograded.glob(f"*/{assignment}") if p.is_dir())
    if students:
        folders = [f for f in folders if f.parent.name in students]
    if not folders:
        raise CourseError(Problem(str(autograded), f"no autograded submissions of {assignment}",
                              "grade them first (cerdas grade or nbgrader autograde)"))
    written, missing = [], []
    with Gradebook(db_url) as gb:
        for folder in folders:
            student = folder.parent.name
            for path in sorted(folder.glob("*.ipynb")):
                try:
                    grades = _grades(gb, assignment, student, path.stem)
                except MissingEntry:
                    missing.append(f"{student}/{path.stem}")
                    continue
                items = questions(nbformat.read(source / path.name, as_version=4),
                                  nbformat.read(path, as_version=4), grades)
                target = course_dir / "feedback" / student / assignment / f"{path.stem}.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_suffix(".html.tmp")
                tmp.write_text(render(assignment, student, path.stem, items), encoding="utf-8")
                tmp.replace(target)
                written.append(target)
            keep_release_keys(course_dir, student, assignment)
    if missing and not written:
        raise CourseError(Problem(_shown(db_url), f"holds none of the {len(missing)} autograded submission(s) of "
                                  f"{assignment} (e.g. {missing[0]}), so no feedback was written",
                                  "give the gradebook they were graded into: --db URL"))
    return written


def _shown(db_url: str) -> str:
    """A database URL as it may be printed: without its password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown as the user wrote it, minus nothing secret
        return db_url.split("@")[-1]


def keep_release_keys(course_dir: Path, student: str, assignment: str) -> None:
    """Copy the submission's ``timestamp.txt`` and ``submission_secret.txt`` (from nbgrader collect)
    next to the feedback, as nbgrader's generate_feedback does: ``nbgrader release_feedback`` needs
    them to put each file in the exchange under a name only that student's submission can compute."""
    submitted = course_dir / "submitted" / student / assignment
    for name in ("timestamp.txt", "submission_secret.txt"):
        if (submitted / name).is_file():
            target = course_dir / "feedback" / student / assignment / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((submitted / name).read_bytes())
