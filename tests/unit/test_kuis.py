"""A lesson's quiz file: every mistake an author can make is named with the file and the item, and
a valid quiz renders as one self-contained, escaped, accessible HTML fragment that
`kuis.tampilkan` finds beside the lesson or under the course's notebooks/."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from cerdas import kuis
from cerdas.kuis.render import angka, inline
from conftest import FIXTURES, REPO

QUIZ = FIXTURES / "kuis" / "contoh.kuis.yml"
TEMPLATE_QUIZ = REPO / "src/cerdas/templates/new/notebooks/01-mengenal-data/mengenal-data.kuis.yml"
REL = "notebooks/01-x/x.kuis.yml"


def valid() -> list:
    return yaml.safe_load(QUIZ.read_text(encoding="utf-8"))


def problems(data) -> str:
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    items, found = kuis.parse(text, REL)
    assert not (items and found)
    return "\n".join(str(p) for p in found)


def changed(edit) -> list:
    data = copy.deepcopy(valid())
    edit(data)
    return data


def test_the_fixture_and_the_template_quiz_are_valid():
    """The quiz the tests use and the one `cerdas new` ships both pass, with their kinds recognised."""
    items, found = kuis.read(QUIZ)
    assert found == [] and [s.jenis for s in items] == ["satu", "banyak", "angka", "angka", "satu"]
    items, found = kuis.read(TEMPLATE_QUIZ)
    assert found == [] and 5 <= len(items) <= 8


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d[0]["pilihan"][1].update(penjelsan=d[0]["pilihan"][1].pop("penjelasan")),
     "item 1, option 2 has an unknown key 'penjelsan' — did you mean 'penjelasan'?"),
    (lambda d: d[2].update(jawabn=d[2].pop("jawaban")), "item 3 has an unknown key 'jawabn' — did you mean 'jawaban'?"),
    (lambda d: d[0].update(pilihan=[]), "item 1: 'pilihan' must list at least two options"),
    (lambda d: d[4]["pilihan"][0].pop("teks"), "item 5, option 1 has no 'teks'"),
    (lambda d: d[4]["pilihan"][1].update(benar="ya"), "item 5, option 2: 'benar' must be true or false, not 'ya'"),
    (lambda d: d[1]["pilihan"][2].pop("benar"), "item 2, option 3: 'benar' must be true or false, not None"),
    (lambda d: d[1]["pilihan"][0].update(penjelasan="  "), "item 2, option 1 has no 'penjelasan'"),
    (lambda d: d[0]["pilihan"][0].update(benar=False), "item 1 has no right option"),
    (lambda d: d[0]["pilihan"][2].update(teks="Lima  baris pertama tabel"), "item 1: options 1 and 3 have the same 'teks'"),
    (lambda d: d[3].update(jawaban="0,75"), "item 4: 'jawaban' must be a number, not '0,75'"),
    (lambda d: d[3].update(toleransi=-0.1), "item 4: 'toleransi' must be a number >= 0, not -0.1"),
    (lambda d: d[3].pop("toleransi"), "item 4: 'toleransi' must be a number >= 0, not None"),
    (lambda d: d[2].pop("penjelasan"), "item 3 has no 'penjelasan'"),
    (lambda d: d[0].update(jawaban=1), "item 1 mixes a choice question ('pilihan') with a number question ('jawaban')"),
    (lambda d: d[4].update(penjelasan="x"), "item 5 mixes a choice question ('pilihan') with a number question ('penjelasan')"),
    (lambda d: d[1].pop("pilihan"), "item 2 is neither a choice question nor a number question"),
    (lambda d: d[0].pop("pertanyaan"), "item 1 has no 'pertanyaan'"),
    (lambda d: d.__setitem__(3, "Berapa?"), "item 4 is not a mapping"),
    (lambda d: d[0]["pilihan"].__setitem__(0, "Lima baris"), "item 1, option 1 is not a mapping"),
    (lambda d: d.pop(), "has 4 questions; a quiz has 5 to 8"),
    (lambda d: d.extend(copy.deepcopy(d[:4])), "has 9 questions; a quiz has 5 to 8"),
])
def test_each_mistake_is_named_with_file_and_item(edit, expected):
    """One planted mistake, one problem that names the file, the item (and option) and the fix."""
    text = problems(changed(edit))
    assert f"{REL}: {expected}" in text, text


def test_yaml_errors_give_the_line_and_non_lists_are_refused():
    broken = QUIZ.read_text(encoding="utf-8").replace('  jawaban: 2\n', '  jawaban: [2\n')
    assert f"{REL}: is not valid YAML (line " in problems(broken)
    assert f"{REL}: must be a YAML list of questions, not dict" in problems("pertanyaan: Apa?\n")
    assert "must be a YAML list of questions, not NoneType" in problems("")


def test_every_problem_of_a_file_is_reported():
    def edit(d):
        d[0]["pilihan"][0]["benar"] = False
        d[3]["jawaban"] = "tiga per empat"
    text = problems(changed(edit))
    assert "item 1 has no right option" in text and "item 4: 'jawaban' must be a number" in text


def html_of(items=None, **kwargs) -> BeautifulSoup:
    items = items if items is not None else kuis.read(QUIZ)[0]
    return BeautifulSoup(kuis.render(items, **kwargs), "html.parser")


def test_rendering_one_fieldset_per_question_with_the_right_controls():
    """Radio buttons for one right answer, checkboxes for several, a decimal text box for a number;
    every control has a label; questions are fieldsets with legends; one live region each."""
    soup = html_of()
    sets = soup.select("fieldset.ck-soal")
    assert [f["data-jenis"] for f in sets] == ["satu", "banyak", "angka", "angka", "satu"]
    assert {i["type"] for i in sets[0].select("input")} == {"radio"}
    assert {i["type"] for i in sets[1].select("input")} == {"checkbox"}
    number = sets[3].select_one("input")
    assert number["type"] == "text" and number["inputmode"] == "decimal"
    assert float(number["data-jawaban"]) == 0.75 and float(number["data-toleransi"]) == 0.01
    for control in soup.select("input"):
        assert soup.select_one(f'label[for="{control["id"]}"]'), control
    for fieldset in sets:
        assert fieldset.legend.get_text().startswith("Soal ")
        assert fieldset.select_one('[aria-live="polite"]') is not None
        # The script adds the button and the per-option explanations: where scripts do not run (and
        # JupyterLab's sanitizer drops `hidden`), nothing but the details shows.
        assert not fieldset.select("button, .ck-jelas, [hidden]")
    assert sets[0].legend.select_one("code").get_text() == "df.head()"


def test_without_javascript_each_question_keeps_its_answers_and_explanations():
    soup = html_of()
    first, multiple, number = (f.select_one("details") for f in soup.select("fieldset")[:3])
    assert first.summary.get_text() == "Lihat pembahasan"
    assert "Jawaban benar: A. Lima baris pertama tabel." in first.get_text()
    assert len(first.select("li")) == 3 and "tail()" in first.get_text()
    assert "Jawaban-jawaban benar: A. NIK; B. Nama lengkap <b>dan</b> alamat." in multiple.get_text()
    assert "Jawaban benar: 2." in number.get_text() and "(1 + 2 + 3) / 3 = 2." in number.get_text()


def test_text_is_escaped_and_nothing_is_fetched():
    raw = kuis.render(kuis.read(QUIZ)[0])
    assert "<b>dan</b>" not in raw and "&lt;b&gt;dan&lt;/b&gt;" in raw
    soup = BeautifulSoup(raw, "html.parser")
    assert not soup.select("[src], link, iframe, form") and len(soup.select("script")) == 1
    assert not any(word in raw for word in ("fetch(", "XMLHttpRequest", "localStorage", "sessionStorage", "cookie",
                                            "http://", "https://"))
    assert inline("a `<x>` & b") == "a <code>&lt;x&gt;</code> &amp; b"


def test_two_quizzes_on_one_page_share_no_id():
    items = kuis.read(QUIZ)[0]
    page = BeautifulSoup(kuis.render(items) + kuis.render(items), "html.parser")
    ids = [el["id"] for el in page.select("[id]")]
    assert len(ids) == len(set(ids)) and len(page.select(".cerdas-kuis")) == 2
    names = {i["name"] for i in page.select("input[name]")}
    assert len(names) == 2 * sum(1 for s in items if s.jenis != "angka")


@pytest.mark.parametrize(("value", "text"), [(0.75, "0,75"), (2.0, "2"), (1234.5, "1.234,5"), (41, "41"),
                                             (1e6, "1.000.000"), (0.001, "0,001")])
def test_numbers_are_written_the_indonesian_way(value, text):
    assert angka(value) == text


def test_tampilkan_looks_beside_the_lesson_first_then_under_the_course(tmp_path, monkeypatch):
    """In the lesson's folder the quiz is found there; from anywhere else inside the course (or with
    CERDAS_ROOT) it is found under notebooks/. The result displays as HTML."""
    course = tmp_path / "kursus"
    lesson_dir = course / "notebooks" / "01-a"
    lesson_dir.mkdir(parents=True)
    (course / "datasets").mkdir()
    (course / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (lesson_dir / "pelajaran.kuis.yml").write_text(QUIZ.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.delenv("CERDAS_ROOT", raising=False)
    monkeypatch.chdir(lesson_dir)
    shown = kuis.tampilkan("pelajaran")
    assert shown.berkas == lesson_dir / "pelajaran.kuis.yml" and len(shown.soal) == 5
    assert shown._repr_html_().startswith('<div class="cerdas-kuis"') and "5 soal" in repr(shown)
    monkeypatch.chdir(course)
    assert kuis.tampilkan("pelajaran").berkas == lesson_dir / "pelajaran.kuis.yml"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CERDAS_ROOT", str(course))
    assert kuis.tampilkan("pelajaran").berkas == lesson_dir / "pelajaran.kuis.yml"


def test_tampilkan_explains_in_indonesian_what_is_wrong(tmp_path, monkeypatch):
    monkeypatch.delenv("CERDAS_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(kuis.KuisError, match="Kuis 'tidak-ada' tidak ditemukan: berkas tidak-ada.kuis.yml"):
        kuis.tampilkan("tidak-ada")
    with pytest.raises(kuis.KuisError, match="tulis nama pelajaran tanpa folder dan tanpa akhiran"):
        kuis.tampilkan("../rahasia")
    with pytest.raises(kuis.KuisError, match="tanpa akhiran"):
        kuis.tampilkan("x.kuis.yml")
    bad = valid()
    bad[0]["pilihan"][0]["benar"] = False
    Path("rusak.kuis.yml").write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    with pytest.raises(kuis.KuisError, match=r"(?s)tidak valid.*Beri tahu pengajar.*item 1 has no right option"):
        kuis.tampilkan("rusak")


def test_options_that_differ_only_in_case_are_different_answers():
    """`['jalan', 'rt']` and `['Jalan', 'RT']` are two answers to a question about lower(): not duplicates."""
    data = changed(lambda d: d[0]["pilihan"][1].update(teks=d[0]["pilihan"][0]["teks"].upper()))
    assert "same 'teks'" not in problems(data)
