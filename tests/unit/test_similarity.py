"""An instructor runs `cerdas similarity ps01` on a class of six: the learner who copied a classmate's
answer and renamed everything is flagged with the matching passages side by side; honest learners,
however alike their task makes them, are not, and neither are two who only kept the starter code.

The submissions are fixture notebooks named by scenario (tests/fixtures/similarity/): ``honest-a``,
``renamed-copy-of-a`` (every name renamed, comments and blank lines changed, the written answer lightly
reworded), ``honest-pandas`` and ``honest-max-key`` (the same task solved other ways, own words),
``starter-only`` (handed in as released). No kernel runs: the check only reads notebooks.
"""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from cerdas import similarity
from cerdas.cli import main
from cerdas.coursedir import CourseDir

FIXTURES = Path(__file__).parents[1] / "fixtures" / "similarity"
CLASS = {"ani": "honest-a", "budi": "renamed-copy-of-a", "citra": "honest-pandas", "dewi": "honest-max-key",
         "eko": "starter-only", "fajar": "starter-only"}


def course_dir(root: Path, *, released: bool = True) -> Path:
    """A small nbgrader course directory: ps01's source, its release (unless ``released`` is False)
    and one submission per learner of CLASS."""
    (root / "source" / "ps01").mkdir(parents=True)
    (root / "nbgrader_config.py").write_text('c = get_config()\nc.CourseDirectory.course_id = "uji"\n')
    shutil.copy(FIXTURES / "source-tugas.ipynb", root / "source" / "ps01" / "tugas.ipynb")
    if released:
        (root / "release" / "ps01").mkdir(parents=True)
        shutil.copy(FIXTURES / "released-tugas.ipynb", root / "release" / "ps01" / "tugas.ipynb")
    for learner, scenario in CLASS.items():
        folder = root / "submitted" / learner / "ps01"
        folder.mkdir(parents=True)
        shutil.copy(FIXTURES / f"{scenario}.ipynb", folder / "tugas.ipynb")
    return root


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """The class's course directory, the files in it before the check, and the check's result."""
    root = course_dir(tmp_path_factory.mktemp("kelas"))
    before = digest(root)
    result = similarity.compare(grading=CourseDir.open(root), assignment="ps01")
    return root, before, result


def pair(result, a: str, b: str) -> similarity.Pair:
    return next(p for p in result.pairs if {p.a, p.b} == {a, b})


def test_the_renamed_copy_is_flagged_by_its_code_and_its_written_answer(checked):
    """Renaming every variable and function, rewording comments and moving blank lines hides nothing:
    the code fingerprints are the same; the lightly reworded written answer is over the threshold too."""
    _, _, result = checked
    copy = pair(result, "ani", "budi")
    assert copy.flagged
    assert copy.code is not None and copy.code >= 0.8
    assert max(copy.text.values()) >= 0.85
    assert [(p.a, p.b) for p in result.flagged] == [("ani", "budi")]


@pytest.mark.parametrize("a, b", [("ani", "citra"), ("ani", "dewi"), ("citra", "dewi"), ("budi", "citra")])
def test_honest_independent_solutions_are_not_flagged(checked, a, b):
    """Solutions of the same task another way share the task's return keys, and the written answers
    its vocabulary, yet stay well under both thresholds (and are scored: not skipped as too short)."""
    _, _, result = checked
    honest = pair(result, a, b)
    assert not honest.flagged
    assert honest.code is not None and honest.code < 0.5
    assert honest.text and max(honest.text.values()) < 0.5


def test_starter_code_and_text_do_not_count(checked):
    """Two learners who handed in the notebook as released have nothing of their own to compare, and
    the starter lines (the stub's `def` line, the example data) are never marked as matching."""
    _, _, result = checked
    kept_starter = pair(result, "eko", "fajar")
    assert not kept_starter.flagged
    assert kept_starter.fingerprints == (0, 0) and kept_starter.code is None and not kept_starter.text
    passage = next(p for p in pair(result, "ani", "budi").passages if p["jenis"] == "kode")
    marked = [line["teks"].strip() for side in passage["sisi"] for line in side if line["tanda"]]
    assert not any(line.startswith(("def ringkas_anggaran", "contoh =", '{"opd"')) for line in marked)
    assert "for baris in data:" in marked and "for item in daftar:" in marked


