"""The site build reads the pages of ``_toc.yml`` and nothing else, whatever lies around the course.

`python3 make.py test` leaves ``.pytest_cache/README.md`` in the clone, and the next
`python3 make.py build` failed in seconds: Sphinx read it and warned that it is in no toctree
(warnings are errors). These tests ask Sphinx, configured exactly as Jupyter Book configures it for
the course, which documents it would read (no build, a few seconds), on a copy littered with what
tests, builds, editors and tools leave behind, and on this very checkout.
"""

from __future__ import annotations

from conftest import REPO, site_sources, toc_pages

# What the README's commands, tools and people leave in a clone: none of it is a page of the site.
STRAYS = {
    ".pytest_cache/README.md": "# pytest cache directory #\n",               # make.py test
    ".catatan/draf.md": "# Draf pribadi\n",                                  # any dot-folder
    ".venv/lib/python3.11/site-packages/paket/README.md": "# Paket\n",       # make.py's environment
    ".cache/wheelhouse/README.md": "# Wheels\n",                             # .ci/provision
    "notebooks/00-memulai/.ipynb_checkpoints/memulai-checkpoint.ipynb": None,  # JupyterLab
    "_build/jupyter_execute/catatan.md": "# Hasil eksekusi\n",               # make.py build
    "build/lib/README.md": "# setuptools\n",                                 # pip wheel .
    "node_modules/paket/README.md": "# npm\n",
    "deploy/jupyterhub/CATATAN.md": "# Catatan hub\n",
    "tests/README.md": "# Tes\n",
    "assignments/release/m00-memulai/catatan.md": "# Rilis\n",               # cerdas assignments release
    "notebooks/00-memulai/catatan-pengajar.md": "# Bukan halaman\n",         # a page not in the toc
}


def test_stray_files_are_never_read(course_copy):
    """A copy of the course littered with the files above: Sphinx reads exactly the toc's pages."""
    lesson = course_copy.root / "notebooks/00-memulai/memulai.ipynb"
    for rel, text in STRAYS.items():
        path = course_copy.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text if text is not None else lesson.read_text(encoding="utf-8"), encoding="utf-8")
    assert site_sources(course_copy.root) == toc_pages(course_copy.root)


def test_this_checkout_builds_only_its_pages():
    """Whatever the README's commands have left in this clone so far (.venv, .pytest_cache, _build...)."""
    assert site_sources(REPO) == toc_pages(REPO)
