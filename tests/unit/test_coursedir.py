"""An instructor's own nbgrader course directory: found where they stand, read as nbgrader reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cerdas.coursedir import CourseDir, locate
from cerdas.errors import CourseError


def course(tmp_path: Path, config: str = "") -> Path:
    root = tmp_path / "kelas"
    (root / "source" / "ps1").mkdir(parents=True)
    (root / "nbgrader_config.py").write_text("c = get_config()\n" + config, encoding="utf-8")
    return root


def test_found_from_any_folder_inside_it(tmp_path, monkeypatch):
    """Standing in the course or deep inside it, the course directory is the folder with nbgrader_config.py,
    never the place cerdas is installed or the CERDAS_ROOT of another course."""
    root = course(tmp_path)
    (root / "submitted" / "ani" / "ps1").mkdir(parents=True)
    monkeypatch.setenv("CERDAS_ROOT", str(Path(__file__).resolve().parents[2]))
    for here in (root, root / "submitted" / "ani" / "ps1"):
        monkeypatch.chdir(here)
        found = CourseDir.find()
        assert found.root == root.resolve()
        assert found.db_url == f"sqlite:///{root.resolve() / 'gradebook.db'}"


def test_a_folder_with_source_but_no_config_is_a_course(tmp_path, monkeypatch):
    """nbgrader's default root is the working directory: a bare folder with source/ works too."""
    (tmp_path / "source" / "ps1").mkdir(parents=True)
    monkeypatch.delenv("CERDAS_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    assert CourseDir.find().assignment_names() == ["ps1"]


def test_outside_any_course_the_error_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.delenv("CERDAS_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    assert locate() is None
    with pytest.raises(CourseError) as caught:
        CourseDir.find()
    assert "--course-dir" in str(caught.value.problems[0])


def test_settings_of_nbgrader_config_are_honoured(tmp_path):
    """course_id, db_url, directory_structure and step folder names mean what they mean to nbgrader."""
    root = course(tmp_path, 'c.CourseDirectory.course_id = "statistika-101"\n'
                            'c.CourseDirectory.db_url = "sqlite:////srv/nilai/buku.db"\n'
                            'c.CourseDirectory.submitted_directory = "terkumpul"\n'
                            'c.CourseDirectory.directory_structure = "{nbgrader_step}/{assignment_id}/{student_id}"\n'
                            'c.CourseDirectory.student_id_exclude = "uji*"\n')
    found = CourseDir.open(root)
    assert (found.course_id, found.db_url) == ("statistika-101", "sqlite:////srv/nilai/buku.db")
    assert found.submitted("ani", "ps1") == root.resolve() / "terkumpul" / "ps1" / "ani"
    assert found.source("ps1") == root.resolve() / "source" / "ps1"
    for student in ("ani", "budi", "uji-coba"):
        (root / "terkumpul" / "ps1" / student).mkdir(parents=True)
    assert list(found.students_in("submitted", "ps1")) == ["ani", "budi"]
    assert CourseDir.open(root, db_url="postgresql://x@db/nilai").db_url == "postgresql://x@db/nilai"


def test_a_configured_root_counts_from_the_config(tmp_path):
    root = course(tmp_path, 'c.CourseDirectory.root = "semester-1"\n')
    (root / "semester-1" / "source").mkdir(parents=True)
    found = CourseDir.open(root)
    assert found.root == (root / "semester-1").resolve()
    assert found.config_dir == root.resolve()


def test_scratch_copies_never_point_at_the_real_gradebook(tmp_path):
    """verify and publish work in scratch copies of the config: a configured root or shared database
    must not send their writes to the real course."""
    root = course(tmp_path, 'c.CourseDirectory.root = "/srv/kelas"\n'
                            'c.CourseDirectory.db_url = "postgresql://guru@db/nilai"\n')
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (scratch / "nbgrader_config.py").write_text((root / "nbgrader_config.py").read_text())
    found = CourseDir.throwaway(scratch)
    assert found.root == scratch.resolve()
    assert found.db_url == f"sqlite:///{scratch.resolve() / 'gradebook.db'}"


def test_a_broken_config_is_one_clear_problem(tmp_path):
    root = course(tmp_path, "c.CourseDirectory.course_id = \n")
    with pytest.raises(CourseError) as caught:
        CourseDir.open(root)
    assert "nbgrader_config.py" in str(caught.value.problems[0])
