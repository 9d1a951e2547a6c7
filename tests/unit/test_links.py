"""`cerdas links`: one nbgitpuller link per lesson and released assignment, the same link the site's
JupyterHub launch button (Jupyter Book 1 / sphinx-book-theme) puts on that page."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from cerdas.cli import main
from cerdas.errors import CourseError
from cerdas.links import links


def theme_button(course, page: Path, hub: str | None = None) -> str:
    """The JupyterHub link sphinx-book-theme builds for ``page`` from the book's own _config.yml,
    through Jupyter Book's config translation and the theme's own functions."""
    from jupyter_book.config import get_final_config
    from sphinx_book_theme.header_buttons import update_context_with_repository_info
    from sphinx_book_theme.header_buttons.launch import add_launch_buttons

    user = yaml.safe_load(course.config_file.read_text())
    if hub:
        user["launch_buttons"]["jupyterhub_url"] = hub
    sphinx_config, _ = get_final_config(user_yaml=user, sourcedir=course.root, cli_config={"latex_individualpages": False})
    theme_options = sphinx_config["html_theme_options"]
    pagename = course.rel(page)[: -len(".ipynb")]
    app = SimpleNamespace(
        config=SimpleNamespace(html_context={}, html_theme_options=theme_options),
        env=SimpleNamespace(doc2path=lambda name: str(course.root / f"{name}.ipynb"),
                            metadata={pagename: {"kernelspec": {"name": "python3"}}}),
        outdir=str(course.root / "_build" / "html"))
    app.config = _Config(app.config)
    update_context_with_repository_info(app)
    context = {**app.config.html_context, "pagename": pagename, "header_buttons": [],
               "sourcename": f"{pagename}.ipynb", "page_source_suffix": ".ipynb"}
    add_launch_buttons(app, pagename, "page.html", context, None)
    buttons = [b for group in context["header_buttons"] for b in group.get("buttons", [])]
    return next(b["url"] for b in buttons if b["text"] == "JupyterHub")


class _Config(SimpleNamespace):
    """Sphinx's config answers both ``config.name`` and ``config["name"]``."""

    def __init__(self, ns):
        super().__init__(**vars(ns))

    def __getitem__(self, name):
        return getattr(self, name)


@pytest.fixture
def course_with_published(course_copy):
    """The course with its released assignments published where the site keeps them."""
    for name in course_copy.assignment_names():
        for source in (course_copy.source_dir / name).glob("*.ipynb"):
            target = course_copy.published_dir / name / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(source.read_text())
    return course_copy


def test_one_link_per_lesson_and_released_assignment(course_with_published):
    found = links(course=course_with_published, hub="https://hub.kota.go.id/")
    lessons = [l.path for l in found if l.kind == "pelajaran"]
    tasks = [l.path for l in found if l.kind == "tugas"]
    assert lessons == [course_with_published.rel(p) for p in course_with_published.lesson_notebooks()]
    assert len(tasks) == len(course_with_published.assignment_names()) and all(l.published for l in found)
    assert all(t.startswith("book/tugas/") and Path(course_with_published.root / t).is_file() for t in tasks)
    assert all(l.url.startswith("https://hub.kota.go.id/hub/user-redirect/git-pull?") for l in found)


def test_links_equal_the_sites_launch_button(course_with_published):
    """For a lesson and a released assignment, with the configured hub and with --hub."""
    course = course_with_published
    pages = [course.lesson_notebooks()[0], next(course.published_dir.rglob("*.ipynb"))]
    for hub in (None, "https://lab.pemda.example/"):
        by_path = {l.path: l.url for l in links(course=course, hub=hub)}
        for page in pages:
            assert by_path[course.rel(page)] == theme_button(course, page, hub)


def test_cli_prints_links_and_warns_about_unpublished(course_copy, capsys):
    """Every lesson and assignment gets a link; one whose released copy is not published is named."""
    import shutil

    unpublished = course_copy.assignment_names()[-1]
    shutil.rmtree(course_copy.published_dir / unpublished, ignore_errors=True)
    assert main(["--root", str(course_copy.root), "links", "--hub", "https://hub.example"]) == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == len(course_copy.lesson_notebooks()) + len(course_copy.assignment_names())
    assert "urlpath=lab/tree/cerdas/notebooks/" in lines[0] and "&branch=main" in lines[0]
    assert "not in the repository yet" in err and unpublished in err


def test_missing_repository_or_hub_is_a_clear_error(course_copy):
    config = course_copy.config_file
    text = config.read_text()
    config.write_text(text.replace("jupyterhub_url: https://hub.cerdas.example", "jupyterhub_url: ''"))
    with pytest.raises(CourseError, match="no usable hub URL"):
        links(course=course_copy)
    config.write_text(text.replace("url: https://github.com/cerdas-kursus/cerdas", "url: ''"))
    with pytest.raises(CourseError, match="repository.url is not set"):
        links(course=course_copy, hub="https://hub.example")
