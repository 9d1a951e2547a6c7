"""Find the submissions to grade: an nbgrader ``submitted/`` tree, an exchange inbound folder, or a
folder / zip downloaded from an LMS or a shared drive (file names carrying the student id).

Every problem with an input becomes one :class:`InputIssue` line and the batch goes on: unknown
students, duplicates (the latest wins), wrong assignment, wrong file name, invalid JSON,
non-UTF-8, empty files, an unreadable ``timestamp.txt``. A learner whose submission cannot be
graded is listed in :attr:`Collected.rejected` with the reason, so the reports can give them a
row. Problems name a file as the instructor knows it (inside a zip: its name in the zip).
Originals are only read, never modified; zips are extracted to a throwaway folder.

Submission times are read with nbgrader's own parser (:func:`nbgrader.utils.parse_utc`, what
``nbgrader autograde`` applies to ``timestamp.txt``) and kept as naive UTC, as nbgrader stores them.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

import nbformat
from dateutil.tz import gettz
from nbgrader.utils import parse_utc

from cerdas import cells
from cerdas.errors import CourseError, Problem

STAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[ T_-]?(\d{2})[:.-]?(\d{2})(?:[:.-]?(\d{2}))?")


@dataclass
class Submission:
    student: str
    notebooks: dict[str, Path]
    timestamp: datetime | None         # submission time for the gradebook (naive UTC), None when unknown
    origin: str
    digest: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # notebook name -> the file as the user knows it
    order: datetime | None = None       # for choosing the latest of duplicates (may be a file time)

    def label(self, name: str) -> str:
        return self.labels.get(name) or str(self.notebooks[name])


@dataclass
class InputIssue:
    where: str
    what: str
    hint: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" + (f" — {self.hint}" if self.hint else "")


@dataclass
class Collected:
    submissions: list[Submission] = field(default_factory=list)
    issues: list[InputIssue] = field(default_factory=list)
    rejected: dict[str, list[str]] = field(default_factory=dict)  # student -> why each of their files was not graded

    def reject(self, student: str | None, where: str, what: str, hint: str = "") -> None:
        """One problem line; when the file is a known learner's, it is also a reason they may have no grade."""
        self.issues.append(InputIssue(where, what, hint))
        if student:
            self.rejected.setdefault(student, []).append(f"{where}: {what}")


GROUP_COLUMNS = ("instansi", "jabatan", "kelas", "angkatan")  # optional roster columns (cerdas cohort)
ID_COLUMNS = ("id", "student_id", "nim", "nip", "nisn")


