"""`cerdas grade`: parallel, confined grading that matches nbgrader and survives hostile submissions."""

from __future__ import annotations

import atexit
import csv
import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

import nbformat
import pytest

from cerdas.coursedir import CourseDir
from cerdas.grading.results import Outcome
from cerdas.assignments.nbgrader import run_nbgrader
from cerdas.cli import main
from cerdas.grading import grade
from cerdas.grading.gradebook import Writer, scores
from cerdas.grading.worker import Limits
from conftest import FIXTURES, REPO

pytestmark = pytest.mark.slow
GRADING = FIXTURES / "grading"
# kernels are confined in their own namespaces on Linux, as root or not (cgroups not needed)
CONFINED = sys.platform.startswith("linux")
FAST = Limits(cell_seconds=10, notebook_seconds=40, memory_bytes=1024**3, processes=64)


_RELEASED: dict[str, Path] = {}


def make_course(root: Path, real_course, submissions: dict[str, str]) -> Path:
    """An instructor course directory with the 'kuadrat' fixture released and the given submissions.

    nbgrader releases the fixture once per session; each course is a copy of that released directory
    (gradebook included), so every test still starts from its own untouched course.
    """
    if "kuadrat" not in _RELEASED or not _RELEASED["kuadrat"].is_dir():
        template = Path(tempfile.mkdtemp(prefix="cerdas-released-"))
        shutil.copytree(FIXTURES / "assignments" / "sound", template / "source")
        shutil.copy(REPO / "assignments" / "nbgrader_config.py", template)
        run_nbgrader("generate_assignment", "kuadrat", course=CourseDir.open(template))
        _RELEASED["kuadrat"] = template
        atexit.register(shutil.rmtree, template, True)
    shutil.copytree(_RELEASED["kuadrat"], root, dirs_exist_ok=True)
    for student, fixture in submissions.items():
        folder = root / "submitted" / student / "kuadrat"
        folder.mkdir(parents=True)
        text = (GRADING / fixture).read_text(encoding="utf-8").replace("COURSE_DIR", str(root))
        (folder / "kuadrat.ipynb").write_text(text, encoding="utf-8")
    return root


def total(table: dict, student: str) -> float:
    return sum(v or 0 for k, v in table[student].items() if k.endswith("_tes"))


def test_scores_equal_nbgrader_autograde(tmp_path, real_course):
    """On ordinary submissions, cerdas grade writes exactly the scores nbgrader autograde writes."""
    plan = {"benar": "correct.ipynb", "salah": "wrong.ipynb", "dihafal": "hard-coded.ipynb", "kosong": "blank.ipynb"}
    ours = make_course(tmp_path / "cerdas", real_course, plan)
    theirs = make_course(tmp_path / "nbgrader", real_course, plan)
    run_nbgrader("autograde", "kuadrat", course=CourseDir.open(theirs))
    run = grade(course=ours, assignment="kuadrat", workers=2, progress=False)
    assert len(run.graded) == 4
    expected = scores(f"sqlite:///{theirs / 'gradebook.db'}", "kuadrat")
    assert scores(f"sqlite:///{ours / 'gradebook.db'}", "kuadrat") == expected
    assert total(expected, "benar") == 2 and total(expected, "dihafal") == 0
    assert (ours / "autograded" / "benar" / "kuadrat" / "kuadrat.ipynb").is_file()
    # a Python caller gets what the CLI writes: the grades table and item analysis, and feedback
    assert [p.name for p in run.reports] == ["nilai-kuadrat.csv", "nilai-kuadrat.xlsx", "analisis-butir-kuadrat.html"]
    assert sorted(p.parent.parent.name for p in run.feedback) == sorted(plan)
    assert all(p.is_file() for p in run.outputs)


