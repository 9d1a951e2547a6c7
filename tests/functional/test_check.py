"""`cerdas check` passes on the real course and names the file and the defect on broken copies."""

from __future__ import annotations

import shutil

import pytest

from cerdas.check import check_course
from cerdas.cli import main
from conftest import FIXTURES

LESSON_DIR = "notebooks/01-literasi-data"


def problems_text(course) -> str:
    return "\n".join(str(p) for p in check_course(course=course))


def add_lesson(course, fixture: str, *, in_toc: bool = True) -> str:
    """Copy a fixture lesson into the course (and its toc); return its course-relative path."""
    rel = f"{LESSON_DIR}/{fixture}"
    shutil.copy(FIXTURES / "lessons" / fixture, course.root / rel)
    if in_toc:
        toc = course.toc_file.read_text()
        anchor = "      - file: notebooks/01-literasi-data/literasi-data-pelayanan-publik\n"
        assert anchor in toc
        course.toc_file.write_text(toc.replace(anchor, anchor + f"      - file: {rel[:-6]}\n"))
    return rel


def test_real_course_is_clean(real_course, capsys):
    """The course as committed has no problems, and the CLI says so with exit 0."""
    assert check_course(course=real_course) == []
    assert main(["--root", str(real_course.root), "check"]) == 0
    assert "course OK" in capsys.readouterr().out


def test_clean_fixture_lesson_passes(course_copy):
    """A lesson with every section, no outputs, and data via cerdas.datasets raises nothing."""
    add_lesson(course_copy, "clean-lesson.ipynb")
    assert problems_text(course_copy) == ""


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("stored-with-outputs.ipynb", ":cell 4: stored with outputs"),
        ("invalid-json.ipynb", "is not valid JSON (line 2"),
        ("reads-data-by-path.ipynb", ":cell 4: reads a file by path with read_csv()"),
        ("reads-data-from-network.ipynb", ":cell 4: reads a file by path with read_csv()"),
        ("reads-data-from-network.ipynb", "passes a network address to read_csv()"),
        ("uses-agg-backend.ipynb", "calls matplotlib.use('Agg')"),
        ("missing-sections.ipynb", "has no 'Latihan' section"),
        ("missing-sections.ipynb", "has no 'Ringkasan' section"),
        ("wrong-kernel-no-language.ipynb", "not the Python 3 kernel"),
        ("wrong-kernel-no-language.ipynb", "metadata has no 'language: id'"),
    ],
)
def test_defective_lesson_is_named(course_copy, fixture, expected):
    """Each defective lesson is reported with its path (and cell) and what is wrong."""
    rel = add_lesson(course_copy, fixture)
    text = problems_text(course_copy)
    assert f"{rel}{expected}" in text or (f"{rel}:" in text and expected in text), text


def test_toc_entry_without_file(course_copy):
    """A toc entry pointing nowhere is reported against _toc.yml, naming the entry."""
    toc = course_copy.toc_file.read_text()
    course_copy.toc_file.write_text(toc.replace("      - file: book/glosarium\n",
                                                "      - file: book/glosarium\n      - file: book/hilang\n"))
    assert "_toc.yml: entry 'book/hilang' points to no file" in problems_text(course_copy)


def test_lesson_missing_from_toc(course_copy):
    """A lesson notebook that the toc does not list is reported with the line to add."""
    rel = add_lesson(course_copy, "clean-lesson.ipynb", in_toc=False)
    assert f"{rel}: lesson is not in _toc.yml" in problems_text(course_copy)


def test_duplicate_grade_id(course_copy):
    """Two cells sharing a grade_id are both named: the file, the cell and the id."""
    shutil.copytree(FIXTURES / "assignments" / "duplicate-grade-id" / "kuadrat",
                    course_copy.source_dir / "kuadrat")
    text = problems_text(course_copy)
    assert ("assignments/source/kuadrat/kuadrat.ipynb:cell 3: duplicate grade_id 'kuadrat_jawaban' (also cell 2)"
            in text), text


def test_assignment_without_points_or_manual_answer(course_copy):
    """A graded cell with no points and an assignment with no hand-graded answer are refused."""
    shutil.copytree(FIXTURES / "assignments" / "no-points-no-manual-answer" / "kuadrat",
                    course_copy.source_dir / "kuadrat")
    text = problems_text(course_copy)
    assert "kuadrat.ipynb:cell 3: graded cell 'kuadrat_tes' has no points" in text
    assert "kuadrat.ipynb: has no manually graded answer" in text


def test_checksum_mismatch(course_copy):
    """A dataset file edited after its card was written is caught by its checksum."""
    csv = course_copy.datasets_dir / "aduan_warga" / "aduan_warga.csv"
    with open(csv, "a", encoding="utf-8") as fh:
        fh.write("baris,tambahan\n")
    assert "datasets/aduan_warga/aduan_warga.csv: checksum mismatch" in problems_text(course_copy)


def test_dataset_without_card(course_copy):
    """A dataset folder without CARD.md is reported."""
    (course_copy.datasets_dir / "tanpa_kartu").mkdir()
    (course_copy.datasets_dir / "tanpa_kartu" / "tanpa_kartu.csv").write_text("a\n1\n")
    assert "datasets/tanpa_kartu: has no data card (CARD.md)" in problems_text(course_copy)


def test_every_problem_reported_and_exit_1(course_copy, capsys):
    """Several defects are all reported, not only the first, and the command exits 1."""
    out_rel = add_lesson(course_copy, "stored-with-outputs.ipynb")
    bad_rel = add_lesson(course_copy, "invalid-json.ipynb")
    assert main(["--root", str(course_copy.root), "check"]) == 1
    err = capsys.readouterr().err
    assert out_rel in err and bad_rel in err
    assert "problem(s) found" in err


def test_assignment_without_mutants_is_refused(course_copy):
    """An assignment with no mutants.yml cannot prove its tests, so check refuses it."""
    shutil.copytree(FIXTURES / "assignments" / "sound" / "kuadrat", course_copy.source_dir / "kuadrat",
                    ignore=shutil.ignore_patterns("mutants.yml"))
    text = problems_text(course_copy)
    assert "assignments/source/kuadrat/mutants.yml: missing: the assignment has no mutants" in text


def test_too_few_mutants_per_answer_cell(course_copy):
    """Fewer than three mutants for an answer cell is reported with how many are missing."""
    folder = course_copy.source_dir / "kuadrat"
    shutil.copytree(FIXTURES / "assignments" / "sound" / "kuadrat", folder)
    text = (folder / "mutants.yml").read_text()
    (folder / "mutants.yml").write_text(text[: text.index("  - id: pangkat-tiga")])
    assert "answer cell 'kuadrat_jawaban' has 1 mutant(s) — add at least 2 more" in problems_text(course_copy)


def test_mutants_are_never_released(real_course, tmp_path):
    """nbgrader's config keeps mutants.yml out of the student version."""
    import runpy

    config = runpy.run_path(str(real_course.assignments_dir / "nbgrader_config.py"),
                            init_globals={"get_config": lambda: _Config()})["c"]
    assert "mutants.yml" in config.CourseDirectory.ignore


class _Config:
    """Stands in for traitlets' config object: attribute access creates sections."""

    def __getattr__(self, name):
        value = _Config()
        object.__setattr__(self, name, value)
        return value