def read_roster(path: Path) -> dict[str, dict]:
    """Roster CSV: a column ``id`` (or ``student_id``/``nim``/``nip``/``nisn``) and optional names/email,
    and the groups a cohort report counts by (:data:`GROUP_COLUMNS`: agency or school, position or
    class, intake), kept when present."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
            header = reader.fieldnames or []
    except UnicodeDecodeError as exc:
        raise CourseError(Problem(str(path), f"roster is not UTF-8 text (byte {exc.start})",
                                  "save the roster as CSV UTF-8 (in Excel: Save As > CSV UTF-8)")) from exc
    except csv.Error as exc:
        raise CourseError(Problem(str(path), f"roster is not a readable CSV file: {exc}",
                                  "export the roster again as CSV with a header row")) from exc
    keys = {(k or "").lower().strip(): k for k in header}
    id_key = next((keys[k] for k in ID_COLUMNS if k in keys), None)
    if id_key is None:
        found = ", ".join(repr(k) for k in header) or "none (empty file)"
        raise CourseError(Problem(str(path), f"roster has no id column (columns found: {found})",
                                  f"name the column of learner ids one of: {', '.join(ID_COLUMNS)}"))
    roster = {}
    for row in rows:
        sid = (row.get(id_key) or "").strip()
        if sid:
            name = (row.get(keys.get("name", ""), "") or row.get(keys.get("nama", ""), "") or "").strip()
            first = (row.get(keys.get("first_name", ""), "") or name).strip()
            roster[sid] = {"first_name": first or None, "last_name": (row.get(keys.get("last_name", ""), "") or "").strip() or None,
                           "email": (row.get(keys.get("email", ""), "") or "").strip() or None,
                           **{group: (row.get(keys[group]) or "").strip() or None for group in GROUP_COLUMNS if group in keys}}
    return roster


def digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def check_notebook(path: Path, source_ids: set[str]) -> str | None:
    """What is wrong with a submitted file, in Indonesian-facing report terms (None when fine)."""
    data = path.read_bytes()
    if not data.strip():
        return "berkas kosong (empty file)"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "bukan teks UTF-8 (not UTF-8); kemungkinan bukan notebook"
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"JSON tidak valid (invalid JSON, line {exc.lineno})"
    try:
        nb = nbformat.from_dict(raw)
        nbformat.validate(nb)
    except Exception:  # noqa: BLE001
        return "bukan notebook Jupyter yang valid (invalid nbformat)"
    ids = {cells.grade_id(c) for c in raw.get("cells", [])}
    if source_ids and not (ids & source_ids):
        return "notebook untuk tugas lain (wrong assignment: no grade cell of this assignment)"
    return None


class BadTimestamp(ValueError):
    """A submission time nbgrader could not read either (``nbgrader autograde`` stops on it)."""


def parse_timestamp(text: str) -> datetime:
    """A submission time as ``nbgrader autograde`` reads it: naive UTC, by nbgrader's own parser.

    nbgrader writes ``2015-02-02 22:58:23.948203 America/Los_Angeles`` (or ``... UTC``); anything
    ``nbgrader.utils.parse_utc`` accepts is accepted, and read the same way. Raises BadTimestamp.
    """
    try:
        return parse_utc(text.strip())
    except (ValueError, OverflowError) as exc:
        raise BadTimestamp(str(exc)) from exc


def unknown_zone(text: str) -> str | None:
    """The time zone name of an nbgrader-style timestamp that nbgrader silently reads as UTC."""
    parts = text.strip().split(" ")
    if len(parts) == 3 and not re.fullmatch(r"[+-]?\d+", parts[2]) and gettz(parts[2]) is None:
        return parts[2]
    return None


STAMP_HINT = "write it as nbgrader does, e.g. '2025-11-20 22:58:23.948203 Asia/Jakarta', or delete the file"


def read_timestamp(folder: Path, out: Collected, student: str, shown: str | None = None) -> tuple[bool, datetime | None]:
    """``folder/timestamp.txt`` as ``nbgrader autograde`` reads it: (readable, time or None).

    No file or an empty file: no time (nbgrader does the same). A time nbgrader cannot read makes the
    submission not gradable (``nbgrader autograde`` refuses it too), never silently on time.
    """
    path = folder / "timestamp.txt"
    shown = shown or str(path)
    if not path.is_file():
        return True, None
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        out.reject(student, shown, f"timestamp.txt tidak dapat dibaca ({exc.__class__.__name__})", STAMP_HINT)
        return False, None
    if not text:
        out.issues.append(InputIssue(shown, "timestamp.txt kosong: waktu pengumpulan tidak diketahui, "
                                            "penalti keterlambatan tidak diterapkan", "nbgrader does the same"))
        return True, None
    try:
        when = parse_timestamp(text)
    except BadTimestamp as exc:
        out.reject(student, shown, f"timestamp.txt tidak valid: {text[:60]!r} ({exc})", STAMP_HINT)
        return False, None
    zone = unknown_zone(text)
    if zone:
        out.issues.append(InputIssue(shown, f"zona waktu {zone!r} tidak dikenal; waktu dibaca sebagai UTC",
                                     "as nbgrader does; use a zone name such as Asia/Jakarta"))
    return True, when


def _timestamp(path: Path) -> datetime | None:
    """A time stated in an LMS file name (``..._2025-11-20_10-00...``), as naive UTC; None if none."""
    match = STAMP.search(path.name)
    if match:
        day, hh, mm, ss = match.groups()
        try:
            return datetime.fromisoformat(f"{day}T{hh}:{mm}:{ss or '00'}")
        except ValueError:
            pass
    return None


def _file_time(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc).replace(tzinfo=None)


def from_submitted_tree(course, assignment: str, notebook_names: list[str]) -> Collected:
    """nbgrader's ``submitted/<student>/<assignment>/<notebook>.ipynb`` (+ ``timestamp.txt``), laid out
    as the course directory's ``directory_structure`` says (``course`` is a :class:`~cerdas.coursedir.CourseDir`)."""
    out = Collected()
    for student, folder in course.students_in("submitted", assignment).items():
        shown = folder.relative_to(course.root).as_posix()
        files = {p.stem: p for p in folder.glob("*.ipynb")}
        if not files:
            out.reject(student, shown, "tidak ada notebook (no notebook submitted)")
            continue
        readable, stamp = read_timestamp(folder, out, student, f"{shown}/timestamp.txt")
        if readable:
            out.submissions.append(Submission(student, files, stamp, shown,
                                              labels={n: f"{shown}/{p.name}" for n, p in files.items()}))
    return out


