"""The built site's pages: syllabus from the lessons, launch buttons to released notebooks, a status
page, alt text on plots, links that resolve, and no solution or hidden test anywhere (site and bundle)."""

from __future__ import annotations

import re

import functools
import posixpath
from urllib.parse import unquote, urlparse

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup

from cerdas import syllabus
from cerdas.assignments.secrets import course_secrets, scan_tree

pytestmark = pytest.mark.slow


@functools.lru_cache(maxsize=None)
def soup_of(path):
    """Each page parsed once per session (lesson pages are large; several tests read them)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content_pages(site):
    """Every page a reader can open (not theme assets or Sphinx's execution reports)."""
    skip = ("_static", "_sources", "_images", "reports", "_sphinx_design_static", "cerdas", "vendor")
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in skip)


def html_of(course, source):
    return course.html_dir / course.rel(source.with_suffix(".html"))


def test_syllabus_lists_every_lesson_with_objectives_and_jp(built_course):
    """The syllabus page names every lesson, each objective from its metadata, and the total JP."""
    text = soup_of(built_course.html_dir / "book/silabus.html").get_text(" ")
    lessons = syllabus.lessons(built_course)
    assert len(lessons) == len(built_course.lesson_notebooks()) >= 15
    for lesson in lessons:
        assert lesson.title in text
        for goal in lesson.objectives:  # an objective's `code` is shown as code: compare letters only
            assert re.sub(r"[`\s]", "", goal) in re.sub(r"\s", "", text), goal
    total = sum(l.minutes for l in lessons)
    assert f"{syllabus.jp(total, syllabus.minutes_per_jp(built_course))} JP" in text
    paths = syllabus.learning_paths(built_course)
    assert len(paths) == 3
    for path in paths:
        assert path.name in text and path.serves in " ".join(text.split())


def test_instructor_page_explains_grading(site):
    text = " ".join(soup_of(site / "book/untuk-pengajar.html").get_text(" ").split())
    for command in ("cerdas grade", "cerdas assignments publish", "cerdas bundle", "cerdas certificates"):
        assert command in text


def test_status_page_lists_executed_notebooks_and_versions(built_course):
    """Every lesson appears as executed with a run time; package versions come from the build."""
    text = soup_of(built_course.html_dir / "book/status.html").get_text(" ")
    for path in built_course.lesson_notebooks():
        assert built_course.rel(path.with_suffix("")) in text
    assert "book/tugas" not in text, "published assignments must not be executed"
    assert "berhasil" in text and "GAGAL" not in text
    assert "jupyter-book" in text and "matplotlib" in text


def launch_targets(built_course):
    config = yaml.safe_load(built_course.config_file.read_text())
    repo = urlparse(config["repository"]["url"]).path.strip("/")
    return config, repo, config["repository"].get("branch", "main")


def test_every_lesson_and_assignment_has_binder_and_hub_buttons_and_no_colab(built_course):
    """Binder and JupyterHub (nbgitpuller) links point at the configured repository and at the page's own
    notebook: the lesson, or the released assignment in book/tugas/. No Colab link: Colab has neither the
    `cerdas` package nor the course datasets, so the lesson's first cell would fail there."""
    config, repo, branch = launch_targets(built_course)
    buttons = config["launch_buttons"]
    notebooks = [*built_course.lesson_notebooks(), *sorted(built_course.published_dir.glob("*/*.ipynb"))]
    assert len(notebooks) >= 28
    for nb in notebooks:
        rel = built_course.rel(nb)
        links = [unquote(a["href"]) for a in soup_of(html_of(built_course, nb)).find_all("a", href=True)]
        binder = [l for l in links if l.startswith(buttons["binderhub_url"]) and f"/v2/gh/{repo}/{branch}" in l and rel in l]
        hub = [l for l in links if l.startswith(buttons["jupyterhub_url"]) and "git-pull" in l and repo in l and rel in l]
        colab = [l for l in links if "colab.research.google.com" in l]
        assert binder and hub and not colab, f"{rel}: binder={binder} hub={hub} colab={colab}"
    for page in content_pages(built_course.html_dir):
        hrefs = [a["href"] for a in soup_of(page).find_all("a", href=True)]
        assert not [h for h in hrefs if "assignments/" in h], page


