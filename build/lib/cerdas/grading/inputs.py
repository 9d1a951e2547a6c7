"""Find the submissions to grade: an nbgrader ``submitted/`` tree, an exchange inbound folder, or a
folder / zip downloaded from an LMS or a shared drive (file names carrying the student id).

Every problem with an input becomes one :class:`InputIssue` line and the batch goes on: unknown
students, duplicates (the latest wins), wrong assignment, wrong file name, invalid JSON,
non-UTF-8, empty files. Originals are only read, never modified; zips are extracted to a
throwaway folder.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import nbformat

STAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[ T_-]?(\d{2})[:.-]?(\d{2})(?:[:.-]?(\d{2}))?")


@dataclass
class Submission:
    student: str
    notebooks: dict[str, Path]
    timestamp: datetime | None
    origin: str
    digest: str = ""


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


def read_roster(path: Path) -> dict[str, dict]:
    """Roster CSV: a column ``id`` (or ``student_id``/``nim``/``nip``) and optional names/email."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows:
        return {}
    keys = {k.lower().strip(): k for k in rows[0]}
    id_key = next((keys[k] for k in ("id", "student_id", "nim", "nip", "nisn") if k in keys), None)
    if id_key is None:
        raise ValueError(f"{path}: no id column (expected one of: id, student_id, nim, nip, nisn)")
    roster = {}
    for row in rows:
        sid = (row.get(id_key) or "").strip()
        if sid:
            name = (row.get(keys.get("name", ""), "") or row.get(keys.get("nama", ""), "") or "").strip()
            first = (row.get(keys.get("first_name", ""), "") or name).strip()
            roster[sid] = {"first_name": first or None, "last_name": (row.get(keys.get("last_name", ""), "") or "").strip() or None,
                           "email": (row.get(keys.get("email", ""), "") or "").strip() or None}
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
    ids = {(c.get("metadata", {}).get("nbgrader") or {}).get("grade_id") for c in raw.get("cells", [])}
    if source_ids and not (ids & source_ids):
        return "notebook untuk tugas lain (wrong assignment: no grade cell of this assignment)"
    return None


def _timestamp(path: Path, fallback: float) -> datetime:
    match = STAMP.search(path.name)
    if match:
        day, hh, mm, ss = match.groups()
        try:
            return datetime.fromisoformat(f"{day}T{hh}:{mm}:{ss or '00'}").replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    return datetime.fromtimestamp(fallback, tz=timezone.utc)


def from_submitted_tree(root: Path, assignment: str, notebook_names: list[str]) -> Collected:
    """nbgrader's ``submitted/<student>/<assignment>/<notebook>.ipynb`` (+ ``timestamp.txt``)."""
    out = Collected()
    for folder in sorted(p for p in root.glob(f"*/{assignment}") if p.is_dir()):
        files = {p.stem: p for p in folder.glob("*.ipynb")}
        stamp_file = folder / "timestamp.txt"
        stamp = None
        if stamp_file.is_file():
            try:
                stamp = datetime.fromisoformat(stamp_file.read_text().strip().replace(" ", "T", 1))
            except ValueError:
                stamp = None
        if not files:
            out.issues.append(InputIssue(str(folder), "tidak ada notebook (no notebook submitted)"))
            continue
        out.submissions.append(Submission(folder.parent.name, files, stamp, str(folder)))
    return out


def from_exchange(inbound: Path, assignment: str) -> Collected:
    """An nbgrader exchange inbound folder: ``<student>+<assignment>+<timestamp>+<random>/``."""
    out, latest = Collected(), {}
    for folder in sorted(p for p in inbound.iterdir() if p.is_dir()):
        parts = folder.name.split("+")
        if len(parts) < 3 or parts[1] != assignment:
            continue
        student, stamp = parts[0], parts[2]
        files = {p.stem: p for p in folder.glob("*.ipynb")}
        try:
            when = datetime.fromisoformat(stamp.replace(" ", "T", 1))
        except ValueError:
            when = datetime.fromtimestamp(folder.stat().st_mtime, tz=timezone.utc)
        sub = Submission(student, files, when, str(folder))
        previous = latest.get(student)
        if previous is None or _key(sub) > _key(previous):
            if previous:
                out.issues.append(InputIssue(previous.origin, f"pengumpulan ganda oleh {student}; yang lebih baru dipakai",
                                             "older submission ignored"))
            latest[student] = sub
        else:
            out.issues.append(InputIssue(sub.origin, f"pengumpulan ganda oleh {student}; yang lebih baru dipakai",
                                         "older submission ignored"))
    out.submissions = list(latest.values())
    return out


