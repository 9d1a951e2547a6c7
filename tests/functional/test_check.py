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
    """Copy a fixture lesson (and its quiz file) into the course (and its toc); return its course-relative path."""
    rel = f"{LESSON_DIR}/{fixture}"
    shutil.copy(FIXTURES / "lessons" / fixture, course.root / rel)
    quiz = (FIXTURES / "lessons" / fixture).with_suffix(".kuis.yml")
    if quiz.is_file():  # its self-check quiz travels with it
        shutil.copy(quiz, course.root / rel.replace(".ipynb", ".kuis.yml"))
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


def set_lesson_meta(course, rel: str, **changes) -> None:
    import nbformat

    path = course.root / rel
    nb = nbformat.read(path, as_version=4)
    meta = nb.metadata.setdefault("cerdas", {})
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    nbformat.write(nb, path)


LESSON_1 = "notebooks/01-literasi-data/literasi-data-pelayanan-publik.ipynb"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"tujuan": None}, "metadata.cerdas: 'tujuan' must be a non-empty list"),
        ({"menit": "satu jam"}, "metadata.cerdas: 'menit' must be the minutes a learner needs"),
        ({"modul": 4}, "metadata.cerdas: 'modul' is 4 but the lesson lives in 01-literasi-data/"),
        ({"audiens": ["pelajar", "pensiunan"]}, "metadata.cerdas: 'audiens' has unknown value(s) ['pensiunan']"),
    ],
)
def test_invalid_syllabus_metadata_is_named(course_copy, changes, expected):
    """The syllabus and JP come from each lesson's metadata: a broken block names file and field."""
    set_lesson_meta(course_copy, LESSON_1, **changes)
    assert f"{LESSON_1}: {expected}" in problems_text(course_copy)


def test_missing_syllabus_metadata_is_named(course_copy):
    import nbformat

    path = course_copy.root / LESSON_1
    nb = nbformat.read(path, as_version=4)
    del nb.metadata["cerdas"]
    nbformat.write(nb, path)
    assert f"{LESSON_1}: notebook metadata has no 'cerdas' block" in problems_text(course_copy)


def test_assignment_changed_since_publishing_is_stale(course_copy):
    """Editing a source assignment without `cerdas assignments publish` is caught (drift)."""
    src = course_copy.source_dir / "m01-literasi-data" / "m01-literasi-data.ipynb"
    src.write_text(src.read_text(encoding="utf-8").replace("Tugas", "Tugas ", 1), encoding="utf-8")
    assert ("assignments/source/m01-literasi-data: changed since it was last published" in problems_text(course_copy))


def test_published_notebook_edited_by_hand_or_missing(course_copy):
    """A published notebook edited by hand, or the whole book/tugas/ missing, is refused."""
    import shutil as sh

    nb = course_copy.published_dir / "m02-apa-itu-ai" / "m02-apa-itu-ai.ipynb"
    nb.write_text(nb.read_text(encoding="utf-8").replace("Tugas", "Tugas ", 1), encoding="utf-8")
    assert "book/tugas/m02-apa-itu-ai: published notebooks differ" in problems_text(course_copy)
    sh.rmtree(course_copy.published_dir)
    assert "book/tugas/publikasi.json: missing" in problems_text(course_copy)


def test_solution_line_in_published_notebook_is_a_leak(course_copy):
    """A line of a reference solution pasted into a published notebook is reported with its cell."""
    import nbformat

    from cerdas.assignments.secrets import course_secrets

    line = max(course_secrets(course_copy), key=len)
    path = course_copy.published_dir / "m03-mengukur-model" / "m03-mengukur-model.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[-1].source += "\n" + line
    nbformat.write(nb, path)
    text = problems_text(course_copy)
    assert f"book/tugas/m03-mengukur-model/m03-mengukur-model.ipynb:cell {len(nb.cells)}: reveals" in text, text


def test_published_assignment_missing_from_toc(course_copy):
    toc = course_copy.toc_file.read_text()
    course_copy.toc_file.write_text(toc.replace("      - file: book/tugas/m07-dasar-spbe/m07-dasar-spbe\n", ""))
    assert ("book/tugas/m07-dasar-spbe/m07-dasar-spbe.ipynb: published assignment is not in _toc.yml"
            in problems_text(course_copy))


def test_build_compares_published_with_a_fresh_release(course_copy, tmp_path):
    """`cerdas build` compares book/tugas/ with the release it just made: equal copies pass, a
    release that differs (a source changed, nbgrader changed) names the notebook."""
    from cerdas.assignments.publish import drift

    released = tmp_path / "release"
    shutil.copytree(course_copy.published_dir, released, ignore=shutil.ignore_patterns("*.json"))
    assert drift(course=course_copy, released_dir=released) == []
    nb = released / "m04-etika-dan-keadilan-ai" / "m04-etika-dan-keadilan-ai.ipynb"
    nb.write_text(nb.read_text(encoding="utf-8").replace("Tugas", "Tugas baru", 1), encoding="utf-8")
    assert drift(course=course_copy, released_dir=released) == ["m04-etika-dan-keadilan-ai/m04-etika-dan-keadilan-ai.ipynb"]


def test_exercise_label_reused_in_another_part(course_copy):
    """A part copied from another keeps its exercise label: `cerdas check` names both notebooks and the
    cell in seconds, instead of the site build stopping on Sphinx's duplicate label after executing
    every lesson."""
    import nbformat

    first = course_copy.root / "notebooks/01-literasi-data/literasi-data-pelayanan-publik-2.ipynb"
    second = course_copy.root / "notebooks/01-literasi-data/literasi-data-pelayanan-publik-3.ipynb"
    label = next(line.split()[1] for cell in nbformat.read(first, as_version=4).cells if cell.cell_type == "markdown"
                 for line in cell.source.splitlines() if line.startswith(":label:"))
    nb = nbformat.read(second, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell(f"```{{exercise}} Salinan\n:label: {label}\n\nTeks.\n```"))
    nbformat.write(nb, second)
    text = problems_text(course_copy)
    assert (f"literasi-data-pelayanan-publik-3.ipynb:cell {len(nb.cells)}: label '{label}' is already used in "
            "notebooks/01-literasi-data/literasi-data-pelayanan-publik-2.ipynb:cell") in text, text
