"""`cerdas grade` on a gradebook, configuration or roster it cannot use: one line saying what failed,
where and what to do, and exit 1, before any kernel starts."""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from cerdas.cli import main
from conftest import FIXTURES


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """An instructor folder with the 'kuadrat' source, one submission and a gradebook that has the
    assignment (made once: nbgrader runs alembic to create a gradebook)."""
    path = os.environ["PATH"]
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + path
    root = tmp_path_factory.mktemp("template") / "kursus"
    shutil.copytree(FIXTURES / "assignments" / "sound", root / "source")
    (root / "submitted" / "budi" / "kuadrat").mkdir(parents=True)
    shutil.copy(FIXTURES / "grading" / "correct.ipynb", root / "submitted" / "budi" / "kuadrat" / "kuadrat.ipynb")
    try:
        with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
            gb.update_or_create_assignment("kuadrat")
    finally:
        os.environ["PATH"] = path
    return root


@pytest.fixture
def course(template, tmp_path):
    return Path(shutil.copytree(template, tmp_path / "kursus"))


def one_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    return err


def test_database_server_down(course, capsys):
    """PostgreSQL not running: the gradebook is named (without its password) with the driver's reason."""
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql://guru:rahasia@127.0.0.1:{port}/kursus"
    assert main(["grade", "kuadrat", "--course-dir", str(course), "--db", url]) == 1
    line = one_line(capsys)
    assert line.startswith(f"gradebook postgresql://guru:***@127.0.0.1:{port}/kursus: could not open it: ")
    assert "rahasia" not in line and "database server is running" in line


def test_damaged_gradebook_file(course, capsys):
    (course / "gradebook.db").write_bytes(b"bukan basis data" * 100)
    assert main(["grade", "kuadrat", "--course-dir", str(course)]) == 1
    line = one_line(capsys)
    assert f"gradebook sqlite:///{course / 'gradebook.db'}: could not open it: file is not a database" in line
    assert "restore" in line


def test_broken_nbgrader_config(course, capsys):
    """A configuration nbgrader would skip with a logged error is refused: grading without it could drop a
    late-penalty plugin silently."""
    (course / "nbgrader_config.py").write_text("c = get_config()\nc.AssignLatePenalties.plugin_class = (\n")
    assert main(["grade", "kuadrat", "--course-dir", str(course)]) == 1
    line = one_line(capsys)
    assert line.startswith(f"{course / 'nbgrader_config.py'}: nbgrader configuration cannot be loaded: SyntaxError")


def test_late_plugin_that_cannot_be_imported(course, capsys):
    (course / "nbgrader_config.py").write_text('c = get_config()\nc.AssignLatePenalties.plugin_class = "telat.Potong"\n')
    assert main(["grade", "kuadrat", "--course-dir", str(course)]) == 1
    line = one_line(capsys)
    assert "the late-submission plugin cannot be loaded" in line and "'telat.Potong' could not be imported" in line
    assert not (course / ".cerdas").exists(), "nothing graded"


def test_roster_without_id_column(course, tmp_path, capsys):
    roster = tmp_path / "peserta.csv"
    roster.write_text("Nama,Surel\nBudi,budi@contoh.test\n", encoding="utf-8")
    assert main(["grade", "kuadrat", "--course-dir", str(course), "--roster", str(roster)]) == 1
    assert one_line(capsys).startswith(f"{roster}: roster has no id column (columns found: 'Nama', 'Surel')")
