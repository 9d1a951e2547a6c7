"""Audience paths (kursus.yml `jalur`): validated against the lessons by `cerdas check`, and shown on
the syllabus as each audience's lessons in order, optional ones marked, with their JP. A small course
of fixture lessons (modules 0, 1 and 2 at 30, 45 and 60 minutes); none of this reads the real course."""

from __future__ import annotations

import nbformat
import pytest
import yaml

from cerdas import syllabus
from cerdas.check.syllabus import audience_paths
from cerdas.course import Course
from cerdas.site.extension import render_syllabus
from conftest import FIXTURES

ALL = ["pelajar", "mahasiswa", "ASN", "umum"]
ASN = {"nama": "ASN", "audiens": ["ASN"], "untuk": "Untuk ASN.", "urutan": [0, 2, 1], "pilihan": [2]}
UMUM = {"nama": "Umum", "audiens": ["umum"], "untuk": "Untuk warga.", "urutan": [0, 1], "pilihan": []}


def paths_course(tmp_path, jalur, *, audiens=None) -> Course:
    """Modules 0, 1, 2 (30, 45, 60 minutes; module 1 has its `audiens` replaced when given)."""
    for module, menit in ((0, 30), (1, 45), (2, 60)):
        nb = nbformat.read(FIXTURES / "waktu" / "thirty-minutes.ipynb", as_version=4)
        nb.metadata.cerdas.update(modul=module, menit=menit, judul=f"Pelajaran modul {module}",
                                  audiens=(audiens if module == 1 and audiens else ALL))
        folder = tmp_path / "notebooks" / f"0{module}-modul"
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / "pelajaran.ipynb")
    settings = {"menit_per_jp": 45} | ({"jalur": jalur} if jalur is not None else {})
    (tmp_path / "kursus.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return Course(tmp_path)


def problems(course) -> list[str]:
    return [str(p) for p in audience_paths(course)]


def test_valid_paths_pass_and_a_course_without_paths_has_none(tmp_path):
    assert problems(paths_course(tmp_path / "a", [ASN, UMUM])) == []
    course = paths_course(tmp_path / "b", None)
    assert problems(course) == [] and syllabus.learning_paths(course) == []


@pytest.mark.parametrize(("change", "expected"), [
    ({"urutan": [0, 1, 2, 7]}, "kursus.yml: jalur 'ASN': no lesson has module(s) [7]"),
    ({"audiens": ["ASN", "guru"]}, "kursus.yml: jalur 'ASN': 'audiens' has unknown audience(s) ['guru']"),
    ({"pilihan": [2, 5]}, "'pilihan' names module(s) [5] that 'urutan' does not list"),
    ({"urutan": [0, 1, 1, 2]}, "'urutan' lists module(s) [1] twice"),
    ({"urutan": ["satu"]}, "'urutan' must be a non-empty list of module numbers"),
    ({"untuk": ""}, "'untuk' (one sentence: whom the path serves) is missing"),
])
def test_bad_path_is_named(tmp_path, change, expected):
    """Each defect in a path names kursus.yml, the path and what is wrong."""
    text = "\n".join(problems(paths_course(tmp_path, [ASN | change, UMUM])))
    assert expected in text, text


def test_module_on_no_path(tmp_path):
    """Module 2 is only on the ASN path: without it, module 2 is on none."""
    assert problems(paths_course(tmp_path, [UMUM])) == [
        "kursus.yml: module 2 is on no path in 'jalur' — add it to the 'urutan' of at least one path "
        "(as 'pilihan' if optional)"]


def test_lesson_whose_audiens_omits_its_path(tmp_path):
    """Module 1 is on the Umum path, so its lesson must list `umum`; on no other path, ASN may be missing."""
    text = "\n".join(problems(paths_course(tmp_path, [UMUM, ASN | {"urutan": [0, 2], "pilihan": []}],
                                           audiens=["ASN", "pelajar"])))
    assert ("notebooks/01-modul/pelajaran.ipynb: metadata.cerdas: 'audiens' omits ['umum'], but kursus.yml "
            "puts module 1 on the path 'Umum'") in text
    assert "omits ['ASN']" not in text
    assert problems(paths_course(tmp_path / "ok", [UMUM, ASN | {"urutan": [0, 2], "pilihan": []}],
                                 audiens=["umum"])) == []


def test_syllabus_shows_each_path_in_order_with_jp(tmp_path):
    """ASN takes modules 0, 2 (optional), 1: required 30 + 45 = 75 minutes = 1,7 JP; with the optional
    lesson 135 minutes = 3 JP. Umum has no optional lesson, so only its required JP is shown."""
    course = paths_course(tmp_path, [ASN, UMUM])
    lines = render_syllabus(course, syllabus.lessons(course), 45, paths=syllabus.learning_paths(course))
    start = lines.index("### ASN")
    asn = lines[start:lines.index("### Umum")]
    assert asn[2] == "Untuk ASN."
    assert asn[4] == ("Wajib: 2 pelajaran, 75 menit, **1,7 JP**. Dengan semua pelajaran pilihan: 3 pelajaran, "
                      "135 menit, **3 JP**.")
    items = [line for line in asn if line[:2] in ("1.", "2.", "3.")]
    assert items == ["1. Modul 0: {doc}`Pelajaran modul 0 </notebooks/00-modul/pelajaran>` (30 menit)",
                     "2. Modul 2: {doc}`Pelajaran modul 2 </notebooks/02-modul/pelajaran>` (60 menit) *(pilihan)*",
                     "3. Modul 1: {doc}`Pelajaran modul 1 </notebooks/01-modul/pelajaran>` (45 menit)"]
    umum = lines[lines.index("### Umum"):]
    assert "Wajib: 2 pelajaran, 75 menit, **1,7 JP**." in umum and not any("Dengan semua" in l for l in umum)
