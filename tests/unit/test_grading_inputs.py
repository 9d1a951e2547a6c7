"""What `cerdas grade` reads before any kernel starts: submission times, rosters and LMS downloads.

Times are read exactly as `nbgrader autograde` reads `timestamp.txt`; every learner on the roster
gets a status; problems name files as the instructor knows them.
"""

from __future__ import annotations

import zipfile
from datetime import datetime

import pytest
from nbgrader.coursedir import CourseDirectory

from cerdas.coursedir import CourseDir
from cerdas.errors import CourseError
from cerdas.grading import inputs as inp
from conftest import FIXTURES

GOOD = (FIXTURES / "grading" / "correct.ipynb").read_bytes()
SOURCE_IDS = {"kuadrat": {"kuadrat_jawaban", "kuadrat_tes"}}

# The forms nbgrader writes (its default timestamp_format with a zone name, or UTC) and others its parser takes.
NBGRADER_FORMS = [
    "2015-02-02 22:58:23.948203 America/Los_Angeles",
    "2015-02-02 22:58:23.948203 UTC",
    "2025-11-20 23:59:59.000001 Asia/Jakarta",
    "2025-11-20 23:59:59 -0700",
    "2025-11-20T23:59:59+07:00",
    "2025-11-20 23:59:59",
]


def submitted(tmp_path, student: str, stamp: str | None):
    folder = tmp_path / "submitted" / student / "kuadrat"
    folder.mkdir(parents=True)
    (folder / "kuadrat.ipynb").write_bytes(GOOD)
    if stamp is not None:
        (folder / "timestamp.txt").write_text(stamp + "\n")
    return folder


@pytest.mark.parametrize("stamp", NBGRADER_FORMS)
def test_submission_time_is_what_nbgrader_autograde_reads(tmp_path, stamp):
    """The time stored for a submission equals the one nbgrader's autograde reads from the same folder."""
    folder = submitted(tmp_path, "budi", stamp)
    [sub] = inp.from_submitted_tree(CourseDir.open(tmp_path), "kuadrat", ["kuadrat"]).submissions
    assert sub.timestamp == CourseDirectory().get_existing_timestamp(str(folder))
    assert sub.timestamp is not None and sub.timestamp.tzinfo is None  # naive UTC, as nbgrader stores it


def test_zone_names_are_converted_to_utc(tmp_path):
    """22:58 in Los Angeles on 2 Feb is 06:58 UTC on 3 Feb; a UTC stamp is kept as it is."""
    submitted(tmp_path, "la", NBGRADER_FORMS[0])
    submitted(tmp_path, "utc", NBGRADER_FORMS[1])
    times = {s.student: s.timestamp for s in inp.from_submitted_tree(CourseDir.open(tmp_path), "kuadrat", []).submissions}
    assert times == {"la": datetime(2015, 2, 3, 6, 58, 23, 948203), "utc": datetime(2015, 2, 2, 22, 58, 23, 948203)}


def test_unreadable_time_is_not_graded_as_on_time(tmp_path):
    """A timestamp.txt nbgrader cannot read stops that learner (as autograde does), with the file named;
    an empty one means no time, as in nbgrader; an unknown zone is read as UTC and said so."""
    submitted(tmp_path, "rusak", "kemarin sore")
    submitted(tmp_path, "kosong", "")
    submitted(tmp_path, "zona", "2025-11-20 10:00:00 Asia/Samarinda")
    collected = inp.from_submitted_tree(CourseDir.open(tmp_path), "kuadrat", ["kuadrat"])
    times = {s.student: s.timestamp for s in collected.submissions}
    assert times == {"kosong": None, "zona": datetime(2025, 11, 20, 10, 0)}
    lines = [str(issue) for issue in collected.issues]
    assert any(line.startswith("submitted/rusak/kuadrat/timestamp.txt: timestamp.txt tidak valid: 'kemarin sore'")
               for line in lines), lines
    assert any(line.startswith("submitted/kosong/kuadrat/timestamp.txt: timestamp.txt kosong") for line in lines)
    assert any("zona waktu 'Asia/Samarinda' tidak dikenal" in line for line in lines)
    assert str(inp.statuses(collected, None)["rusak"]).startswith("tidak dapat dinilai: submitted/rusak/kuadrat/timestamp.txt")


