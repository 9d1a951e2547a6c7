"""``cerdas feedback``: per-student HTML feedback in Bahasa Indonesia that never leaks hidden tests.

For each question it shows the score, the Indonesian message of a failed *visible* test, and for
hidden tests only "tes tersembunyi: lulus / tidak lulus": never their source, message or
traceback (nbgrader's own feedback shows them: nbgrader #917, #1363). Whether a failure happened
in the hidden part is read from the line the traceback points at; when that cannot be told, the
failure is treated as hidden.

A test often fails only because the learner's code before it never ran to its end: the answer cell
was stopped at the time limit, by the memory, process or file-size limit, raised an exception, or
the kernel died. The test then reports a secondary error (a ``NameError`` for the function the
answer cell never reached). The feedback names the real cause instead, read from the answer cells
of the autograded notebook, with what to do about it; the limits in force come from the grader's
result file when there is one.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from cerdas import cells
from cerdas.codeparse import parse_cell
from cerdas.errors import CourseError, Problem

ANSI = re.compile(r"\x1b\[[0-9;]*m")
CELL_LINE = re.compile(r"Cell In\[\d*\], line (\d+)")
NOT_DEFINED = re.compile(r"name '([^']+)' is not defined")
OUTPUT_CUT = "[keluaran dipotong"  # the grader's mark where it stopped keeping a cell's output
RERUN = "lalu jalankan ulang semua sel dari atas (Restart & Run All)"
HINTS = {
    "NotImplementedError": "Jawaban belum ditulis. Hapus baris `raise NotImplementedError()` lalu tulis jawaban Anda.",
    "NameError": "Ada nama yang belum didefinisikan. Jalankan semua sel dari atas (Restart & Run All) dan periksa ejaan.",
}
# nbgrader stops a cell at its time limit by interrupting the kernel (KeyboardInterrupt) and then
# records CellTimeoutError.
TIMED_OUT = {"CellTimeoutError", "KeyboardInterrupt"}
PROCESS_LIMIT = re.compile(r"Resource temporarily unavailable|\[Errno 11\]|can't start new thread")
FILE_LIMIT = re.compile(r"File too large|\[Errno 27\]")


@dataclass(frozen=True)
class GraderLimits:
    """The limits a submission was graded under, where known (from ``cerdas grade``'s result file)."""

    cell_seconds: float | None = None
    notebook_seconds: float | None = None
    memory_bytes: int | None = None


def grader_limits(course, assignment: str, student: str) -> GraderLimits:
    path = course.results(assignment) / f"{student}.json"
    try:
        limits = json.loads(path.read_text(encoding="utf-8"))["job"]["limits"]
        return GraderLimits(limits.get("cell_seconds"), limits.get("notebook_seconds"), limits.get("memory_bytes"))
    except (OSError, ValueError, KeyError, TypeError):
        return GraderLimits()  # graded by nbgrader autograde, or the result file is gone


def _errors(cell) -> list:
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def _line(error) -> int | None:
    match = CELL_LINE.search(ANSI.sub("", "\n".join(error.get("traceback") or [])))
    return int(match.group(1)) if match else None


def limit_stop(errors: list, limits: GraderLimits) -> str | None:
    """What stopped a cell when it was a limit of the grader, and what to do; None when it was not."""
    names = {e.get("ename") for e in errors}
    text = " ".join(f"{e.get('ename')}: {e.get('evalue')}" for e in errors)
    if names & TIMED_OUT:
        after = f"setelah {limits.cell_seconds:g} detik" if limits.cell_seconds else "karena melewati batas waktu per sel"
        return (f"dihentikan {after}: cari perulangan yang tidak pernah berhenti (misalnya `while True` tanpa "
                f"`break`) atau perhitungan yang terlalu berat, {RERUN}.")
    if "MemoryError" in names:
        cap = f" ({limits.memory_bytes / 1024**2:g} MB)" if limits.memory_bytes else ""
        return (f"dihentikan karena memakai memori melebihi batas{cap}: jangan membuat data yang sangat besar "
                f"(misalnya daftar berisi jutaan elemen), olah data sedikit demi sedikit, {RERUN}.")
    if PROCESS_LIMIT.search(text):
        return ("dihentikan karena membuat terlalu banyak proses atau thread: jangan menjalankan os.fork, "
                f"subprocess atau multiprocessing di dalam perulangan, {RERUN}.")
    if FILE_LIMIT.search(text):
        return f"dihentikan karena menulis berkas melebihi batas ukuran: jangan menulis berkas yang sangat besar, {RERUN}."
    return None


def answer_stop(cell, limits: GraderLimits) -> str | None:
    """Why an answer cell did not run to its end (a limit or an exception), in Indonesian with what to
    do; None when it ran through. The learner's own code, so its error may be shown."""
    errors = _errors(cell)
    if not errors:
        return None
    stopped = next((e for e in errors if e.get("ename") == "KernelStopped"), None)
    if stopped is not None:
        return f"tidak selesai karena kernel berhenti ({stopped.get('evalue', '')}): {RERUN}."
    reason = limit_stop(errors, limits)
    if reason is None:
        first = errors[0]
        ename, evalue = first.get("ename", "Error"), ANSI.sub("", str(first.get("evalue", ""))).strip()
        if ename == "NotImplementedError":
            return "belum diisi. " + HINTS["NotImplementedError"]
        line = _line(first)
        where = f" di baris {line}" if line else ""
        reason = (f"berhenti karena galat {ename}{': ' + evalue[:200] if evalue else ''}{where}, sehingga kode "
                  f"sesudahnya (termasuk yang diperiksa tes) tidak dijalankan: perbaiki galat itu, {RERUN}.")
    if any(o.get("output_type") == "stream" and OUTPUT_CUT in str(o.get("text", "")) for o in cell.get("outputs", [])):
        reason += " Keluarannya juga dipotong karena terlalu panjang: kurangi print di dalam perulangan."
    return reason


def kernel_stop(reason: str, cell_name: str) -> str:
    """A test the grader marked ``KernelStopped`` (see cerdas.grading.worker): the kernel was gone."""
    notebook_limit = re.match(r"melewati batas waktu notebook \((\d+) detik\)", reason)
    if notebook_limit:
        return (f"Penilaian notebook dihentikan setelah {notebook_limit.group(1)} detik (batas waktu seluruh "
                f"notebook) saat menjalankan {cell_name}, sehingga tes ini tidak dijalankan: cari perulangan yang "
                f"tidak pernah berhenti atau percepat sel yang lambat, {RERUN}.")
    if reason == "kernel mati":
        return (f"Kernel Python berhenti mendadak saat menjalankan {cell_name}, sehingga tes ini tidak dijalankan. "
                "Biasanya karena memori habis, terlalu banyak proses, atau pemanggilan exit(), sys.exit() atau "
                f"os._exit(): hapus pemanggilan itu dan kurangi data yang dibuat, {RERUN}.")
    if reason.startswith("gagal dijalankan"):
        return ("Penilai tidak dapat menjalankan notebook Anda sampai selesai, sehingga tes ini tidak dijalankan. "
                "Ini bukan kesalahan jawaban Anda: hubungi pengajar agar notebook dinilai ulang.")
    return f"Tes ini tidak dijalankan ({reason}) karena kernel berhenti saat menjalankan {cell_name}: {RERUN}."


def _defines(source: str, name: str) -> bool:
    tree = parse_cell(source)
    if tree is None:
        return False
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            return True
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id == name:
            return True
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                (a.asname or a.name.split(".")[0]) == name for a in node.names):
            return True
    return False