def from_exchange(inbound: Path, assignment: str) -> Collected:
    """An nbgrader exchange inbound folder: ``<student>+<assignment>+<timestamp>+<random>/``.

    The latest submission of each learner is graded, chosen by the time in the folder name as
    ``nbgrader collect`` does; its ``timestamp.txt`` (what autograde reads after collect) is stored.
    """
    out, latest = Collected(), {}
    for folder in sorted(p for p in inbound.iterdir() if p.is_dir()):
        parts = folder.name.split("+")
        if len(parts) < 3 or parts[1] != assignment:
            continue
        student, stamp = parts[0], parts[2]
        files = {p.stem: p for p in folder.glob("*.ipynb")}
        try:
            order = parse_timestamp(stamp)
        except BadTimestamp:
            order = _file_time(folder.stat().st_mtime)
        sub = Submission(student, files, None, str(folder), order=order)
        previous = latest.get(student)
        if previous is None or _key(sub) > _key(previous):
            if previous:
                out.issues.append(InputIssue(previous.origin, f"pengumpulan ganda oleh {student}; yang lebih baru dipakai",
                                             "older submission ignored"))
            latest[student] = sub
        else:
            out.issues.append(InputIssue(sub.origin, f"pengumpulan ganda oleh {student}; yang lebih baru dipakai",
                                         "older submission ignored"))
    for student, sub in sorted(latest.items()):
        if not sub.notebooks:
            out.reject(student, sub.origin, "tidak ada notebook (no notebook submitted)")
            continue
        readable, sub.timestamp = read_timestamp(Path(sub.origin), out, student)
        if readable:
            out.submissions.append(sub)
    return out


def _key(sub: Submission) -> datetime:
    return sub.order or sub.timestamp or datetime.min


def from_lms(path: Path, assignment: str, notebook_names: list[str], roster: dict[str, dict] | None,
             workdir: Path) -> Collected:
    """A folder or zip of notebooks whose names carry the student id (Moodle, Google Drive...).

    The id is looked for in the file name, then in the folders around it (Moodle puts each
    learner's files in a folder named after them). Files are named in problems as they are named
    in the folder or zip. The latest file of a learner for each notebook is graded (by the time in
    its name, else its file time); only a time stated in the file name is stored as the
    submission time, since a download's file times say when it was packed, not submitted.
    """
    out = Collected()
    candidates: dict[str, dict[str, list[tuple[datetime, str, Path]]]] = {}
    for shown, file, file_time in _lms_files(Path(path), workdir):
        parts = PurePosixPath(shown).parts
        if any(part.startswith(".") or part == "__MACOSX" for part in parts):
            continue  # hidden files and macOS resource forks, never a learner's work
        student = _student_of(file.stem, roster)
        if student is None and roster:  # a roster id in the folder (without a roster, a folder's number
            student = next((s for folder in reversed(parts[:-1])  # may be the LMS's own, not the learner's)
                            if (s := _student_of(folder, roster))), None)
        if file.suffix.lower() != ".ipynb":
            out.reject(student, shown, "bukan berkas .ipynb (not a notebook file)", "ignored")
            continue
        if student is None:
            what = ("mahasiswa/peserta tidak dikenal: tidak ada id dari daftar peserta di nama berkas (unknown student)"
                    if roster else "nama berkas tidak memuat id peserta (no student id in the file name)")
            out.issues.append(InputIssue(shown, what, "rename it to <id>_<tugas>.ipynb or add the id to the roster"))
            continue
        name = _notebook_name(file.stem, assignment, notebook_names)
        if name is None:
            out.reject(student, shown, "nama berkas tidak cocok dengan notebook tugas (wrong file name)",
                       f"expected one of: {', '.join(notebook_names)}")
            continue
        if name != file.stem and assignment not in file.stem and not any(n in file.stem for n in notebook_names):
            out.issues.append(InputIssue(shown, f"nama berkas tidak memuat nama tugas; dinilai sebagai {name}.ipynb",
                                         "graded anyway"))
        candidates.setdefault(student, {}).setdefault(name, []).append((_timestamp(file) or file_time, shown, file))
    for student, by_name in sorted(candidates.items()):
        chosen: dict[str, tuple[datetime, str, Path]] = {}
        for name, items in sorted(by_name.items()):
            items.sort(key=lambda item: item[0])
            for _, old, _ in items[:-1]:
                out.issues.append(InputIssue(old, f"pengumpulan ganda oleh {student}; yang terbaru dipakai",
                                             "older file ignored"))
            chosen[name] = items[-1]
        stated = [_timestamp(file) for _, _, file in chosen.values()]
        out.submissions.append(Submission(
            student, {name: file for name, (_, _, file) in chosen.items()},
            max(stated) if stated and None not in stated else None,
            ", ".join(shown for _, shown, _ in chosen.values()),
            labels={name: shown for name, (_, shown, _) in chosen.items()},
            order=max(when for when, _, _ in chosen.values())))
    return out


