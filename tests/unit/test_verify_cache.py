"""`cerdas build` re-verifies only what changed: a passing verify result is kept with the digest of
what decides it (the assignment's folder, its mutants.yml, the datasets its notebooks load, the
toolkit, the options), and the datasets a notebook loads are read from its code. The grading itself
is replaced by a recorder here (the real one is exercised by tests/integration/test_verify.py), so
these tests see exactly which assignments would have run. No kernel is started."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from cerdas import fingerprint as fp
from cerdas.assignments.verify import VerifyResult, verify
from cerdas.coursedir import CourseDir
from cerdas.errors import Problem
from cerdas.new import new_course

verify_module = importlib.import_module("cerdas.assignments.verify")  # the package exports the function
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DATA, PLAIN = "t01-pengunjung", "kuadrat"  # loads the course's dataset / loads none


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A `cerdas new` course (its assignment loads the dataset kunjungan_layanan) plus the fixture
    assignment `kuadrat`, which loads no dataset; grading replaced by a recorder of what ran."""
    root = new_course(target=tmp_path / "kursus")
    shutil.copytree(FIXTURES / "assignments" / "sound" / PLAIN, root / "assignments" / "source" / PLAIN)
    monkeypatch.setenv("CERDAS_ROOT", str(root))
    ran: list[list[str]] = []
    failing: set[str] = set()

    def record(*, course, names, jobs, cheats, progress):
        ran.append(list(names))
        return {n: VerifyResult(n, rows=[verify_module.TestRow(n, "tes", 3, 2.0, 2.0, 0.0, 3, 3, 3, 3)],
                                problems=[Problem(n, "gagal")] if n in failing else []) for n in names}

    monkeypatch.setattr(verify_module, "_verify", record)
    return CourseDir.open(root / "assignments"), ran, failing


def test_only_what_changed_is_verified_again(course):
    """No-op: nothing runs and the table says cached. Touching one mutants.yml re-verifies that
    assignment; editing the dataset re-verifies the assignment that loads it; `cache=False`
    (`--force`) verifies everything."""
    grading, ran, _ = course
    assert [r.cached for r in verify(course=grading, cache=True)] == [False, False]
    assert ran.pop() == [PLAIN, DATA]

    again = verify(course=grading, cache=True)
    assert ran == [] and [r.cached for r in again] == [True, True]
    assert again[0].table().splitlines()[0] == f"{PLAIN}: OK (cached)"
    assert again[0].rows == [verify_module.TestRow(PLAIN, "tes", 3, 2.0, 2.0, 0.0, 3, 3, 3, 3)]

    mutants = grading.source(PLAIN) / "mutants.yml"
    mutants.write_text(mutants.read_text() + "# satu baris lagi\n")
    verify(course=grading, cache=True)
    assert ran.pop() == [PLAIN]

    card = grading.root.parent / "datasets" / "kunjungan_layanan" / "CARD.md"
    card.write_text(card.read_text() + "\nCatatan baru.\n")
    verify(course=grading, cache=True)
    assert ran.pop() == [DATA]

    verify(course=grading, cache=True, cheats=False)  # another option, another result
    assert ran.pop() == [PLAIN, DATA]
    verify(course=grading, cache=False)
    assert ran.pop() == [PLAIN, DATA]


def test_a_failing_result_is_verified_again(course):
    """Only passing results are kept: a failure runs again on the next build, so a passing
    re-run (a flaky timeout, a fix in a file the digest does not see) is never hidden."""
    grading, ran, failing = course
    failing.add(DATA)
    verify(course=grading, cache=True)
    verify(course=grading, cache=True)
    assert ran == [[PLAIN, DATA], [DATA]]


def code(*sources: str):
    return new_notebook(cells=[new_code_cell(s) for s in sources])


@pytest.mark.parametrize("sources, expected", [
    (["from cerdas.datasets import load_aduan_warga", "df = load_aduan_warga().frame"], {"aduan_warga"}),
    (["from cerdas import datasets", 'df = datasets.load("kota").frame'], {"kota"}),
    (["import cerdas.datasets as ds", "b = ds.read_card('kota')"], {"kota"}),
    (["from cerdas.datasets import load as muat", "muat(name='kota')"], {"kota"}),
    (["from cerdas import datasets", "nama = 'kota'", "datasets.load(nama)"], {fp.ALL}),  # computed name
    (["import pandas as pd", "pd.read_csv('../../datasets/kota/kota.csv')"], {fp.ALL}),  # a path into datasets/
    (["import json", "json.load(open('x.json'))", "print(1)"], set()),  # another library's load
    (["%matplotlib inline", "from cerdas.datasets import *", "load('kota')"], {"kota"}),
])
def test_datasets_a_notebook_loads(sources, expected):
    """Which course datasets a notebook reads, from its code; when it cannot tell, every dataset."""
    assert fp.datasets_read(code(*sources)) == expected
