"""Every dataset loads through one contract and matches its card; generators reproduce the bytes."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import cerdas.datasets as ds
from cerdas.cli import main
from cerdas.course import Course
from cerdas.datasets.build import build_datasets, generator_names, load_generator
from cerdas.datasets.card import sha256
from conftest import REPO

NAMES = ds.dataset_names()
RESERVED_TLDS = {"example", "test"}
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')]+", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", re.I)
DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/:\s\"')]|$)", re.I)


def test_every_loader_has_a_dataset_and_back():
    """Each load_<name>() in cerdas.datasets has a folder with a card, and each folder a loader."""
    loaders = {n[len("load_"):] for n in ds.__all__ if n.startswith("load_")}
    assert set(NAMES) == loaders


@pytest.mark.parametrize("name", NAMES)
def test_loader_contract(name):
    """load_<name>() returns DataFrames with the card's columns, a DESCR, and only declared gaps."""
    loader = getattr(ds, f"load_{name}")
    bunch = loader()
    card = ds.read_card(name)
    assert isinstance(bunch.frame, pd.DataFrame) and len(bunch.frame) == card.meta["rows"]
    assert bunch.DESCR.strip() and card.meta["title"] in bunch.DESCR
    for file_name in card.meta["files"]:
        frame = bunch.frames[file_name.rsplit(".", 1)[0]]
        columns = card.table_columns(file_name)
        assert list(frame.columns) == list(columns), file_name
        may_be_missing = {c for c, spec in columns.items() if (spec or {}).get("missing")}
        missing = {c for c in frame.columns if frame[c].isna().any()}
        assert missing <= may_be_missing, f"{file_name}: undeclared missing values in {missing - may_be_missing}"
    assert loader(as_frame=False).frame is None
    for section in ("## Deskripsi", "## Cara data dibuat", "## Penggunaan yang dimaksud", "## Keterbatasan dan etika"):
        assert section in card.body, f"{name}: card lacks {section}"


@pytest.mark.parametrize("name", NAMES)
def test_checksums_match_cards(name):
    """Each shipped file has the sha256 its card records."""
    card = ds.read_card(name)
    for file_name, digest in card.meta["files"].items():
        assert sha256(REPO / "datasets" / name / file_name) == digest, file_name


@pytest.mark.parametrize("name", generator_names(Course(REPO)))
def test_generator_reproduces_shipped_bytes(name, tmp_path):
    """`cerdas datasets build` regenerates every shipped file byte for byte from its seed."""
    build_datasets(names=[name], out_dir=tmp_path)
    for written in sorted((tmp_path / name).iterdir()):
        assert sha256(written) == sha256(REPO / "datasets" / name / written.name), written.name
    assert sorted(p.name for p in (tmp_path / name).iterdir()) == sorted(ds.read_card(name).meta["files"])


def test_datasets_folder_is_small():
    """The whole datasets/ folder stays under 10 MB (it travels to offline training rooms)."""
    total = sum(p.stat().st_size for p in (REPO / "datasets").rglob("*") if p.is_file())
    assert total < 10 * 1024 * 1024, f"{total / 1e6:.1f} MB"


def test_datasets_list_shows_every_set(capsys):
    """`cerdas datasets list` prints one line per set with its kind and licence."""
    assert main(["datasets", "list"]) == 0
    out = capsys.readouterr().out
    for name in NAMES:
        [line] = [l for l in out.splitlines() if l.startswith(name + " ")]
        kind = "synthetic" if ds.read_card(name).meta["synthetic"] else "real"
        assert kind in line and "CC BY 4.0" in line