def test_regrading_only_changed_submissions(tmp_path, real_course):
    """A second run grades nothing unless a submission changed or --force is given."""
    course = make_course(tmp_path / "c", real_course, {"a": "correct.ipynb", "b": "wrong.ipynb"})
    assert len(grade(course=course, assignment="kuadrat", workers=2, progress=False).graded) == 2
    again = grade(course=course, assignment="kuadrat", workers=2, progress=False)
    assert (again.graded, sorted(again.skipped)) == ([], ["a", "b"])
    shutil.copy(GRADING / "correct.ipynb", course / "submitted" / "b" / "kuadrat" / "kuadrat.ipynb")
    changed = grade(course=course, assignment="kuadrat", workers=2, progress=False)
    assert [r.student for r in changed.graded] == ["b"]
    assert total(scores(f"sqlite:///{course / 'gradebook.db'}", "kuadrat"), "b") == 2
    assert len(grade(course=course, assignment="kuadrat", force=True, progress=False).graded) == 2


HOSTILE = {
    "loop": "infinite-loop.ipynb",
    "memori": "memory-bomb.ipynb",
    "keluar": "os-exit.ipynb",
    "banjir": "huge-output.ipynb",
    "ubah": "edited-test-cell.ipynb",
    "hapus": "deleted-test-cell.ipynb",
    "ganda": "duplicated-test-cell.ipynb",
    "intip": "reads-source-and-gradebook.ipynb",
    "tambal": "monkeypatches-tests.ipynb",
    "benar": "correct.ipynb",
}
if CONFINED:
    HOSTILE["bom"] = "fork-bomb.ipynb"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, real_course):
    """One batch holding every hostile scenario next to a correct submission."""
    course = make_course(tmp_path_factory.mktemp("hostile"), real_course, HOSTILE)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (course / "submitted").rglob("*.ipynb")}
    run = grade(course=course, assignment="kuadrat", workers=2, limits=FAST, progress=False)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (course / "submitted").rglob("*.ipynb")}
    assert before == after, "originals must never be modified"
    table = scores(f"sqlite:///{course / 'gradebook.db'}", "kuadrat")
    report = "\n".join(run.report())
    return course, run, table, report


def test_batch_survives_every_hostile_submission(hostile):
    """Every submission got a result and the correct one still earns full points."""
    course, run, table, _ = hostile
    assert sorted(r.student for r in run.graded) == sorted(HOSTILE)
    assert total(table, "benar") == 2
    assert next(r for r in run.graded if r.student == "benar").ok


def test_each_notebook_says_how_it_ended_apart_from_its_message(hostile):
    """The state of a notebook is an Outcome a caller can test, not a phrase in its Indonesian message.
    A kernel that exits mid-notebook is KERNEL_DIED (its scores still stored, as zero); a loop or a
    memory bomb stopped inside one cell is a cell error, and the notebook runs on to its end (OK)."""
    _, run, _, _ = hostile
    ended = {r.student: next(iter(r.notebooks.values())) for r in run.graded}
    assert ended["keluar"].outcome is Outcome.KERNEL_DIED and ended["keluar"].message
    assert ended["keluar"].outcome.scored
    assert ended["benar"].outcome is Outcome.OK and ended["benar"].message == ""
    assert run.ungradable() == []


@pytest.mark.parametrize("student", ["loop", "memori", "keluar"] + (["bom"] if CONFINED else []))
def test_killed_or_stuck_kernels_never_score(hostile, student):
    """An infinite loop, a memory bomb, os._exit (and a fork bomb) score zero on the tests, never full."""
    _, _, table, _ = hostile
    assert total(table, student) == 0


def test_kernel_death_is_reported(hostile):
    _, _, _, report = hostile
    assert "keluar/kuadrat: kernel mati" in report or "keluar/kuadrat: sebagian sel tidak selesai" in report


def test_huge_output_is_truncated_but_graded(hostile):
    """Output floods are cut at the budget; the tests still run and pass."""
    course, _, table, _ = hostile
    assert total(table, "banjir") == 2
    nb = (course / "autograded" / "banjir" / "kuadrat" / "kuadrat.ipynb")
    assert nb.stat().st_size < 3_000_000


