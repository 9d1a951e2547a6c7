"""A city runs the course for 42 civil servants from 5 agencies: `cerdas cohort` reports who finished,
the JP they earned and where they struggle, with a leadership view that names nobody."""

from __future__ import annotations

import json
import statistics

import pandas as pd
import pytest

import kohort
from cerdas import cohort
from cerdas.cli import main
from cerdas.grading.inputs import read_roster


@pytest.fixture(scope="module")
def city(city):
    """The shared city cohort (conftest) and what `cerdas cohort` collects from it."""
    return {**city, "cohort": cohort.collect(grading=city["grading"], roster=read_roster(city["roster"]),
                                             course=city["course"])}


def hand_computed() -> pd.DataFrame:
    """What each learner's row must say, from the generation rules alone."""
    rows = []
    jp = {0: 1.0, 1: 2.0, 2: 2.0}
    for p in kohort.learners():
        i, done, shares, missed = p["i"], [], [], []
        for k in range(3):
            if not kohort.submits(i, k):
                missed.append(True)
                continue
            missed.append(False)
            if k == 2 and kohort.written_score(i) is None:
                continue  # waiting for the instructor: submitted, not completed
            points = sum(kohort.scores(i, k).values()) + (kohort.written_score(i) if k == 2 else 0)
            done.append(k)
            shares.append(points / (15 if k == 2 else 10))
        rows.append({"id": p["id"], "instansi": p["instansi"], "angkatan": p["angkatan"], "selesai": len(done),
                     "rata": statistics.mean(shares) if shares else float("nan"),
                     "jp": sum(jp[k] for k in done), "berisiko": (missed[0] and missed[1]) or (missed[1] and missed[2])})
    return pd.DataFrame(rows)


def test_each_learner_matches_a_hand_computation(city):
    """Completed assignments, mean score, JP and 'at risk' per learner equal the rules' arithmetic."""
    got = city["cohort"].summary.set_index("id")
    want = hand_computed().set_index("id")
    assert len(got) == 42
    assert (got["tugas_selesai"] == want["selesai"]).all()
    assert got["rata_rata_nilai"].to_numpy() == pytest.approx(want["rata"].to_numpy(), nan_ok=True)
    assert (got["jp"] == want["jp"]).all()
    assert (got["berisiko"] == want["berisiko"]).all() and want["berisiko"].sum() > 0
    assert got["terlambat"].sum() == sum(kohort.late(p["i"], 1) and kohort.submits(p["i"], 1) for p in kohort.learners())


def test_leadership_groups_equal_hand_sums_and_small_agencies_merge(city):
    """Per agency: enrolment, completions, mean score, JP; 'Kecamatan Kota' (3 people) cannot stand alone,
    and 'lainnya' with only 3 would still point at people, so the next smallest agency joins it."""
    table = cohort.leadership(city["cohort"])["instansi"].set_index("kelompok")
    assert list(table.index) == ["Bappeda", "Dinas Kesehatan", "Diskominfo", "lainnya"]
    assert (table["peserta"] >= cohort.MIN_GROUP).all()
    want = hand_computed()
    want["kelompok"] = want["instansi"].replace({"Kecamatan Kota": "lainnya", "Satpol PP": "lainnya"})
    for group, part in want.groupby("kelompok"):
        assert table.loc[group, "peserta"] == len(part)
        assert table.loc[group, "tugas_selesai"] == part["selesai"].sum()
        assert table.loc[group, "rata_rata_nilai"] == pytest.approx(part["rata"].mean())
        assert table.loc[group, "jp_total"] == pytest.approx(part["jp"].sum())
        assert table.loc[group, "berisiko"] == part["berisiko"].sum()


def test_certificates_counted_from_the_register(city):
    """The dashboard counts the certificates `cerdas certificates` issued, per agency."""
    register = json.loads((city["grading"].state_dir / "sertifikat.json").read_text())
    issued = {entry["student"] for entry in register.values()}
    assert 0 < len(issued) < 42
    assert set(city["cohort"].summary.loc[city["cohort"].summary["sertifikat"], "id"]) == issued
    table = cohort.leadership(city["cohort"])["instansi"]
    assert table["sertifikat"].sum() == len(issued)


