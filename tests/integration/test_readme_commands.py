"""The README's two commands work in either order, and twice, from one clone.

`python3 make.py test` then `python3 make.py build` failed in 7 s: the build read the
``.pytest_cache/README.md`` the tests had left. Running the commands for real in every order
(build, test, build, build in one clone) costs three full builds and a full test run, about an hour
on two cores, so this test runs what each command leaves behind and the first steps of the other
that read it:

- in a clone of this checkout, a real pytest run (one quick test file, as `make.py test` runs the
  suite) leaves ``.pytest_cache/`` and ``__pycache__/``; a real ``cerdas assignments release`` (the
  build's release step) leaves ``assignments/release/`` and the SQLite gradebook; the build folder,
  the execution cache and ``.venv`` are laid out as the build and make.py leave them;
- then the site build reads exactly the pages of ``_toc.yml`` (test then build, build twice),
  ``cerdas check`` (the build's first step; the test suite's check of the real course) finds nothing
  (build then test, build twice), and ``git add -A`` picks up none of it.
"""

from __future__ import annotations

import os
import re
import runpy
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cerdas.check import check_course
from cerdas.cli import main
from cerdas.course import Course
from conftest import REPO, site_sources, toc_pages

pytestmark = pytest.mark.slow


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.org", *args], cwd=root,
                          check=True, capture_output=True, text=True).stdout


def clone_of_this_checkout(target: Path) -> Path:
    """What `git clone` of this checkout gives, including changes not committed yet: every file git
    tracks or would track, committed in a fresh repository."""
    files = git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for rel in filter(None, files):
        if (REPO / rel).is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, target / rel)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-qm", "klon")
    return target


def test_readme_lists_the_make_py_tasks():
    """The quick start's commands are exactly make.py's tasks."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^python3 make\.py (\w+)", quick_start, re.M)
    assert commands == ["build", "test"]
    assert set(runpy.run_path(str(REPO / "make.py"))["FILES"]) == set(commands)


def test_what_each_command_leaves_never_breaks_the_other(tmp_path):
    clone = clone_of_this_checkout(tmp_path / "cerdas")
    env = {**os.environ, "CERDAS_ROOT": str(clone), "PYTHONPATH": str(clone / "src")}
    # make.py test
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "tests/unit/test_feedback_causes.py"],
                           cwd=clone, env=env, capture_output=True, text=True)
    assert tests.returncode == 0, tests.stdout[-2000:]
    assert (clone / ".pytest_cache" / "README.md").is_file()  # what broke the build
    venv = clone / ".venv"
    (venv / "lib/python3.11/site-packages/paket").mkdir(parents=True)
    (venv / "lib/python3.11/site-packages/paket/README.md").write_text("# Paket\n")
    (venv / ".cerdas-installed").write_text("0" * 64)
    # make.py build
    assert main(["--root", str(clone), "assignments", "release", "m00-memulai"]) == 0
    assert (clone / "assignments" / "gradebook.db").is_file()
    lesson = clone / "notebooks/01-literasi-data/literasi-data-pelayanan-publik.ipynb"
    built = clone / "_build"
    for rel in ("html/index.html", "html/_sources/book/intro.md", "html/reports/literasi.err.log"):
        (built / rel).parent.mkdir(parents=True, exist_ok=True)
        (built / rel).write_text("# keluaran\n")
    (built / "jupyter_execute/notebooks/01-literasi-data").mkdir(parents=True)
    shutil.copy(lesson, built / "jupyter_execute/notebooks/01-literasi-data" / lesson.name)
    (built / ".jupyter_cache").mkdir()
    sqlite3.connect(built / ".jupyter_cache" / "global.db").close()

    assert site_sources(clone) == toc_pages(clone)       # test then build; build twice
    assert check_course(course=Course(clone)) == []      # build then test; build twice
    git(clone, "add", "-A")
    assert git(clone, "status", "--porcelain") == ""     # neither leaves anything to commit