def _cell_name(index: int, cell) -> str:
    if cells.is_answer(cell):
        return f"sel jawaban {index + 1} ('{cells.grade_id(cell)}')"
    if cells.is_grade(cell):
        return f"sel tes {index + 1} ('{cells.grade_id(cell)}')"
    return f"sel {index + 1}"


def real_cause(nb, position: int, limits: GraderLimits) -> str | None:
    """Why the test cell at ``position`` (0-based) of an autograded notebook failed, when the cause lies
    before the test: the kernel stopped, the question's answer cell did not run to its end, or a
    ``NameError`` names what an earlier cell that stopped would have defined. None when the test's
    own error is the news (a wrong answer)."""
    errors = _errors(nb.cells[position])
    if not errors:
        return None
    stopped = next((e for e in errors if e.get("ename") == "KernelStopped"), None)
    if stopped is not None:
        # The grader marks the cell that was running when the kernel stopped; in notebooks graded
        # before it did, that is the first code cell the kernel never numbered.
        marked = [i for i, c in enumerate(nb.cells[:position]) if c.cell_type == "code"
                  and any(e.get("ename") == "KernelStopped" for e in _errors(c)) and not cells.is_test(c)]
        running = marked[-1] if marked else next(
            (i for i, c in enumerate(nb.cells[:position + 1])
             if c.cell_type == "code" and c.source.strip() and c.get("execution_count") is None), position)
        name = "tes ini" if running == position else _cell_name(running, nb.cells[running])
        return kernel_stop(str(stopped.get("evalue", "")), name)
    earlier = [(i, c) for i, c in enumerate(nb.cells[:position]) if c.cell_type == "code" and not cells.is_test(c)]
    answers = [(i, c) for i, c in earlier if cells.is_answer(c)]
    if answers:  # the question's own answer cell: the nearest one before its test
        index, cell = answers[-1]
        reason = answer_stop(cell, limits)
        if reason:
            name = _cell_name(index, cell)
            return f"{name[0].upper()}{name[1:]} {reason}"
    missing = next((NOT_DEFINED.search(str(e.get("evalue", ""))) for e in errors if e.get("ename") == "NameError"), None)
    if missing:
        for index, cell in reversed(earlier):
            reason = answer_stop(cell, limits) if _defines(cell.source, missing.group(1)) else None
            if reason:
                name = _cell_name(index, cell)
                return f"`{missing.group(1)}` belum ada karena {name} {reason}"
    return None


