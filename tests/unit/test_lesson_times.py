"""Honest lesson times: the estimate from a lesson's content, the 25% rule on its `menit`, the
course's longest lesson, and the `cerdas check --waktu` table. Fixture lessons are named by what
the estimate must find in them (tests/fixtures/waktu); none of this reads the real course."""

from __future__ import annotations

import shutil

import nbformat
import pytest
import yaml

from cerdas import estimate
from cerdas.check.syllabus import lesson_times, time_table
from cerdas.cli import main
from cerdas.course import Course
from conftest import FIXTURES

WAKTU = FIXTURES / "waktu"


def lesson_course(tmp_path, fixture: str, *, menit: int | None = None, settings: dict | None = None) -> Course:
    """A course holding one fixture lesson as module 1 (its `menit` replaced when given)."""
    folder = tmp_path / "notebooks" / "01-uji"
    folder.mkdir(parents=True)
    nb = nbformat.read(WAKTU / f"{fixture}.ipynb", as_version=4)
    if menit is not None:
        nb.metadata.cerdas.menit = menit
    nbformat.write(nb, folder / f"{fixture}.ipynb")
    if settings is not None:
        (tmp_path / "kursus.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    return Course(tmp_path)


def test_estimate_counts_each_term_and_nothing_else():
    """240 words of prose (code fences, directive options, comments, images and link targets left
    out; directive titles kept), 3 non-empty code cells, 2 "Coba sendiri" (a mention in prose is not
    one) and 1 exercise: 2 + 6 + 10 + 10 = 28 minutes, rounded up to 30."""
    found = estimate.estimate_file(WAKTU / "every-term.ipynb")
    assert (found.words, found.code_cells, found.tries, found.exercises) == (240, 3, 2, 1)
    assert found.exact == pytest.approx(240 / 120 + 3 * 2 + 2 * 5 + 1 * 10)
    assert found.minutes == 30


@pytest.mark.parametrize(("markdown", "words"), [
    ("Satu dua tiga.", 3),
    ("```python\nsatu dua tiga\n```\nempat", 1),
    ("````{admonition} Judul kotak\n:class: tip\nisi\n```python\nkode kode\n```\n````", 3),
    ("[teks tautan](https://contoh.id/a/b/c) dan {term}`istilah <target-panjang>`", 4),
    ("angka 4,3<!--angka:mae_awal--> turun", 3),
    ("| a | b |\n|---|---|\n1. butir", 3),
])
def test_prose_words(markdown, words):
    """What a learner reads: code inside directives is skipped, link and role targets are not words."""
    assert estimate.count_words(estimate.prose(markdown)) == words


def test_estimate_rounds_up_to_five():
    """30.0 minutes stays 30; one word more (30.008) is 35: an estimate never rounds time away."""
    nb = nbformat.read(WAKTU / "thirty-minutes.ipynb", as_version=4)
    assert estimate.estimate(nb).minutes == 30
    nb.cells[0].source += " tambahan"
    assert estimate.estimate(nb).minutes == 35


@pytest.mark.parametrize(("menit", "fails"), [(30, False), (37, False), (23, False), (38, True), (22, True)])
def test_menit_within_25_percent_of_the_estimate(tmp_path, menit, fails):
    """A lesson estimated at 30 minutes may say 23 to 37; 38 or 22 fails with both numbers and the fix."""
    course = lesson_course(tmp_path, "thirty-minutes", menit=menit)
    problems = [str(p) for p in lesson_times(course)]
    if not fails:
        assert problems == []
        return
    [problem] = problems
    assert problem.startswith("notebooks/01-uji/thirty-minutes.ipynb: metadata.cerdas: ")
    assert f"'menit' is {menit} but the content needs about 30 minutes" in problem
    assert "set 'menit': 30" in problem
    assert ("or split the lesson" in problem) == (menit < 30)


@pytest.mark.parametrize(("settings", "fails"), [
    ({"maks_menit_pelajaran": 60}, True), ({"maks_menit_pelajaran": 75}, False), ({}, False), (None, False)])
def test_lesson_above_the_course_maximum(tmp_path, settings, fails):
    """A 75-minute lesson fails a course whose maximum is 60 (and says to split it), passes at 75, and
    passes a course that sets no maximum (no setting, or no kursus.yml at all)."""
    course = lesson_course(tmp_path, "seventy-five-minutes", settings=settings)
    problems = [str(p) for p in lesson_times(course)]
    if fails:
        [problem] = problems
        assert "is estimated at 75 minutes, above the course's maximum of 60" in problem
        assert "split it into parts of 30-45 minutes" in problem
    else:
        assert problems == []


def test_malformed_maximum_is_named(tmp_path):
    course = lesson_course(tmp_path, "thirty-minutes", settings={"maks_menit_pelajaran": "enam puluh"})
    assert any("kursus.yml: 'maks_menit_pelajaran' must be a number of minutes" in str(p) for p in lesson_times(course))


def test_check_waktu_prints_every_lesson(tmp_path, capsys):
    """`cerdas check --waktu` prints menit, estimate, difference and JP per lesson, flags the ones off."""
    course = lesson_course(tmp_path, "thirty-minutes", menit=45, settings={"menit_per_jp": 45})
    shutil.copy(WAKTU / "seventy-five-minutes.ipynb", tmp_path / "notebooks" / "01-uji")
    main(["--root", str(course.root), "check", "--waktu"])
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.startswith(("notebooks/", "total"))}
    assert rows["notebooks/01-uji/thirty-minutes.ipynb"][:4] == ["45", "30", "+50%", "1"]
    assert "off by more than 25%" in " ".join(rows["notebooks/01-uji/thirty-minutes.ipynb"])
    assert rows["notebooks/01-uji/seventy-five-minutes.ipynb"] == ["75", "75", "+0%", "1,7"]
    assert rows["total"] == ["120", "105", "2,7"]
    assert time_table(course)[0].split() == ["lesson", "menit", "estimate", "difference", "JP"]


def test_unreadable_notebook_is_left_to_the_notebook_check(tmp_path):
    """A notebook that is not JSON gives no time problem and no crash: the notebook check names it."""
    course = lesson_course(tmp_path, "thirty-minutes")
    (tmp_path / "notebooks" / "01-uji" / "rusak.ipynb").write_text('{"cells": [', encoding="utf-8")
    assert list(lesson_times(course)) == []