def _key(sub: Submission):
    ts = sub.timestamp
    return (ts.replace(tzinfo=timezone.utc) if ts and ts.tzinfo is None else ts) or datetime.min.replace(tzinfo=timezone.utc)


def from_lms(path: Path, assignment: str, notebook_names: list[str], roster: dict[str, dict] | None,
             workdir: Path) -> Collected:
    """A folder or zip of notebooks whose file names carry the student id (Moodle, Google Drive...)."""
    out = Collected()
    if zipfile.is_zipfile(path):
        target = workdir / "lms"
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                name = Path(info.filename).name
                if info.is_dir() or not name or name.startswith("."):
                    continue
                dest = target / f"{len(list(target.glob('*'))) if target.exists() else 0:04d}" / name
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(zf.read(info))
                stamp = datetime(*info.date_time, tzinfo=timezone.utc).timestamp()
                import os

                os.utime(dest, (stamp, stamp))
        files = sorted(target.rglob("*")) if target.exists() else []
    else:
        files = sorted(p for p in path.rglob("*") if p.is_file())
    candidates: dict[str, list[tuple[Path, datetime]]] = {}
    for file in files:
        if file.name.startswith("."):
            continue
        if file.suffix.lower() != ".ipynb":
            out.issues.append(InputIssue(file.name, "bukan berkas .ipynb (not a notebook file)", "ignored"))
            continue
        student = _student_of(file.stem, roster)
        if student is None:
            what = ("mahasiswa/peserta tidak dikenal: tidak ada id dari daftar peserta di nama berkas (unknown student)"
                    if roster else "nama berkas tidak memuat id peserta (no student id in the file name)")
            out.issues.append(InputIssue(file.name, what, "rename it to <id>_<tugas>.ipynb or add the id to the roster"))
            continue
        candidates.setdefault(student, []).append((file, _timestamp(file, file.stat().st_mtime)))
    for student, items in sorted(candidates.items()):
        items.sort(key=lambda item: item[1])
        for old, _ in items[:-1]:
            out.issues.append(InputIssue(old.name, f"pengumpulan ganda oleh {student}; yang terbaru dipakai",
                                         "older file ignored"))
        file, when = items[-1]
        name = _notebook_name(file.stem, assignment, notebook_names)
        if name is None:
            out.issues.append(InputIssue(file.name, "nama berkas tidak cocok dengan notebook tugas (wrong file name)",
                                         f"expected one of: {', '.join(notebook_names)}"))
            continue
        if name != file.stem and assignment not in file.stem and not any(n in file.stem for n in notebook_names):
            out.issues.append(InputIssue(file.name, f"nama berkas tidak memuat nama tugas; dinilai sebagai {name}.ipynb",
                                         "graded anyway"))
        out.submissions.append(Submission(student, {name: file}, when, file.name))
    return out


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
        for name, path in list(sub.notebooks.items()):
            if name not in source_ids:
                collected.issues.append(InputIssue(str(path), f"notebook '{name}' bukan bagian tugas ini (wrong file name)",
                                                   f"expected: {', '.join(source_ids)}"))
                del sub.notebooks[name]
                continue
            problem = check_notebook(path, source_ids[name])
            if problem:
                collected.issues.append(InputIssue(str(path), problem, "the student should resubmit; nothing graded"))
                bad = True
        if sub.notebooks and not bad:
            sub.digest = digest(list(sub.notebooks.values()))
            kept.append(sub)
    collected.submissions = kept
    return collected
