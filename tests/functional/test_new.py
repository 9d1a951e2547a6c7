"""`cerdas new DIR`: a course of one's own is valid as written, is found from its own folder, and
the course checks still bite on it. (Its fresh clone's build and tests: tests/integration/test_new_course.py.)"""

from __future__ import annotations

import json
import shutil
from importlib import metadata

import pytest

from cerdas import datasets
from cerdas.check import check_course
from cerdas.cli import main
from cerdas.course import Course
from cerdas.new import new_course, toolkit_requirement

LESSON = "notebooks/01-mengenal-data/mengenal-data"
ASSIGNMENT = "assignments/source/t01-pengunjung"


@pytest.fixture
def course(tmp_path) -> Course:
    return Course(new_course(target=tmp_path / "kursus-kota", title="Kursus Data Kota Contoh", toolkit="cerdas==0.1.0"))


def test_new_course_is_clean_and_found_from_its_own_folder(course, monkeypatch):
    """From a lesson's folder, with no CERDAS_ROOT, the new course is the course: `cerdas check`
    finds nothing and its dataset loads by name, an unknown name listing the known ones."""
    monkeypatch.delenv("CERDAS_ROOT", raising=False)
    monkeypatch.chdir(course.root / LESSON.rsplit("/", 1)[0])
    assert Course.find().root == course.root
    assert check_course() == []
    data = datasets.load("kunjungan_layanan")
    assert list(data.frame.columns) == ["tanggal", "layanan", "pengunjung", "menit_tunggu"] and len(data.frame) == 60
    assert data.frame["tanggal"].dtype.kind == "M" and "Kunjungan Harian" in data.DESCR
    with pytest.raises(FileNotFoundError, match=r"'kunjungan': no such dataset .*known: kunjungan_layanan"):
        datasets.load("kunjungan")
    assert (course.root / "assignments" / "nbgrader_config.py").read_text().count('course_id = "kursus-kota"') == 1
    assert "# Kursus Data Kota Contoh" in (course.root / "book" / "intro.md").read_text()


def test_new_writes_what_a_repository_needs(course):
    """README with exactly two quick-start commands, executable make.py and .ci/run, a .gitignore
    that keeps learners' data out, and requirements.txt installing the toolkit."""
    readme = (course.root / "README.md").read_text()
    block = readme.split("```bash", 1)[1].split("```", 1)[0]
    assert [l.split("#")[0].strip() for l in block.splitlines() if l.strip()] == ["python3 make.py build", "python3 make.py test"]
    for rel in ("make.py", ".ci/run"):
        assert (course.root / rel).stat().st_mode & 0o111, rel
    ignored = (course.root / ".gitignore").read_text().splitlines()
    for pattern in ("submitted/", "autograded/", "feedback/", "reports/", ".cerdas/", "*.db", "assignments/release/",
                    "_build/", ".venv/"):
        assert pattern in ignored, pattern
    assert "cerdas==0.1.0" in (course.root / "requirements.txt").read_text().splitlines()
    nb = json.loads((course.root / f"{LESSON}.ipynb").read_text())
    assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")


def test_new_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    """A folder with anything in it is refused in one line, and nothing is written there."""
    target = tmp_path / "ada-isinya"
    target.mkdir()
    (target / "catatan.txt").write_text("jangan ditimpa")
    assert main(["new", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "is not empty" in err and str(target) in err
    assert [p.name for p in target.iterdir()] == ["catatan.txt"]


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


BREAKAGES = {
    "csv changed": (lambda r: _edit(r / "datasets/kunjungan_layanan/kunjungan_layanan.csv", "KTP", "SIM"),
                    "datasets/kunjungan_layanan/kunjungan_layanan.csv: checksum mismatch"),
    "no mutants": (lambda r: (r / ASSIGNMENT / "mutants.yml").unlink(), f"{ASSIGNMENT}/mutants.yml: missing"),
    "lesson off the toc": (lambda r: _edit(r / "_toc.yml", f"      - file: {LESSON}\n", ""),
                           f"{LESSON}.ipynb: lesson is not in _toc.yml"),
    "reads a path": (lambda r: _edit(r / f"{LESSON}.ipynb", 'datasets.load(\\"kunjungan_layanan\\")',
                                     'pd.read_csv(\\"data.csv\\")'), "reads a file by path with read_csv()"),
    "publishes without publishing": (lambda r: (r / "book" / "tugas").mkdir(),
                                     "book/tugas/publikasi.json: missing"),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_checks_still_bite_on_a_new_course(course, breakage):
    """What `cerdas check` refuses in this course it refuses in a new one; a course that starts
    publishing its assignments (book/tugas/) must publish them all."""
    change, expected = BREAKAGES[breakage]
    change(course.root)
    assert expected in "\n".join(str(p) for p in check_course(course=course))


def _dist(tmp_path, direct_url: dict | None) -> metadata.Distribution:
    info = tmp_path / "cerdas-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cerdas\nVersion: 0.1.0\n")
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url))
    return metadata.PathDistribution(info)


@pytest.mark.parametrize("direct_url, expected", [
    ({"url": "file:///srv/cerdas", "dir_info": {"editable": True}}, "cerdas @ file:///srv/cerdas"),
    ({"url": "file:///tmp/cerdas-0.1.0-py3-none-any.whl", "archive_info": {}},
     "cerdas @ file:///tmp/cerdas-0.1.0-py3-none-any.whl"),
    ({"url": "https://github.com/kota/cerdas", "vcs_info": {"vcs": "git", "commit_id": "0123abc"}},
     "cerdas @ git+https://github.com/kota/cerdas@0123abc"),
    (None, "cerdas==0.1.0"),
])
def test_toolkit_requirement_follows_how_cerdas_was_installed(tmp_path, direct_url, expected):
    """The default requirement line reinstalls this cerdas the way it was installed (PEP 610)."""
    assert toolkit_requirement(dist=_dist(tmp_path, direct_url)) == expected


def test_requirements_pin_the_environment_the_toolkit_runs_with(tmp_path):
    """After the toolkit line come the exact versions of what cerdas needs, as installed here."""
    try:
        metadata.distribution("cerdas")
    except metadata.PackageNotFoundError:
        pytest.skip("cerdas is not installed as a distribution here (run from PYTHONPATH only)")
    root = new_course(target=tmp_path / "k", toolkit="cerdas @ file:///x.whl")
    lines = (root / "requirements.txt").read_text().splitlines()
    assert lines[2] == "cerdas @ file:///x.whl"
    for name in ("nbgrader", "jupyter-book", "pandas", "psycopg-binary"):
        assert any(l.lower() == f"{name}=={metadata.version(name)}".lower() for l in lines[3:]), name
    assert not any(l.lower().startswith("cerdas==") for l in lines)
    shutil.rmtree(root)
