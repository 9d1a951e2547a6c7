"""Feedback never shows hidden tests; validate tells learners the truth and exits non-zero on failure."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from cerdas.coursedir import CourseDir
from cerdas.assignments.feedback import feedback
from cerdas.assignments.nbgrader import run_nbgrader
from cerdas.cli import main
from cerdas.grading import grade
from cerdas.grading.worker import Limits
from conftest import FIXTURES, REPO
from test_grading import make_course

pytestmark = pytest.mark.slow
SUBMISSIONS = FIXTURES / "submissions"


def hidden_source(nb) -> list[str]:
    """Every non-marker line between the hidden-test markers, and every string literal in them."""
    found = []
    for cell in nb.cells:
        for block in re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", cell.source, re.S):
            for line in block.splitlines():
                if line.strip():
                    found.append(line.strip())
                    found += [s for s in re.findall(r'"([^"]{6,})"', line)]
    return found


@pytest.fixture(scope="module")
def graded(tmp_path_factory, real_course):
    """An instructor course directory where three students' kuadrat submissions were autograded."""
    root = tmp_path_factory.mktemp("kelas")
    shutil.copytree(FIXTURES / "assignments" / "sound", root / "source")
    shutil.copy(REPO / "assignments" / "nbgrader_config.py", root)
    run_nbgrader("generate_assignment", "kuadrat", course=CourseDir.open(root))
    hard_coded = nbformat.read(SUBMISSIONS / "answered-correctly.ipynb", as_version=4)
    hard_coded.cells[1].source = "def kuadrat(x):\n    return 9"
    for student, nb in {
        "benar": nbformat.read(SUBMISSIONS / "answered-correctly.ipynb", as_version=4),
        "dihafal": hard_coded,
        "kosong": nbformat.read(SUBMISSIONS / "released-kuadrat.ipynb", as_version=4),
    }.items():
        folder = root / "submitted" / student / "kuadrat"
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / "kuadrat.ipynb")
    run_nbgrader("autograde", "kuadrat", course=CourseDir.open(root))
    return root


def test_feedback_never_leaks_hidden_tests(graded):
    """No line, nor message, of the hidden tests appears in any feedback file."""
    paths = feedback(course=graded, assignment="kuadrat")
    assert len(paths) == 3
    secrets = hidden_source(nbformat.read(graded / "source" / "kuadrat" / "kuadrat.ipynb", as_version=4))
    assert secrets, "the fixture must have hidden tests for this test to mean anything"
    for path in paths:
        text = html.unescape(path.read_text(encoding="utf-8"))
        leaked = [s for s in secrets if s in text]
        assert leaked == [], f"{path}: {leaked}"


def test_feedback_says_what_learners_may_know(graded):
    """Indonesian scores per question; visible failures explained; hidden ones only passed / not passed."""
    feedback(course=graded, assignment="kuadrat")
    page = {s: (graded / "feedback" / s / "kuadrat" / "kuadrat.html").read_text(encoding="utf-8")
            for s in ("benar", "dihafal", "kosong")}
    assert '<html lang="id">' in page["benar"] and "2 / 2 poin" in page["benar"]
    assert "tes tersembunyi: lulus" in page["benar"]
    assert "Tes terlihat: lulus" in page["dihafal"] and "tes tersembunyi: tidak lulus" in page["dihafal"]
    assert "0 / 2 poin" in page["dihafal"]
    assert "Jawaban belum ditulis" in page["kosong"]
    assert "Traceback" not in "".join(page.values())


STOPPED = {"loop": "infinite-loop.ipynb", "memori": "memory-bomb.ipynb", "galat": "answer-cell-raises.ipynb",
           "keluar": "os-exit.ipynb"}


@pytest.fixture(scope="module")
def stopped(tmp_path_factory, real_course):
    """Submissions whose answer cell never ran to its end, graded by `cerdas grade` with small limits
    (2 s per cell, 512 MB), then given feedback: {student: feedback page}."""
    course = make_course(tmp_path_factory.mktemp("berhenti"), real_course, STOPPED)
    grade(course=course, assignment="kuadrat", workers=2, progress=False,
          limits=Limits(cell_seconds=2, notebook_seconds=60, memory_bytes=512 * 1024**2, processes=64))
    feedback(course=course, assignment="kuadrat")
    return {s: html.unescape((course / "feedback" / s / "kuadrat" / "kuadrat.html").read_text(encoding="utf-8"))
            for s in STOPPED}


ANSWER = re.escape("sel jawaban 2 ('kuadrat_jawaban')")


@pytest.mark.parametrize(
    ("student", "cause"),
    [
        ("loop", f"(?i:{ANSWER}) dihentikan setelah 2 detik: cari perulangan yang tidak pernah berhenti"),
        # MemoryError under an address-space limit; a memory cgroup kills the kernel instead
        ("memori", f"(?i:{ANSWER}) dihentikan karena memakai memori melebihi batas \\(512 MB\\): jangan membuat "
                   f"data yang sangat besar|Kernel Python berhenti mendadak saat menjalankan {ANSWER}.*memori habis"),
        ("galat", f"(?i:{ANSWER}) berhenti karena galat ZeroDivisionError: division by zero di baris 2, sehingga "
                  "kode sesudahnya \\(termasuk yang diperiksa tes\\) tidak dijalankan"),
        ("keluar", f"Kernel Python berhenti mendadak saat menjalankan {ANSWER}, sehingga tes ini tidak dijalankan"),
    ],
)
def test_feedback_names_the_real_cause(stopped, student, cause):
    """The answer cell looped past the time limit, ran out of memory, raised, or killed the kernel: the
    test then failed with a NameError (or never ran), but the feedback names what happened to the
    answer cell, and what to do, instead of that secondary error."""
    page = stopped[student]
    assert re.search(f"Tes terlihat: tidak lulus\\. (?:{cause})", page), page
    assert "NameError" not in page and "Ada nama yang belum didefinisikan" not in page
    assert "Tes terlihat: lulus" not in page and "0 / 2 poin" in page


@pytest.mark.parametrize(
    ("fixture", "code", "expected"),
    [
        ("answered-correctly.ipynb", 0, "1 dari 1 tes terlihat lulus."),
        ("answered-wrongly.ipynb", 1, "TIDAK LULUS  sel 3 ('kuadrat_tes'): kuadrat(3) seharusnya 9."),
        ("released-kuadrat.ipynb", 1, "sel jawaban 2 ('kuadrat_jawaban') belum diisi."),
        ("calls-input.ipynb", 1, "sel 2 memanggil input()"),
        ("answer-in-another-cell.ipynb", 1, "jawaban untuk 'kuadrat' ada di sel 3, bukan di sel jawaban 2"),
        ("test-cell-duplicated.ipynb", 1, "sel 4 adalah salinan sel 3 ('kuadrat_tes')"),
        ("test-cell-deleted.ipynb", 1, "sel 'kuadrat_tes' dari tugas asli telah dihapus"),
    ],
)
def test_validate_exit_codes(fixture, code, expected, tmp_path, capsys):
    """validate exits 0 only when every visible test passes and nothing would break grading."""
    notebook = tmp_path / "kuadrat" / fixture
    notebook.parent.mkdir()
    shutil.copy(SUBMISSIONS / fixture, notebook)
    released = SUBMISSIONS / "released-kuadrat.ipynb"
    assert main(["validate", str(notebook), "--released", str(released)]) == code
    assert expected in capsys.readouterr().out
    assert notebook.read_bytes() == (SUBMISSIONS / fixture).read_bytes(), "validate must not modify the notebook"