def test_without_a_release_the_starter_comes_from_the_source_with_solutions_cut(tmp_path, checked):
    """A course that has not released ps01 yet: the starter is what the release would give, so the
    scores are the same as with release/."""
    root = course_dir(tmp_path, released=False)
    result = similarity.compare(grading=CourseDir.open(root), assignment="ps01")
    expected = {(p.a, p.b): (p.code, p.text) for p in checked[2].pairs}
    assert {(p.a, p.b): (p.code, p.text) for p in result.pairs} == expected


def test_report_shows_the_two_passages_side_by_side_and_the_csv_every_pair(checked, tmp_path):
    """The HTML explains (in Indonesian) that a score is a signal, not proof, and that no grade
    changed; it shows both learners' cells side by side with the matching lines marked; the CSV
    holds all 15 pairs."""
    root, _, result = checked
    page, table = similarity.write(result, out=tmp_path)
    html = page.read_text(encoding="utf-8")
    assert "bukan bukti" in html and "tidak ada nilai yang diubah" in html
    blocks = re.findall(r'<div class="berdampingan">(.*?)</div>\s*</div>\s*(?=<h3|</section)', html, re.S)
    code = next(b for b in blocks if "ringkas_anggaran" in b)
    left, right = re.findall(r"<pre>(.*?)</pre>", code, re.S)
    assert "    <mark>for baris in data:</mark>" in left and "    <mark>for item in daftar:</mark>" in right
    assert any("<mark>" in b and "menyesatkan" in b for b in blocks)  # the written answers, too
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert len(rows) == 15 and sum(r["ditandai"] == "ya" for r in rows) == 1


def test_the_check_only_reads(checked):
    """Submissions keep their bytes and no gradebook appears: the check never changes a grade."""
    root, before, _ = checked
    assert digest(root) == before
    assert not (root / "gradebook.db").exists()


def test_cli_writes_the_report_and_prints_a_summary(tmp_path, capsys):
    """`cerdas similarity ps01 --course-dir ...` writes reports/ps01/kemiripan-ps01.{html,csv}; a lower
    code threshold flags more pairs; an unknown assignment is a clear error, exit 1."""
    root = course_dir(tmp_path)
    assert main(["similarity", "ps01", "--course-dir", str(root)]) == 0
    out = capsys.readouterr().out
    assert "6 learners" in out and "15 pairs, 1 flagged" in out
    assert (root / "reports" / "ps01" / "kemiripan-ps01.html").is_file()
    assert main(["similarity", "ps01", "--course-dir", str(root), "--out", str(tmp_path / "o"),
                 "--code-threshold", "0.3"]) == 0
    assert "1 flagged" not in capsys.readouterr().out
    assert main(["similarity", "ps09", "--course-dir", str(root)]) == 1
    assert "ps09" in capsys.readouterr().err


def test_names_bound_by_the_learner_become_one_placeholder_but_library_names_stay():
    """The normalisation itself: renaming changes nothing, a different library call does."""
    one = "tabel = pd.read_csv(berkas)\nhasil = tabel.groupby('opd').sum()  # jumlah\n"
    other = "df = pd.read_csv(berkas)\n\nout = df.groupby('opd').sum()\n"
    third = "df = pd.read_csv(berkas)\nout = df.groupby('opd').mean()\n"
    forms = [[t for t, _, _ in similarity.tokens(s, similarity.bound_names(s))] for s in (one, other, third)]
    assert forms[0] == forms[1] != forms[2]
    assert "pd" in forms[0] and "read_csv" in forms[0] and "berkas" in forms[0]
    attribute = 'def rata(df):\n    """Rata-rata."""\n    mean = df.mean()\n    return mean\n'
    assert [t for t, _, _ in similarity.tokens(attribute, similarity.bound_names(attribute))] == [
        "def", "V", "(", "V", ")", ":", "V", "=", "V", ".", "mean", "(", ")", "return", "V"]
