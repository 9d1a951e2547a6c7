"""Learners' data is private by default: git ignores it, `cerdas check` fails when it is tracked all the
same (naming the file and how to untrack it), and `cerdas bundle` refuses to ship it.

Each test works on a copy of the course made into a git repository with the project's .gitignore."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from cerdas.bundle import bundle
from cerdas.cli import main
from cerdas.errors import CourseError
from cerdas.privacy import tracked_learner_data
from conftest import REPO

# What grading a class leaves in the course directory (paths relative to the course root).
LEARNER_FILES = [
    "assignments/submitted/ani/m00-memulai/m00-memulai.ipynb",
    "assignments/submitted/ani/m00-memulai/timestamp.txt",
    "assignments/autograded/ani/m00-memulai/m00-memulai.ipynb",
    "assignments/feedback/ani/m00-memulai/m00-memulai.html",
    "assignments/reports/m00-memulai/nilai-m00-memulai.csv",
    "assignments/reports/m00-memulai/nilai-m00-memulai.xlsx",
    "assignments/reports/m00-memulai/analisis-butir-m00-memulai.html",
    "assignments/.cerdas/results/m00-memulai/ani.json",
    "assignments/.cerdas/sertifikat.key",
    "assignments/sertifikat/sertifikat-ani.pdf",
    "assignments/grades.csv",
    "assignments/gradebook.db",
    "assignments/gradebook.db-journal",
    "nilai-m00-memulai.csv",  # cerdas certificates/reports with --out elsewhere
]


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.org", *args], cwd=root,
                          check=True, capture_output=True, text=True).stdout


def gradebook(path: Path) -> None:
    """A real SQLite database, as nbgrader writes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("create table student (id text, first_name text)")
        db.execute("insert into student values ('ani', 'Ani')")


def plant(root: Path, rel: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if rel.endswith(".db"):
        gradebook(path)
    else:
        path.write_text("ani,Ani,8\n", encoding="utf-8")


@pytest.fixture
def repo(course_copy):
    """The course copy as a fresh git repository with the project's .gitignore, everything committed."""
    (course_copy.root / ".gitignore").write_text((REPO / ".gitignore").read_text())
    git(course_copy.root, "init", "-q")
    git(course_copy.root, "add", "-A")
    git(course_copy.root, "commit", "-qm", "kursus")
    return course_copy


def test_git_ignores_learners_data_by_default(repo):
    """After grading, `git add -A` stages none of the learners' data, and check stays clean."""
    for rel in LEARNER_FILES:
        plant(repo.root, rel)
    git(repo.root, "add", "-A")
    assert git(repo.root, "status", "--porcelain") == ""
    assert tracked_learner_data(repo) == []


def test_tracked_gradebook_fails_check(repo, capsys):
    """A gradebook forced into git (`git add -f`): check exits 1 naming it and how to untrack it."""
    plant(repo.root, "assignments/gradebook.db")
    git(repo.root, "add", "-f", "assignments/gradebook.db")
    assert main(["--root", str(repo.root), "check"]) == 1
    err = capsys.readouterr().err
    assert ("assignments/gradebook.db: holds learners' data (a gradebook database) and is tracked by git — "
            "untrack it, keeping the file: git rm --cached assignments/gradebook.db") in err


def test_tracked_submissions_fail_check(repo):
    """Submitted notebooks committed: one problem names the first file, counts the rest, and untracks the folder."""
    for rel in LEARNER_FILES[:2]:
        plant(repo.root, rel)
    git(repo.root, "add", "-f", "assignments/submitted")
    git(repo.root, "commit", "-qm", "oops")
    [problem] = tracked_learner_data(repo)
    assert problem.path == "assignments/submitted/ani/m00-memulai/m00-memulai.ipynb"
    assert "learners' submissions" in problem.what and "1 more tracked file(s) in assignments/submitted/" in problem.what
    assert "git rm -r --cached assignments/submitted" in problem.hint


def test_renamed_gradebook_is_found_by_content(repo):
    """A SQLite gradebook under another name and folder is still learners' data."""
    gradebook(repo.root / "arsip" / "kelas-2026.bin")
    git(repo.root, "add", "arsip")
    [problem] = tracked_learner_data(repo)
    assert problem.path == "arsip/kelas-2026.bin" and "gradebook database (SQLite)" in problem.what


def test_course_outside_git_is_not_checked(course_copy):
    plant(course_copy.root, "assignments/gradebook.db")
    assert tracked_learner_data(course_copy) == []


@pytest.mark.parametrize(
    ("rel", "arc", "what"),
    [
        ("_build/html/unduhan/nilai-m00-memulai.csv", "situs/unduhan/nilai-m00-memulai.csv", "a grades export"),
        ("datasets/aduan_warga/gradebook.db", "datasets/aduan_warga/gradebook.db", "a gradebook database"),
    ],
)
def test_bundle_refuses_learners_data(course_copy, rel, arc, what):
    """A grades export that ended up in the site, a gradebook copied among the datasets: no bundle."""
    course_copy.html_dir.mkdir(parents=True)
    (course_copy.html_dir / "index.html").write_text("<!DOCTYPE html><title>Cerdas</title>")
    plant(course_copy.root, rel)
    out = course_copy.root / "paket.zip"
    with pytest.raises(CourseError) as raised:
        bundle(course=course_copy, build=False, echo=False, out=out)
    [problem] = raised.value.problems
    assert problem.path == arc and f"holds learners' data ({what})" in problem.what
    assert rel in problem.hint
    assert not out.exists()