def test_edited_and_deleted_test_cells_are_restored(hostile):
    """A test cell replaced by `pass` is restored (the wrong answer fails); a deleted one is put back and flagged."""
    _, _, table, report = hostile
    assert total(table, "ubah") == 0
    assert total(table, "hapus") == 2
    assert "hapus/kuadrat: sel tes 'kuadrat_tes' dihapus peserta dan dipulihkan dari sumber" in report


def test_duplicated_cell_is_flagged(hostile):
    _, _, table, report = hostile
    assert "ganda/kuadrat: sel 'kuadrat_tes' digandakan" in report
    assert total(table, "ganda") == 2


def test_kernel_cannot_read_source_or_gradebook(hostile):
    """A cell that globs the course directory finds nothing there (hidden), so no hidden test leaks."""
    course, _, table, _ = hostile
    nb = nbformat.read(course / "autograded" / "intip" / "kuadrat" / "kuadrat.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "stream")
    assert "kuadrat(-4)" not in printed
    if CONFINED:
        assert "ditemukan 0" in printed
    assert total(table, "intip") == 0


def test_monkeypatching_is_caught_and_flagged(hostile):
    """Rebinding helpers the tests use does not earn points (hidden asserts still fail) and is flagged."""
    _, _, table, report = hostile
    assert total(table, "tambal") == 0
    assert "tambal/kuadrat: sel 3 mengubah periksa.pastikan" in report


def test_lms_zip_with_roster(tmp_path, real_course, capsys):
    """A zip from an LMS (files in a folder, folder entries included): ids from file names, latest
    duplicate wins, every bad file is one report line naming it as it is named in the zip, an unknown
    learner is reported, and every roster learner has a row in the grades CSV with their status."""
    course = make_course(tmp_path / "c", real_course, {})
    archive = tmp_path / "unduhan-lms.zip"
    good = (GRADING / "correct.ipynb").read_bytes()
    when = (2025, 11, 20, 10, 0, 0)
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(zipfile.ZipInfo("kelas-a/", when), b"")
        zf.writestr(zipfile.ZipInfo("kelas-a/1001_kuadrat.ipynb", when), good)
        zf.writestr(zipfile.ZipInfo("kelas-a/1002_kuadrat.ipynb", (2025, 11, 19, 9, 0, 0)), (GRADING / "wrong.ipynb").read_bytes())
        zf.writestr(zipfile.ZipInfo("kelas-a/1002_kuadrat_revisi.ipynb", (2025, 11, 21, 9, 0, 0)), good)
        zf.writestr(zipfile.ZipInfo("kelas-a/9999_kuadrat.ipynb", when), good)
        zf.writestr(zipfile.ZipInfo("kelas-a/1003_kuadrat.ipynb", when),
                    (REPO / "assignments" / "source" / "m01-literasi-data" / "m01-literasi-data.ipynb").read_bytes())
        zf.writestr(zipfile.ZipInfo("kelas-a/1004_kuadrat.ipynb", when), b'{"cells": [')
        zf.writestr(zipfile.ZipInfo("kelas-a/1005_kuadrat.ipynb", when), b"\xff\xfe\x00garbage")
        zf.writestr(zipfile.ZipInfo("kelas-a/1006_kuadrat.ipynb", when), b"")
        zf.writestr(zipfile.ZipInfo("kelas-a/1007_catatan.txt", when), b"catatan")
    roster = tmp_path / "peserta.csv"
    roster.write_text("id,nama\n" + "".join(f"100{i},Peserta {i}\n" for i in range(1, 9)), encoding="utf-8")
    zip_digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert main(["grade", "kuadrat", "--course-dir", str(course), "--from", str(archive),
                 "--roster", str(roster), "--jobs", "2"]) == 0
    err = capsys.readouterr().err
    assert "kelas-a/1002_kuadrat.ipynb: pengumpulan ganda oleh 1002; yang terbaru dipakai" in err
    assert "kelas-a/9999_kuadrat.ipynb: mahasiswa/peserta tidak dikenal" in err
    assert "kelas-a/1003_kuadrat.ipynb: notebook untuk tugas lain (wrong assignment" in err
    assert "kelas-a/1004_kuadrat.ipynb: JSON tidak valid" in err
    assert "kelas-a/1005_kuadrat.ipynb: bukan teks UTF-8" in err and "kelas-a/1006_kuadrat.ipynb: berkas kosong" in err
    assert "kelas-a/1007_catatan.txt: bukan berkas .ipynb" in err
    assert err.count("bukan berkas .ipynb") == 1, "a folder inside the zip is not a file"
    assert "/lms/" not in err and tempfile.gettempdir() + "/" not in err, "never a throwaway extraction path"
    assert "1 peserta di daftar tidak mengumpulkan: 1008" in err
    table = scores(f"sqlite:///{course / 'gradebook.db'}", "kuadrat")
    assert sorted(table) == ["1001", "1002"]
    assert total(table, "1002") == 2  # the later, corrected file
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == zip_digest
    reports = course / "reports" / "kuadrat"
    with open(reports / "nilai-kuadrat.csv", encoding="utf-8") as fh:
        rows = {row["id"]: row for row in csv.DictReader(fh)}
    assert sorted(rows) == [f"100{i}" for i in range(1, 9)], "every roster learner, and only they"
    assert [rows[s]["status"] for s in ("1001", "1002", "1008")] == ["dinilai", "dinilai", "tidak mengumpulkan"]
    assert rows["1002"]["total"] == "2.0" and rows["1008"]["total"] == "" and rows["1008"]["nama"] == "Peserta 8"
    assert rows["1004"]["status"] == "tidak dapat dinilai: kelas-a/1004_kuadrat.ipynb: JSON tidak valid (invalid JSON, line 1)"
    assert rows["1007"]["status"].startswith("tidak dapat dinilai: kelas-a/1007_catatan.txt: bukan berkas .ipynb")
    for student in ("1003", "1005", "1006"):
        assert rows[student]["status"].startswith(f"tidak dapat dinilai: kelas-a/{student}_kuadrat.ipynb: ")
        assert rows[student]["kuadrat_tes"] == "" and rows[student]["total"] == ""  # blank, never a silent 0
    assert (reports / "nilai-kuadrat.xlsx").stat().st_size > 0
    assert "Analisis butir" in (reports / "analisis-butir-kuadrat.html").read_text()
    assert (course / "feedback" / "1001" / "kuadrat" / "kuadrat.html").is_file()


LATE_PLUGIN = '''from nbgrader.plugins import BasePlugin


class SubMarks(BasePlugin):
    """nbgrader's documented example plugin: one mark off per hour late."""

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        return round(total_seconds_late / 3600, 0)
'''


def lateness(db_url: str) -> dict:
    """Per learner: submission time, seconds late, raw score and late penalty as the gradebook holds them."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        return {s.student.id: {"timestamp": s.timestamp, "seconds_late": s.total_seconds_late, "score": s.score,
                               "penalty": [nb.late_submission_penalty for nb in s.notebooks]}
                for s in gb.assignment_submissions("kuadrat")}


def test_late_submission_same_score_and_penalty_as_nbgrader(tmp_path, real_course, capsys):
    """With a due date in the gradebook and the course's late-penalty plugin (nbgrader's SubMarks example,
    in late.py next to nbgrader_config.py), cerdas grade stores the same submission times, lateness,
    scores and penalties as nbgrader autograde, from timestamps in the forms nbgrader writes; the
    grades CSV subtracts the penalty as nbgrader's export does."""
    from nbgrader.api import Gradebook

    plan = {"tepat": "correct.ipynb", "telat": "correct.ipynb", "telat_salah": "wrong.ipynb"}
    stamps = {"tepat": "2025-11-20 22:58:23.948203 UTC",                    # 1 h before the due time
              "telat": "2025-11-20 17:30:00.000000 America/Los_Angeles",    # 01:30 UTC: 1.5 h late
              "telat_salah": "2025-11-21 09:00:00.500000 Asia/Jakarta"}     # 02:00 UTC: late, nothing to take
    courses = {}
    for who in ("cerdas", "nbgrader"):
        course = courses[who] = make_course(tmp_path / who, real_course, plan)
        for student, stamp in stamps.items():
            (course / "submitted" / student / "kuadrat" / "timestamp.txt").write_text(stamp)
        (course / "late.py").write_text(LATE_PLUGIN)
        with open(course / "nbgrader_config.py", "a", encoding="utf-8") as fh:
            fh.write('\nc.AssignLatePenalties.plugin_class = "late.SubMarks"\n')
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
            gb.update_or_create_assignment("kuadrat", duedate="2025-11-20 23:59:59 UTC")
    run_nbgrader("autograde", "kuadrat", course=CourseDir.open(courses["nbgrader"]))
    assert main(["grade", "kuadrat", "--course-dir", str(courses["cerdas"]), "--jobs", "2"]) == 0
    theirs = lateness(f"sqlite:///{courses['nbgrader'] / 'gradebook.db'}")
    assert lateness(f"sqlite:///{courses['cerdas'] / 'gradebook.db'}") == theirs
    assert theirs["telat"]["seconds_late"] == 5401 and theirs["telat"]["penalty"] == [2.0]  # the test can fail
    assert theirs["tepat"]["penalty"] == [None] and theirs["telat_salah"]["penalty"] == [0.0]
    with open(courses["cerdas"] / "reports" / "kuadrat" / "nilai-kuadrat.csv", encoding="utf-8") as fh:
        rows = {row["id"]: row for row in csv.DictReader(fh)}
    assert (rows["telat"]["penalti_terlambat"], rows["telat"]["total"]) == ("2.0", "0.0")
    assert (rows["tepat"]["penalti_terlambat"], rows["tepat"]["total"]) == ("0.0", "2.0")