def test_plots_carry_indonesian_alt_text(built_course):
    """Every image on a lesson page has alt text; a plot's alt text leads with the author's finding
    (gambar.temuan), then describes the plot from its title and axes."""
    described = 0
    for nb in built_course.lesson_notebooks():
        for img in soup_of(html_of(built_course, nb)).find_all("img"):
            alt = (img.get("alt") or "").strip()
            assert alt, f"{built_course.rel(nb)}: image {img.get('src')} has no alt text"
            if "Grafik" in alt:
                described += 1
                assert not alt.startswith("Grafik"), f"{built_course.rel(nb)}: plot alt text without a finding: {alt}"
    assert described >= 20, f"only {described} plots described from their titles"


def test_internal_links_and_anchors_resolve(site):
    """Every link, image (a hidden widget view's too), script and stylesheet inside the site points at
    a file that exists, and every #anchor at an id on the target page."""
    ids: dict = {}

    def ids_of(path):
        if path not in ids:
            soup = soup_of(path)
            ids[path] = {t["id"] for t in soup.find_all(id=True)} | {t["name"] for t in soup.find_all("a", attrs={"name": True})}
        return ids[path]

    broken = []
    pages = content_pages(site)
    assert len(pages) > 30
    for page in pages:
        rel = page.relative_to(site).as_posix()
        soup = soup_of(page)
        for tag, attr in (("a", "href"), ("img", "src"), ("img", "data-src"), ("script", "src"), ("link", "href")):
            for el in soup.find_all(tag, attrs={attr: True}):
                url = el[attr]
                parsed = urlparse(url)
                if parsed.scheme or parsed.netloc or url.startswith(("//", "mailto:", "javascript:")):
                    continue
                target = page if not parsed.path else site / posixpath.normpath(
                    posixpath.join(posixpath.dirname(rel), unquote(parsed.path)))
                if not target.exists():
                    broken.append(f"{rel}: {url} (no file)")
                elif parsed.fragment and target.suffix == ".html" and unquote(parsed.fragment) not in ids_of(target):
                    broken.append(f"{rel}: {url} (no anchor)")
    assert broken == [], "\n".join(broken[:30])


def test_site_reveals_no_solution_or_hidden_test(built_course):
    """No line of a solution region, hidden test or mark scheme of any source assignment appears in
    any file of the built site (HTML text, sources, search index, notebooks)."""
    secrets = course_secrets(built_course)
    assert len(secrets) > 200, "the secret lines were not found: the scan would prove nothing"
    assert scan_tree(built_course.html_dir, secrets) == {}


def test_leak_scan_catches_a_planted_solution(built_course, tmp_path):
    """The scan is not blind: a page quoting one solution line (HTML-escaped) is reported."""
    secrets = course_secrets(built_course)
    line = sorted(secrets)[len(secrets) // 2]
    import html

    (tmp_path / "page.html").write_text(f"<pre><span>{html.escape(line)}</span></pre>")
    assert scan_tree(tmp_path, secrets) == {"page.html": [line]}


def test_bundle_holds_site_notebooks_data_and_valid_manifest(built_course, offline_bundle):
    """The zip has the site, released notebooks, datasets and requirements; every checksum holds;
    nothing in it reveals a solution."""
    import hashlib

    assert (offline_bundle / "situs/index.html").is_file()
    assert (offline_bundle / "requirements.txt").is_file()
    released = sorted((offline_bundle / "tugas").glob("*/*.ipynb"))
    assert len(released) == len(built_course.assignment_names())
    for nb in released:
        nbformat.validate(nbformat.read(nb, as_version=4))
    assert any((offline_bundle / "datasets").rglob("*.csv"))
    lines = (offline_bundle / "SHA256SUMS").read_text().splitlines()
    files = {p.relative_to(offline_bundle).as_posix() for p in offline_bundle.rglob("*") if p.is_file()}
    assert {l.split("  ", 1)[1] for l in lines} == files - {"SHA256SUMS"}
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((offline_bundle / name).read_bytes()).hexdigest() == digest, name
    assert scan_tree(offline_bundle, course_secrets(built_course)) == {}