def _lms_files(path: Path, workdir: Path) -> list[tuple[str, Path, datetime]]:
    """(name as the instructor sees it, readable file, file time) for each file of a folder or zip."""
    if not zipfile.is_zipfile(path):
        return [(p.relative_to(path).as_posix(), p, _file_time(p.stat().st_mtime))
                for p in sorted(path.rglob("*")) if p.is_file()]
    target, found = workdir / "lms", []
    with zipfile.ZipFile(path) as zf:
        for index, info in enumerate(zf.infolist()):
            if info.is_dir() or not PurePosixPath(info.filename).name:
                continue  # folders inside the zip are not submissions
            dest = target / f"{index:05d}" / PurePosixPath(info.filename).name  # never outside target
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(zf.read(info))
            found.append((info.filename, dest, datetime(*info.date_time)))
    return found


def _student_of(stem: str, roster: dict | None) -> str | None:
    tokens = [t for t in re.split(r"[_\-\s.()+]+", stem) if t]
    if roster:
        for token in tokens:
            if token in roster:
                return token
        return None
    for token in tokens:
        if re.fullmatch(r"[A-Za-z]*\d{3,}[A-Za-z0-9]*", token):
            return token
    return None


def _notebook_name(stem: str, assignment: str, names: list[str]) -> str | None:
    for name in names:
        if name in stem:
            return name
    return names[0] if len(names) == 1 else None


def validate_all(collected: Collected, source_ids: dict[str, set[str]], roster: dict | None) -> Collected:
    """Drop unreadable notebooks, unknown students; fill digests. Every drop is reported."""
    kept = []
    for sub in collected.submissions:
        if roster is not None and sub.student not in roster:
            collected.issues.append(InputIssue(sub.origin, f"peserta '{sub.student}' tidak ada di daftar peserta (unknown student)",
                                               "add them to the roster CSV or fix the id"))
            continue
        bad = False
        for name in list(sub.notebooks):
            shown, path = sub.label(name), sub.notebooks[name]
            if name not in source_ids:
                collected.reject(sub.student, shown, f"notebook '{name}' bukan bagian tugas ini (wrong file name)",
                                 f"expected: {', '.join(source_ids)}")
                del sub.notebooks[name]
                continue
            problem = check_notebook(path, source_ids[name])
            if problem:
                collected.reject(sub.student, shown, problem, "the student should resubmit; nothing graded")
                bad = True
        if sub.notebooks and not bad:
            sub.digest = digest(list(sub.notebooks.values()))
            kept.append(sub)
    collected.submissions = kept
    return collected


GRADED = "dinilai"
NOT_SUBMITTED = "tidak mengumpulkan"
NOT_GRADABLE = "tidak dapat dinilai"


def statuses(collected: Collected, roster: dict | None) -> dict:
    """Every learner on the roster (or, without one, every learner the inputs name): graded, not
    submitted, or not gradable with the reasons (each file as the instructor knows it), as
    :class:`~cerdas.grading.results.LearnerStatus` (``str()`` gives the table's Indonesian text)."""
    from cerdas.grading.results import LearnerStatus, Standing

    status = {student: LearnerStatus(Standing.NOT_SUBMITTED) for student in roster or {}}
    for student, reasons in collected.rejected.items():
        if roster is None or student in roster:
            status[student] = LearnerStatus(Standing.UNGRADABLE, tuple(reasons))
    for sub in collected.submissions:
        status[sub.student] = LearnerStatus(Standing.GRADED)
    return status