def test_gradebook_failure_mid_batch_loses_no_grade(tmp_path, real_course, monkeypatch, capsys):
    """Another program locks the gradebook after the first result is stored: grading goes on, every
    result is kept, the run ends with one line naming the gradebook and what to do, and exits 1. Once
    the lock is gone, the rerun puts every learner in the gradebook and the CSV, without regrading."""
    course = make_course(tmp_path / "c", real_course, {"a": "correct.ipynb", "b": "wrong.ipynb", "c": "correct.ipynb"})
    gradebook, real_apply, lock = course / "gradebook.db", Writer.apply, []

    def apply_then_lock(self, result, **kwargs):
        real_apply(self, result, **kwargs)  # later calls meet the lock for real: "database is locked"
        if not lock:
            lock.append(sqlite3.connect(gradebook, timeout=0, isolation_level=None))
            lock[0].execute("BEGIN EXCLUSIVE")

    monkeypatch.setattr(Writer, "apply", apply_then_lock)
    assert main(["grade", "kuadrat", "--course-dir", str(course), "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    [line] = [l for l in err.splitlines() if "gradebook" in l]
    assert line.startswith(f"gradebook sqlite:///{gradebook}: could not store a result: database is locked")
    assert "2 result(s) kept in" in line and "run cerdas grade again: the kept results are applied without regrading" in line
    assert "Traceback" not in err
    assert sorted(p.name for p in (course / ".cerdas" / "results" / "kuadrat").glob("?.json")) == ["a.json", "b.json", "c.json"]

    lock[0].close()
    monkeypatch.undo()
    assert main(["grade", "kuadrat", "--course-dir", str(course), "--jobs", "2"]) == 0
    assert "graded 0, unchanged 1, applied from saved results 2," in capsys.readouterr().out
    table = scores(f"sqlite:///{gradebook}", "kuadrat")
    assert sorted(table) == ["a", "b", "c"] and [total(table, s) for s in "abc"] == [2, 0, 2]
    with open(course / "reports" / "kuadrat" / "nilai-kuadrat.csv", encoding="utf-8") as fh:
        assert {row["id"]: row["status"] for row in csv.DictReader(fh)} == dict.fromkeys("abc", "dinilai")
    again = grade(course=course, assignment="kuadrat", progress=False)
    assert (again.graded, again.reapplied, sorted(again.skipped)) == ([], [], ["a", "b", "c"])