@dataclass
class TestOutcome:
    visible_ok: bool
    hidden: str | None  # "lulus", "tidak lulus" or None when the cell has no hidden tests
    message: str = ""
    cause: str = ""  # why a hidden-only failure happened, when it lies in the learner's code before the test


def outcome(cell, cause: str | None = None, limits: GraderLimits = GraderLimits()) -> TestOutcome:
    """What a learner may be told about one autograded test cell. ``cause`` (from :func:`real_cause`)
    replaces the test's own, secondary, error."""
    hidden = cells.hidden_test_lines(cell.source)
    errors = _errors(cell)
    if not errors:
        return TestOutcome(True, "lulus" if hidden else None)
    error = errors[0]
    if error.get("ename") == "KernelStopped":  # the test never ran: neither part passed
        return TestOutcome(False, "tidak lulus" if hidden else None, cause or "Tes ini tidak dijalankan.")
    line = _line(error)
    if line is None or line in hidden:
        return TestOutcome(True, "tidak lulus", cause=cause or "")
    if cause:
        return TestOutcome(False, "tidak lulus" if hidden else None, cause)
    stop = limit_stop(errors, limits)  # the learner's code, called by the test, hit a limit
    if stop:
        return TestOutcome(False, "tidak lulus" if hidden else None, f"Tes {stop}")
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
    comment: str | None = None  # the instructor's comment on a written answer (formgrader)


def _titles(nb) -> dict[int, str]:
    """The heading in force at each cell index (1-based)."""
    titles, current = {}, nb.cells[0].source.splitlines()[0].lstrip("# ") if nb.cells else ""
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "markdown":
            heads = [l.lstrip("#").strip() for l in cell.source.splitlines() if l.startswith("## ")]
            current = heads[-1] if heads else current
        titles[index] = current
    return titles


