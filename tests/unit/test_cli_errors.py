"""The `cerdas` command never ends in a traceback: an unexpected error is one line that says which
command failed, where in cerdas and why, and points to ``--debug``; ``--debug`` shows the traceback."""

from __future__ import annotations

import pytest

import cerdas.datasets.listing
from cerdas.cli import main


@pytest.fixture
def broken_listing(monkeypatch):
    """`cerdas datasets list` with a bug inside cerdas: the table builder raises a KeyError."""

    def dataset_table(*, course):
        return {}["jumlah_baris"]

    monkeypatch.setattr(cerdas.datasets.listing, "dataset_table", dataset_table)


def test_unexpected_error_is_one_line(broken_listing, real_course, capsys):
    assert main(["--root", str(real_course.root), "datasets", "list"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    [line] = err.strip().splitlines()
    assert line.startswith("error: cerdas datasets list failed in cerdas/cli.py:")
    assert "KeyError: 'jumlah_baris'" in line
    assert "run again with --debug to see the traceback" in line


@pytest.mark.parametrize("argv", [["--debug", "datasets", "list"], ["datasets", "list", "--debug"]])
def test_debug_shows_the_traceback(broken_listing, real_course, argv):
    """--debug before or after the subcommand lets the exception (and so the traceback) through."""
    with pytest.raises(KeyError, match="jumlah_baris"):
        main(["--root", str(real_course.root), *argv])


def test_course_errors_keep_their_format(tmp_path, capsys):
    """Known problems still print as `path: what — hint`, without the --debug suggestion."""
    assert main(["feedback", "kuadrat", "--course-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'source' / 'kuadrat'}: no such source assignment — check the assignment name" in err
    assert "--debug" not in err
