"""What holds learners' data (names, answers, marks) and so must never be committed, bundled or published.

An nbgrader course directory (``assignments/``, or any folder with an ``nbgrader_config.py``) keeps
each learner's work in ``submitted/``, ``autograded/`` and ``feedback/``; ``cerdas grade`` adds
``reports/`` (grades CSV and Excel, item analysis) and ``.cerdas/`` (result files, the certificate
key and register), ``cerdas certificates`` adds ``sertifikat/``. Gradebooks are SQLite files, found
by name or by content wherever they are; grade exports and certificates are found by the names
cerdas and nbgrader give them. ``.gitignore`` keeps all of it out of git; ``cerdas check`` fails when
any of it is tracked anyway, and ``cerdas bundle`` refuses it.
"""

from __future__ import annotations

import fnmatch
import shlex
import subprocess
from pathlib import Path, PurePosixPath

from cerdas.course import Course
from cerdas.errors import Problem

LEARNER_FOLDERS = {
    "submitted": "learners' submissions",
    "autograded": "graded submissions",
    "feedback": "learners' feedback",
    "reports": "grades and item analysis",
    ".cerdas": "grading results and the certificate register",
    "sertifikat": "certificates",
}
LEARNER_FILES = [
    ("*.db", "a gradebook database"), ("*.sqlite", "a gradebook database"), ("*.sqlite3", "a gradebook database"),
    ("*.db-journal", "a gradebook's journal"), ("*.db-wal", "a gradebook's journal"),
    ("*.db-shm", "a gradebook's journal"),
    ("nilai-*.csv", "a grades export"), ("nilai-*.xlsx", "a grades export"), ("grades.csv", "a grades export"),
    ("analisis-butir-*.html", "an item-analysis report"), ("sertifikat-*.pdf", "a certificate"),
    ("sertifikat.key", "the certificate key"), ("sertifikat.json", "the certificate register"),
]
# Datasets are public by definition and may hold anything a lesson needs: there, only a gradebook counts.
DATASETS_FILES = [("gradebook.db*", "a gradebook database")]
SQLITE_MAGIC = b"SQLite format 3\x00"


def course_dirs(course: Course, paths: list[str] = ()) -> set[str]:
    """The nbgrader course directories, relative to the course root: ``assignments`` and the folder of
    every ``nbgrader_config.py`` among ``paths``."""
    found = {course.assignments_dir.relative_to(course.root).as_posix()}
    found |= {str(PurePosixPath(p).parent) for p in paths if PurePosixPath(p).name == "nbgrader_config.py"}
    return found


def learner_folder(rel: str, dirs: set[str]) -> str | None:
    """The learners' folder of a course directory (e.g. ``assignments/submitted``) that ``rel`` lies in."""
    parts = PurePosixPath(rel).parts
    for folder in dirs:
        base = PurePosixPath(folder).parts if folder != "." else ()
        if parts[:len(base)] == base and len(parts) > len(base) + 1 and parts[len(base)] in LEARNER_FOLDERS:
            return PurePosixPath(*base, parts[len(base)]).as_posix()
    return None


def learner_data(rel: str, *, course: Course, dirs: set[str]) -> str | None:
    """What learners' data the file at ``rel`` (relative to the course root, POSIX) holds; None if none."""
    folder = learner_folder(rel, dirs)
    if folder:
        return LEARNER_FOLDERS[PurePosixPath(folder).name]
    path = PurePosixPath(rel)
    in_datasets = path.is_relative_to(course.datasets_dir.relative_to(course.root).as_posix())
    for pattern, what in DATASETS_FILES if in_datasets else LEARNER_FILES:
        if fnmatch.fnmatch(path.name, pattern):
            return what
    if not in_datasets and _is_sqlite(course.root / rel):
        return "a gradebook database (SQLite)"
    return None


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def tracked_files(root: Path) -> list[str] | None:
    """Files git tracks (or has staged) under ``root``, relative to it; None when ``root`` is not in a
    git work tree (or git is not installed)."""
    try:
        proc = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--", "."],
                              capture_output=True)
    except FileNotFoundError:
        return None
    if proc.returncode != 0:
        message = proc.stderr.decode(errors="replace")
        if "not a git repository" in message:
            return None
        raise RuntimeError(f"git ls-files failed in {root}: {message.strip()}")
    return [p for p in proc.stdout.decode("utf-8", errors="surrogateescape").split("\0") if p]


def tracked_learner_data(course: Course) -> list[Problem]:
    """One problem per tracked file holding learners' data (one per learners' folder, naming its first file)."""
    try:
        tracked = tracked_files(course.root)
    except RuntimeError as exc:
        return [Problem(".", f"cannot tell whether learners' data is tracked ({exc})",
                        "make `git ls-files` work here (for a checkout owned by another user: "
                        f"git config --global --add safe.directory {shlex.quote(str(course.root))})")]
    if not tracked:
        return []
    dirs = course_dirs(course, tracked)
    problems, folders = [], {}
    for rel in tracked:
        what = learner_data(rel, course=course, dirs=dirs)
        if what is None:
            continue
        folder = learner_folder(rel, dirs)
        if folder:
            folders.setdefault(folder, (what, []))[1].append(rel)
            continue
        problems.append(Problem(rel, f"holds learners' data ({what}) and is tracked by git",
                                f"untrack it, keeping the file: git rm --cached {shlex.quote(rel)} and commit; "
                                "keep such files in .gitignore"))
    for folder, (what, files) in sorted(folders.items()):
        more = f", as do {len(files) - 1} more tracked file(s) in {folder}/" if len(files) > 1 else ""
        problems.append(Problem(files[0], f"holds learners' data ({what}) and is tracked by git{more}",
                                f"untrack the folder, keeping the files: git rm -r --cached {shlex.quote(folder)} "
                                f"and commit; keep {folder}/ in .gitignore"))
    return problems
