"""An instructor hands the cohort's grades to the agency's learning platform: `cerdas export` writes
files with the columns Moodle's grade import and Google Classroom read, and no silent zeros."""

from __future__ import annotations

import csv

import pytest

import kohort
from cerdas.cli import main
from cerdas.errors import CourseError
from cerdas.export import export
from cerdas.grading.inputs import read_roster


def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _expected_total(i: int, k: int) -> float | None:
    if not kohort.submits(i, k):
        return None
    if k == 2 and kohort.written_score(i) is None:
        return None  # the written answer waits for the instructor: no partial total
    return sum(kohort.scores(i, k).values()) + (kohort.written_score(i) if k == 2 else 0)


def test_moodle_file_has_moodles_columns_and_the_gradebooks_scores(city, tmp_path):
    """Moodle's import maps one identifier column to a user field and reads every other column as a
    grade item: 'ID number' holds the roster id (unique, never empty), grade columns are headed
    '<item> (Real)' with a decimal point, an empty cell means no grade; only roster learners appear,
    since Moodle aborts the whole import on an unknown user."""
    path = export(grading=city["grading"], assignments=kohort.ASSIGNMENTS, to="moodle",
                  roster=read_roster(city["roster"]), out=tmp_path)
    rows = _read(path)
    header = list(rows[0])
    assert header[:4] == ["First name", "Last name", "ID number", "Email address"]
    grade_columns = header[4:]
    assert all(column.endswith(" (Real)") for column in grade_columns)
    assert "m01-data (Real)" in grade_columns and "m03-spbe: refleksi (Real)" in grade_columns
    ids = [row["ID number"] for row in rows]
    assert sorted(ids) == sorted(p["id"] for p in kohort.learners()) and len(set(ids)) == len(ids)
    for row in rows:
        for column in grade_columns:
            assert row[column] == "" or float(row[column]) >= 0  # numeric or empty, never text
    by_id = {row["ID number"]: row for row in rows}
    for p in kohort.learners():
        for k, name in enumerate(kohort.ASSIGNMENTS):
            want = _expected_total(p["i"], k)
            got = by_id[p["id"]][f"{name} (Real)"]
            assert (got == "") if want is None else float(got) == pytest.approx(want), (p["id"], name)
            if kohort.submits(p["i"], k):
                assert float(by_id[p["id"]][f"{name}: soal_1 (Real)"]) == kohort.scores(p["i"], k)["soal_1"]


def test_classroom_file_matches_by_email_with_one_grade_per_assignment(city, tmp_path):
    """Google Classroom matches learners by e-mail and keeps one grade per assignment: columns
    Email Address, First Name, Last Name, then each assignment's total."""
    rows = _read(export(grading=city["grading"], assignments=kohort.ASSIGNMENTS, to="classroom",
                        roster=read_roster(city["roster"]), out=tmp_path))
    assert list(rows[0]) == ["Email Address", "First Name", "Last Name", *kohort.ASSIGNMENTS]
    by_mail = {row["Email Address"]: row for row in rows}
    for p in kohort.learners():
        for k, name in enumerate(kohort.ASSIGNMENTS):
            want = _expected_total(p["i"], k)
            got = by_mail[p["email"]][name]
            assert (got == "") if want is None else float(got) == pytest.approx(want)


def test_classroom_needs_every_email_and_says_who_lacks_one(city, tmp_path):
    """A roster without e-mails cannot be matched in Classroom: one clear problem naming learners."""
    roster = read_roster(city["roster"])
    roster["asn005"]["email"] = None
    with pytest.raises(CourseError) as caught:
        export(grading=city["grading"], assignments=["m01-data"], to="classroom", roster=roster, out=tmp_path)
    assert "asn005" in str(caught.value.problems[0]) and "email column" in caught.value.problems[0].hint


def test_plain_csv_and_cli(city, tmp_path, capsys):
    """`cerdas export --to csv` from the command line: totals, maxima and questions per assignment."""
    code = main(["export", "--to", "csv", "m01-data", "m02-model", "--course-dir", str(city["grading"].root),
                 "--roster", str(city["roster"]), "--out", str(tmp_path)])
    assert code == 0 and "csv-nilai.csv" in capsys.readouterr().out
    rows = _read(tmp_path / "csv-nilai.csv")
    assert {row["m01-data:maksimum"] for row in rows} == {"10"}
    assert main(["export", "--to", "csv", "m09-hilang", "--course-dir", str(city["grading"].root)]) == 1
    assert "no assignment m09-hilang" in capsys.readouterr().err