def test_roster_without_id_column_names_the_file_and_columns(tmp_path):
    """A roster exported with other headers is one problem line saying which columns it found."""
    roster = tmp_path / "peserta.csv"
    roster.write_text("Nama Lengkap,Surel\nBudi,budi@contoh.test\n", encoding="utf-8")
    with pytest.raises(CourseError) as caught:
        inp.read_roster(roster)
    [problem] = caught.value.problems
    assert problem.path == str(roster)
    assert "'Nama Lengkap', 'Surel'" in problem.what and "id, student_id, nim, nip, nisn" in problem.hint


def test_roster_saved_in_a_legacy_encoding_is_explained(tmp_path):
    roster = tmp_path / "peserta.csv"
    roster.write_bytes("nim,nama\n1001,Désirée\n".encode("latin-1"))
    with pytest.raises(CourseError) as caught:
        inp.read_roster(roster)
    assert "not UTF-8" in caught.value.problems[0].what and "CSV UTF-8" in caught.value.problems[0].hint


def test_lms_zip_rows_and_names(tmp_path):
    """A Moodle-style zip (a folder per learner, folder entries included): every roster learner gets a
    status, problems name files as they are named in the zip, folders are not reported as files."""
    archive = tmp_path / "unduhan.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("tugas/", b"")
        zf.writestr("tugas/Budi_1001_assignsubmission_file_/", b"")
        zf.writestr("tugas/Budi_1001_assignsubmission_file_/kuadrat.ipynb", GOOD)  # id only in the folder
        zf.writestr("tugas/1002_kuadrat.ipynb", b'{"cells": [')
        zf.writestr("tugas/1003_catatan.docx", b"PK")
        zf.writestr("tugas/9999_kuadrat.ipynb", GOOD)
        zf.writestr("__MACOSX/tugas/._1002_kuadrat.ipynb", b"\0")
    roster = {sid: {} for sid in ("1001", "1002", "1003", "1004")}
    collected = inp.validate_all(inp.from_lms(archive, "kuadrat", ["kuadrat"], roster, tmp_path / "kerja"),
                                 SOURCE_IDS, roster)
    lines = [str(issue) for issue in collected.issues]
    assert not any("bukan berkas .ipynb" in line and not line.startswith("tugas/1003_catatan.docx") for line in lines), lines
    assert any(line.startswith("tugas/1002_kuadrat.ipynb: JSON tidak valid") for line in lines), lines
    assert any(line.startswith("tugas/9999_kuadrat.ipynb: mahasiswa/peserta tidak dikenal") for line in lines), lines
    assert not any(str(tmp_path / "kerja") in line for line in lines)
    status = inp.statuses(collected, roster)
    assert {sid: said.standing.value for sid, said in status.items()} == {
        "1001": "graded", "1002": "ungradable", "1003": "ungradable", "1004": "not-submitted"}
    assert {sid: str(said) for sid, said in status.items()} == {
        "1001": "dinilai",
        "1002": "tidak dapat dinilai: tugas/1002_kuadrat.ipynb: JSON tidak valid (invalid JSON, line 1)",
        "1003": "tidak dapat dinilai: tugas/1003_catatan.docx: bukan berkas .ipynb (not a notebook file)",
        "1004": "tidak mengumpulkan",
    }


def test_exchange_latest_submission_and_its_time(tmp_path):
    """An nbgrader exchange inbound folder: the latest submission by the time in its name is graded (as
    nbgrader collect chooses), and the time in its timestamp.txt is the one stored."""
    inbound = tmp_path / "inbound"
    for stamp, noise in (("2025-11-20 16:30:00.000000 UTC", "a1"), ("2025-11-20 02:00:00.000000 UTC", "z9")):
        folder = inbound / f"budi+kuadrat+{stamp}+{noise}"  # nbgrader submit's default name and timestamp.txt
        folder.mkdir(parents=True)
        (folder / "kuadrat.ipynb").write_bytes(GOOD)
        (folder / "timestamp.txt").write_text(stamp)
    collected = inp.from_exchange(inbound, "kuadrat")
    [sub] = collected.submissions
    assert "16:30:00" in sub.origin and sub.timestamp == datetime(2025, 11, 20, 16, 30)
    assert [issue.what for issue in collected.issues] == ["pengumpulan ganda oleh budi; yang lebih baru dipakai"]