def questions(source_nb, autograded_nb, grades: dict, limits: GraderLimits = GraderLimits(),
              comments: dict | None = None) -> list[Question]:
    """The learner's questions with their scores: ``grades`` maps a grade id to (score, maximum, still
    needs a manual grade); ``comments`` maps it to the instructor's comment, if any."""
    titles = _titles(source_nb)
    positions = {cells.grade_id(c): i for i, c in enumerate(autograded_nb.cells)}
    result = []
    for answer, tests in cells.tests_by_answer(source_nb).items():
        if not tests:
            continue
        outcomes = [outcome(autograded_nb.cells[positions[gid]], real_cause(autograded_nb, positions[gid], limits), limits)
                    for _, gid, _ in tests if gid in positions]
        earned = sum((grades.get(gid) or (0.0, 0.0))[0] for _, gid, _ in tests)
        result.append(Question(titles[tests[0][0]], earned, sum(p for _, _, p in tests), "otomatis", outcomes))
    for index, cell in cells.nbgrader_cells(source_nb):
        if cells.is_manual(cell):
            score = grades.get(cells.grade_id(cell))
            result.append(Question(titles[index], score[0] if score and score[0] is not None else 0.0,
                                   cells.points(cell), "pengajar",
                                   graded=bool(score and score[0] is not None and not score[2]),
                                   comment=(comments or {}).get(cells.grade_id(cell))))
    return result


def render(assignment: str, student: str, notebook: str, items: list[Question]) -> str:
    """The learner's feedback page (template ``umpan-balik.html``)."""
    from cerdas import report

    return report.render("umpan-balik.html", assignment=assignment, student=student, notebook=notebook, items=items,
                         total=sum(q.earned for q in items if q.graded), possible=sum(q.possible for q in items))


def _grades(gb, assignment: str, student: str, notebook: str) -> dict:
    submission = gb.find_submission_notebook(notebook, assignment, student)
    return {g.name: (g.score, g.max_score, g.needs_manual_grade) for g in submission.grades}


def _comments(gb, assignment: str, student: str, notebook: str) -> dict:
    """The instructor's comments (formgrader) by cell name; nbgrader's automatic ones are left out."""
    submission = gb.find_submission_notebook(notebook, assignment, student)
    return {c.name: c.manual_comment.strip() for c in submission.comments if (c.manual_comment or "").strip()}


def feedback(*, course, assignment: str, students: list[str] | None = None) -> list[Path]:
    """Write ``feedback/<student>/<assignment>/<notebook>.html`` for every autograded submission.

    ``course`` is a :class:`~cerdas.coursedir.CourseDir` (or its folder); scores come from its
    gradebook (``CourseDir.open(path, db_url=...)`` for a shared ``postgresql://`` one), the one the
    submissions were graded into.
    """
    from nbgrader.api import Gradebook, MissingEntry

    from cerdas.coursedir import CourseDir

    course = course if isinstance(course, CourseDir) else CourseDir.open(course)
    db_url = course.db_url
    source = course.source(assignment)
    if not source.is_dir():
        raise CourseError(Problem(str(source), "no such source assignment", "check the assignment name"))
    folders = course.students_in("autograded", assignment)
    if students:
        folders = {s: f for s, f in folders.items() if s in students}
    if not folders:
        raise CourseError(Problem(str(course.step_dir("autograded")), f"no autograded submissions of {assignment}",
                              "grade them first (cerdas grade or nbgrader autograde)"))
    written, missing = [], []
    with Gradebook(db_url) as gb:
        for student, folder in folders.items():
            for path in sorted(folder.glob("*.ipynb")):
                try:
                    grades = _grades(gb, assignment, student, path.stem)
                    comments = _comments(gb, assignment, student, path.stem)
                except MissingEntry:
                    missing.append(f"{student}/{path.stem}")
                    continue
                items = questions(nbformat.read(source / path.name, as_version=4),
                                  nbformat.read(path, as_version=4), grades,
                                  grader_limits(course, assignment, student), comments)
                target = course.feedback(student, assignment) / f"{path.stem}.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_suffix(".html.tmp")
                tmp.write_text(render(assignment, student, path.stem, items), encoding="utf-8")
                tmp.replace(target)
                written.append(target)
            keep_release_keys(course, student, assignment)
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


def keep_release_keys(course, student: str, assignment: str) -> None:
    """Copy the submission's ``timestamp.txt`` and ``submission_secret.txt`` (from nbgrader collect)
    next to the feedback, as nbgrader's generate_feedback does: ``nbgrader release_feedback`` needs
    them to put each file in the exchange under a name only that student's submission can compute."""
    submitted = course.submitted(student, assignment)
    for name in ("timestamp.txt", "submission_secret.txt"):
        if (submitted / name).is_file():
            target = course.feedback(student, assignment) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((submitted / name).read_bytes())
