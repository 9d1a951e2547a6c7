"""The built site holds the executed Module 1 lesson, its plots and widgets (static HTML), without a CDN."""

from __future__ import annotations

import posixpath
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup


pytestmark = pytest.mark.slow

LESSON = "notebooks/01-literasi-data/literasi-data-pelayanan-publik-4.html"  # a Module 1 part with plots
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def page(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def local_target(site, page_rel, url):
    """The file a relative URL on page ``page_rel`` points to, or None if it leaves the site."""
    parsed = urlparse(url)
    if parsed.scheme or parsed.netloc or url.startswith("//"):
        return None
    return site / posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), parsed.path))


def test_landing_page_states_licences(site):
    """index.html leads to the landing page, which is in Indonesian and states both licences."""
    refresh = page(site, "index.html").find("meta", attrs={"http-equiv": "Refresh"})
    landing = refresh["content"].split("url=")[1] if refresh else "index.html"
    assert (site / landing).is_file()
    soup = page(site, landing)
    assert soup.html.get("lang") == "id"
    text = soup.get_text(" ")
    assert "CC BY 4.0" in text and "MIT" in text


def test_lesson_has_executed_plot(site):
    """The Module 1 page holds at least one executed plot image that exists in the site."""
    images = [img["src"] for img in page(site, LESSON).find_all("img") if img.get("src", "").endswith(".png")]
    assert images, "no PNG plot on the lesson page"
    for src in images:
        target = local_target(site, LESSON, src)
        assert target is not None and target.is_file() and target.stat().st_size > 2000, src


def test_lessons_widgets_are_static_html_without_the_widget_manager(site):
    """Every lesson's precomputed views became a labelled control and plain HTML: no page embeds the
    widget state or loads RequireJS or the widget manager, and no script comes from another host."""
    lessons = sorted(site.glob("notebooks/*/*.html"))
    assert len(lessons) >= 15
    static = 0
    for path in lessons:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.relative_to(site).as_posix()
        assert soup.find_all("script", attrs={"type": WIDGET_STATE}) == [], rel
        sources = [s["src"] for s in soup.find_all("script") if s.get("src")]
        assert [s for s in sources if s.split("?")[0].endswith(("require.js", "embed-amd.js"))] == [], rel
        remote = [s for s in sources if urlparse(s).scheme in ("http", "https") or s.startswith("//")]
        assert remote == [], f"{rel}: scripts from other hosts: {remote}"
        for control in soup.select("[data-cerdas-views-control]"):
            assert soup.find("label", attrs={"for": control["id"]}), f"{rel}: control without a label"
            static += 1
    assert static >= 15, f"only {static} static widget controls in the lessons"


def test_stray_files_in_the_clone_are_not_pages(built_course, site):
    """The shared build ran beside .pytest_cache/README.md and a page in a dot-folder (conftest's
    SITE_STRAYS): it passed with warnings as errors, and neither became a page."""
    from conftest import SITE_STRAYS

    planted = [rel for rel in SITE_STRAYS if (built_course.root / rel).is_file()]
    if not planted:
        pytest.skip("CERDAS_TEST_SITE reuses a site built without the planted files")
    for rel in planted:
        stem = rel.rsplit(".", 1)[0]
        assert not (site / f"{stem}.html").exists(), rel
    assert not any("draf" in p.name or "pytest" in p.name for p in site.rglob("*.html"))


def test_certificate_check_page_is_linked_and_complete(site):
    """The site has the public certificate check, linked from the instructors' page, with its two
    scripts beside it; a course that issued no certificate says so."""
    soup = page(site, "cek-sertifikat.html")
    assert soup.html.get("lang") == "id" and soup.find("input", id="kode") and soup.find(id="hasil")
    for script in soup.find_all("script", src=True):
        assert local_target(site, "cek-sertifikat.html", script["src"]).is_file()
    links = [a["href"] for a in page(site, "book/untuk-pengajar.html").find_all("a", href=True)]
    assert any(local_target(site, "book/untuk-pengajar.html", href) == site / "cek-sertifikat.html" for href in links)