def test_leadership_view_names_nobody(city, tmp_path):
    """No learner's name or id appears in anything meant for leadership; the instructor's view has them."""
    out = tmp_path / "kohort"
    paths = cohort.write(city["cohort"], out, title="Kursus Kota")
    lead = [(out / "dasbor-pimpinan.html").read_text(), (out / "ringkasan-pimpinan.csv").read_text()]
    lead += [pd.read_excel(out / "kohort-pimpinan.xlsx", sheet_name=None).__repr__()]
    for p in kohort.learners():
        for text in lead:
            assert p["id"] not in text and p["first_name"] + " " not in text
    teacher = (out / "dasbor-pengajar.html").read_text()
    assert "asn000" in teacher and "Peserta 0 Uji" in teacher
    assert "Kecamatan Kota" not in lead[0] and "lainnya" in lead[0]
    assert all(path.exists() for path in paths)
    assert lead[0].count("<img alt=") == 2 and "http" not in lead[0].split("<body")[0]


def test_weakest_questions_come_from_the_item_analysis(city):
    """Per assignment the question with the smallest share of full points is listed first; the written
    answer counts only the learners the instructor has graded."""
    weak = city["cohort"].weakest
    first = weak.groupby("tugas").head(1).set_index("tugas")
    for k, name in enumerate(kohort.ASSIGNMENTS):
        takers = [p["i"] for p in kohort.learners() if kohort.submits(p["i"], k)]
        share = {q: sum(kohort.scores(i, k)[q] == m for i in takers) / len(takers) for q, m in kohort.MAXIMA.items()}
        if k == 2:
            graded = [i for i in takers if kohort.written_score(i) is not None]
            share["refleksi"] = sum(kohort.written_score(i) >= 5 for i in graded) / len(graded)
        assert first.loc[name, "porsi_penuh"] == pytest.approx(min(share.values()))


def test_small_cohort_gets_no_leadership_figures(city, tmp_path):
    """Under five learners in all, the leadership view says why it shows no figures."""
    small = cohort.Cohort(city["cohort"].learners.head(4), city["cohort"].assignments,
                          city["cohort"].open_assignments, city["cohort"].weakest)
    small.summary = city["cohort"].summary.head(4)
    assert cohort.leadership(small) == {}
    cohort.write(small, tmp_path, title="Kecil")
    page = (tmp_path / "dasbor-pimpinan.html").read_text()
    assert "kurang dari 5 peserta" in page and "asn000" not in page


def test_cli_writes_the_dashboards(city, tmp_path, capsys):
    """`cerdas cohort --roster` from the course directory writes both views and says which to share."""
    code = main(["--root", str(city["root"]), "cohort", "--course-dir", str(city["grading"].root),
                 "--roster", str(city["roster"]), "--out", str(tmp_path)])
    assert code == 0
    out = capsys.readouterr().out
    assert "42 learners, 3 assignments" in out and "dasbor-pimpinan.html" in out
    assert (tmp_path / "kohort-pengajar.xlsx").is_file()


def test_cli_in_a_plain_nbgrader_course_counts_no_jp(city, tmp_path, monkeypatch, capsys):
    """An instructor's own nbgrader course, outside any Cerdas course: the dashboard is written from
    the gradebook alone (no lessons, so no JP) instead of stopping at "no Cerdas course found"."""
    monkeypatch.delenv("CERDAS_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    code = main(["cohort", "--course-dir", str(city["grading"].root), "--roster", str(city["roster"]),
                 "--out", str(tmp_path / "kohort")])
    assert code == 0, capsys.readouterr().err
    learners = pd.read_csv(tmp_path / "kohort" / "peserta-pengajar.csv")
    assert len(learners) == 42 and (learners["jp"] == 0).all() and learners["tugas_selesai"].sum() > 0