def test_complaints_are_learnable_but_not_trivial():
    """TF-IDF + logistic regression on the complaint texts lands in 0.75-0.92 accuracy, above a keyword-free baseline."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline

    df = ds.load_aduan_warga().frame
    x_train, x_test, y_train, y_test = train_test_split(
        df["teks"], df["kategori"], test_size=0.25, random_state=0, stratify=df["kategori"])
    model = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)).fit(x_train, y_train)
    accuracy = (model.predict(x_test) == y_test).mean()
    majority = (y_test == y_train.mode()[0]).mean()
    assert 0.75 <= accuracy <= 0.92, accuracy
    assert accuracy > majority + 0.4


def _text_cells():
    """Every text value shipped, except the citations of real tables (their addresses are real by design)."""
    for name in NAMES:
        real = not ds.read_card(name).meta.get("synthetic")
        for key, frame in ds.load(name).frames.items():
            for column in frame.columns:
                if real and column.startswith("sumber"):
                    continue
                if frame[column].dtype == object or str(frame[column].dtype) in ("string", "str"):
                    for value in frame[column].dropna().astype(str):
                        yield f"{name}/{key}.{column}", value


def test_no_url_or_address_leaves_reserved_domains():
    """Every URL, e-mail address and domain in any shipped text lies under .example or .test (a real
    table's source citations excepted)."""
    offenders = []
    for where, text in _text_cells():
        hosts = [m.split("//")[-1].split("/")[0].split(":")[0] for m in URL.findall(text)]
        hosts += EMAIL.findall(text)
        hosts += [d for d in DOMAIN.findall(text) if not re.fullmatch(r"[\d.]+", d)]
        for host in hosts:
            tld = host.lower().rstrip(".").rsplit(".", 1)[-1]
            if tld not in RESERVED_TLDS and not _is_plain_word_pair(host):
                offenders.append(f"{where}: {host} in {text[:80]!r}")
    assert offenders == [], "\n".join(offenders[:20])


def _is_plain_word_pair(host: str) -> bool:
    """'dll.Mohon' style typos (a sentence break without a space) are not domains."""
    parts = host.split(".")
    return len(parts) == 2 and parts[1][:1].isupper()


def test_url_scan_catches_real_domains():
    """The scanner above is not blind: a real-looking domain is reported."""
    text = "Klik http://bank-rakyat.co.id/verifikasi atau cs@bank.com"
    hosts = [m.split("//")[-1].split("/")[0] for m in URL.findall(text)] + EMAIL.findall(text)
    assert {h.rsplit(".", 1)[-1] for h in hosts} == {"id", "com"}


def test_no_synthetic_nik_can_be_real():
    """Every NIK in the residents set breaks the real NIK structure; the rule accepts a plausible one."""
    nik_mungkin_asli = load_generator("penduduk_sintetis").nik_mungkin_asli
    df = ds.load_penduduk_sintetis().frame
    assert df["nik"].str.fullmatch(r"\d{16}").all()
    assert df["nik"].is_unique
    assert not any(nik_mungkin_asli(n) for n in df["nik"])
    assert nik_mungkin_asli("6471014101900001")  # kecamatan 01, woman born 1 Jan 1990, serial 0001


def test_unknown_dataset_name_is_one_clear_line(capsys):
    """`cerdas datasets build <typo>` names the set and lists the real ones instead of a KeyError."""
    assert main(["datasets", "build", "aduan_warga", "aduan-warga"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("datasets/aduan-warga: has no generator") and "choose one of: aduan_warga," in err
    assert "Traceback" not in err and len(err.splitlines()) == 1


def _card(tmp_path, front: str, csv: str = "a,b\n1,2\n"):
    """A course whose only dataset 'contoh' has the given front matter and one CSV."""
    from cerdas.course import Course

    folder = tmp_path / "datasets" / "contoh"
    folder.mkdir(parents=True)
    (folder / "contoh.csv").write_text(csv)
    (folder / "CARD.md").write_text(front + "\n## Deskripsi\n")
    return Course(tmp_path)


@pytest.mark.parametrize("front, what", [
    ("title: tanpa pembatas", "no YAML front matter between '---' lines"),
    ("---\ntitle: [tidak ditutup\n---", "front matter is not valid YAML (line 2)"),
    ("---\n- sebuah\n- daftar\n---", "front matter is not a mapping of fields"),
    ("---\ntitle: Contoh\nrows: 1\n---", "front matter lacks 'files'"),
    ("---\ntitle: Contoh\nfiles: {contoh.csv: x}\ncolumns: [a, b]\n---", "'columns' should map each column name"),
    ("---\ntitle: Contoh\nfiles: {contoh.csv: x}\ntarget: kelas\n---", "target 'kelas' is not a column of contoh.csv"),
    ("---\ntitle: Contoh\nfiles: {contoh.csv: x, hilang.csv: y}\n---", "lists hilang.csv, which does not exist"),
])
def test_broken_card_is_a_problem_naming_file_and_field(tmp_path, front, what):
    """A data card that cannot be used gives a CourseError naming CARD.md and the field, not a
    KeyError/ValueError from deep inside the loader."""
    from cerdas.errors import CourseError

    course = _card(tmp_path, front)
    with pytest.raises(CourseError) as caught:
        ds.load("contoh", course=course)
    [problem] = caught.value.problems
    assert problem.path.endswith("datasets/contoh/CARD.md") and what in problem.what and problem.hint


def test_check_reports_a_broken_card_in_its_own_words(tmp_path):
    """`cerdas check` reports an unreadable card once, with the card's path and the fix."""
    from cerdas.check.datasets import cards_and_checksums

    course = _card(tmp_path, "---\ntitle: [tidak ditutup\n---")
    [problem] = list(cards_and_checksums(course))
    assert problem.path == "datasets/contoh/CARD.md" and "not valid YAML (line 2)" in problem.what


GENERATE_PY = '''\
"""Readings of a fictional rain gauge: a course's own generator, with code shared from _lib."""
import numpy as np
import pandas as pd

from .._lib.bantu import bulatkan

SEED = 7


def generate(seed):
    rng = np.random.default_rng(seed)
    return pd.DataFrame({"hari": range(1, 6), "hujan_mm": bulatkan(rng.gamma(2.0, 3.0, 5))})
'''
CARD_FRONT = """---
title: Curah hujan
rows: 0
columns:
  hari: {type: bilangan, arti: Hari ke-}
  hujan_mm: {type: bilangan, arti: Curah hujan}
synthetic: true
licence: CC BY 4.0
files: {}
created: 2026-12-01
---
## Deskripsi
"""


def _course_with_generator(tmp_path, generate_py: str = GENERATE_PY):
    """A course that is not this one: dataset 'hujan' with its own generate.py and a helper in _lib."""
    (tmp_path / "datasets" / "_lib").mkdir(parents=True)
    (tmp_path / "datasets" / "_lib" / "bantu.py").write_text("def bulatkan(x):\n    return x.round(1)\n")
    (tmp_path / "datasets" / "hujan").mkdir()
    (tmp_path / "datasets" / "hujan" / "generate.py").write_text(generate_py)
    (tmp_path / "datasets" / "hujan" / "CARD.md").write_text(CARD_FRONT)
    return Course(tmp_path)


def test_a_course_builds_its_own_datasets_from_its_folders(tmp_path):
    """`cerdas datasets build` finds datasets/<name>/generate.py in any course (shared code in _lib/),
    writes the CSV, fills the card, writes no bytecode into the course, and `cerdas check` finds it clean."""
    from cerdas.check.datasets import cards_and_checksums

    course = _course_with_generator(tmp_path)
    assert generator_names(course) == ["hujan"]
    assert main(["--root", str(tmp_path), "datasets", "build"]) == 0
    csv = tmp_path / "datasets" / "hujan" / "hujan.csv"
    card = ds.read_card("hujan", course=course)
    assert card.meta["generator"] == "datasets/hujan/generate.py" and card.meta["seed"] == 7
    assert card.meta["files"] == {"hujan.csv": sha256(csv)} and card.meta["rows"] == 5
    assert list(ds.load("hujan", course=course).frame.columns) == ["hari", "hujan_mm"]
    assert list(cards_and_checksums(course)) == []
    assert not list(tmp_path.rglob("__pycache__"))


@pytest.mark.parametrize("change, what", [
    (lambda d: (d / "generate.py").write_text(GENERATE_PY.replace("SEED = 7", "SEED = 8")),
     "'seed' is 7, but datasets/hujan/generate.py has SEED = 8"),
    (lambda d: (d / "generate.py").write_text(GENERATE_PY.replace("SEED = 7\n", "")), "defines no SEED"),
    (lambda d: (d / "generate.py").write_text(GENERATE_PY.replace("def generate(", "def buat(")),
     "defines no generate(seed) function"),
    (lambda d: (d / "generate.py").write_text(GENERATE_PY.replace("SEED = 7", "SEED = = 7")), "is not valid Python (line 7)"),
    (lambda d: (d / "CARD.md").write_text((d / "CARD.md").read_text().replace(
        "generator: datasets/hujan/generate.py", "generator: cerdas.datasets.generators.hujan")),
     "'generator' is 'cerdas.datasets.generators.hujan', but the set is built by datasets/hujan/generate.py"),
    (lambda d: (d / "generate.py").unlink(), "names generator 'datasets/hujan/generate.py', but datasets/hujan/generate.py does not exist"),
])
def test_check_finds_a_generator_its_card_disagrees_with(tmp_path, change, what):
    """`cerdas check` reads generate.py without running it: a card whose generator or seed is not the
    folder's, or a generate.py without SEED or generate(), is one problem naming the file."""
    from cerdas.check.datasets import cards_and_checksums

    course = _course_with_generator(tmp_path)
    build_datasets(course=course)
    change(tmp_path / "datasets" / "hujan")
    [problem] = list(cards_and_checksums(course))
    assert what in problem.what and problem.path.startswith("datasets/hujan/") and problem.hint


def test_a_broken_generator_is_one_problem_naming_its_file_and_line(tmp_path, capsys):
    """A generate.py that fails on import gives the file, the line and the error, not a traceback."""
    course = _course_with_generator(tmp_path, GENERATE_PY.replace("SEED = 7", "SEED = 7\nx = 1 / 0"))
    assert main(["--root", str(course.root), "datasets", "build", "hujan"]) == 1
    err = capsys.readouterr().err
    assert "datasets/hujan/generate.py: cannot be imported: ZeroDivisionError" in err
    assert "line 8 of datasets/hujan/generate.py" in err and "Traceback" not in err


REAL_CARD = "---\ntitle: Angka terbitan\nsynthetic: false\nfiles: {contoh.csv: x}\n---"
CITED = ("tahun,nilai,keyakinan,sumber_penerbit,sumber_dokumen,sumber_tanggal,sumber_alamat\n"
         "2023,2.79,V,Kementerian PANRB,Keputusan MenPAN-RB No. 13/2024,2024-01,https://contoh.example/a\n")


def test_real_rows_that_cite_document_and_date_pass(tmp_path):
    """A real table whose every row names publisher, document, an ISO date and confidence is clean
    (the address may be empty)."""
    from cerdas.check.datasets import real_rows_cite_sources

    course = _card(tmp_path, REAL_CARD, CITED + "2021,2.24,V,KemenPANRB,Kepmen 1503/2021,2021,\n")
    assert list(real_rows_cite_sources(course)) == []


@pytest.mark.parametrize("row, what", [
    ("2022,2.34,S,,,,", "names no sumber_penerbit and no sumber_dokumen and no sumber_tanggal"),
    ("2022,2.34,S,Media,Berita sekunder,,", "names no sumber_tanggal"),
    ("2022,2.34,,Media,Berita,2022,", "names no keyakinan"),
    ("2022,2.34,S,Media,Berita,28 Maret 2023,", "sumber_tanggal '28 Maret 2023' is not a date"),
    ("2022,2.34,S,Media,Berita,2023-02-30,", "is not a date"),
])
def test_real_row_without_document_or_date_is_named_by_line(tmp_path, row, what):
    """`cerdas check` names the file and CSV line of a real row that cites no document or date, and
    says to cite it or drop the row."""
    from cerdas.check.datasets import real_rows_cite_sources

    course = _card(tmp_path, REAL_CARD, CITED + row + "\n")
    [problem] = list(real_rows_cite_sources(course))
    assert problem.path == "datasets/contoh/contoh.csv:3" and what in problem.what and problem.hint


def test_real_table_without_source_columns_and_synthetic_tables(tmp_path):
    """A real table lacking the source columns is one problem naming them; a synthetic one is not checked."""
    from cerdas.check.datasets import real_rows_cite_sources

    [problem] = list(real_rows_cite_sources(_card(tmp_path / "nyata", REAL_CARD, "tahun,nilai,sumber\n2023,1,Berita\n")))
    assert "lacks the source column(s) sumber_penerbit, sumber_dokumen, sumber_tanggal, keyakinan" in problem.what
    synthetic = REAL_CARD.replace("synthetic: false", "synthetic: true")
    assert list(real_rows_cite_sources(_card(tmp_path / "sintetis", synthetic, "a,b\n1,2\n"))) == []


def test_shipped_real_tables_cite_every_row():
    """This course's published figures (SPBE index, BSSN anomalies) all cite document and date."""
    from cerdas.check.datasets import real_rows_cite_sources

    assert list(real_rows_cite_sources(Course(REPO))) == []
