"""Shared fixtures: copies of the real course to break on purpose, and tiny scenario courses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cerdas.course import Course

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
COURSE_PARTS = ["_config.yml", "_toc.yml", "book", "notebooks", "datasets", "assignments/source",
                "assignments/nbgrader_config.py", "src/cerdas/site/assets", "kursus.yml", "requirements.txt"]


@pytest.fixture(scope="session")
def real_course() -> Course:
    return Course(REPO)


def copy_course(target: Path) -> Course:
    for part in COURSE_PARTS:
        src, dst = REPO / part, target / part
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        elif src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dst)
    return Course(target)


# Planted in the shared site build: a clone where `make.py test` ran, and a page in a dot-folder.
SITE_STRAYS = {".pytest_cache/README.md": "# pytest cache directory #\n", ".catatan/draf.md": "# Draf pribadi\n"}


@pytest.fixture(scope="session")
def built_course(tmp_path_factory) -> Course:
    """A copy of the course whose site is built once per test session (warnings are errors), with
    :data:`SITE_STRAYS` planted first: the build must not read them.

    Every site, bundle and browser test shares this one build: it takes minutes. While iterating on
    site tests, ``CERDAS_TEST_SITE=<course root>`` reuses a course already built there instead.
    """
    import os

    from cerdas.build import build_site

    if os.environ.get("CERDAS_TEST_SITE"):
        return Course(Path(os.environ["CERDAS_TEST_SITE"]).resolve())
    course = copy_course(tmp_path_factory.mktemp("site") / "course")
    for rel, text in SITE_STRAYS.items():  # what `make.py test` and people leave in a clone
        (course.root / rel).parent.mkdir(parents=True, exist_ok=True)
        (course.root / rel).write_text(text, encoding="utf-8")
    build_site(course=course, echo=False)
    return course


@pytest.fixture(scope="session")
def site(built_course) -> Path:
    """The built site's HTML folder."""
    return built_course.html_dir


@pytest.fixture(scope="session")
def offline_bundle(built_course, tmp_path_factory) -> Path:
    """`cerdas bundle` over the shared build, unpacked; the folder inside the zip."""
    import zipfile

    from cerdas.bundle import bundle

    path = bundle(course=built_course, build=False, echo=False, out=tmp_path_factory.mktemp("bundle") / "b.zip")
    target = path.parent / "unpacked"
    with zipfile.ZipFile(path) as zf:
        zf.extractall(target)
    return target / "cerdas-offline"


@pytest.fixture
def course_copy(tmp_path) -> Course:
    """A throwaway copy of the real course, for tests that plant one defect."""
    return copy_course(tmp_path / "course")


@pytest.fixture
def scenario_course(tmp_path):
    """Factory: a minimal course whose only assignment is the fixture ``assignments/<scenario>``."""

    def make(scenario: str) -> Course:
        root = tmp_path / scenario
        (root / "datasets").mkdir(parents=True)
        (root / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
        (root / "intro.md").write_text("# Intro\n")
        shutil.copytree(FIXTURES / "assignments" / scenario, root / "assignments" / "source")
        shutil.copy(REPO / "assignments" / "nbgrader_config.py", root / "assignments" / "nbgrader_config.py")
        return Course(root)

    return make


def site_sources(root: Path) -> set[str]:
    """The documents (docnames) Sphinx would read when ``jupyter-book build`` builds the course at ``root``."""
    from jupyter_book.config import get_final_config
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    config, _ = get_final_config(user_yaml=root / "_config.yml", sourcedir=root, use_external_toc=True,
                                 cli_config={"external_toc_path": str(root / "_toc.yml"),
                                             "latex_individualpages": False})
    import tempfile

    out = Path(tempfile.mkdtemp(prefix="cerdas-sources-"))
    with patch_docutils(None), docutils_namespace():
        app = Sphinx(srcdir=root, confdir=None, outdir=out / "html", doctreedir=out / ".doctrees",
                     buildername="html", confoverrides=config, status=None, warning=None, freshenv=True)
        return set(app.project.discover(app.config.exclude_patterns, app.config.include_patterns))


def toc_pages(root: Path) -> set[str]:
    from sphinx_external_toc.parsing import parse_toc_yaml

    return set(parse_toc_yaml(root / "_toc.yml"))


def need_tool(path_or_name: str, why: str) -> str:
    """The path of a system tool a test needs (Chromium, PostgreSQL, Node's proxy...).

    On a developer machine a missing tool skips the test with the reason; in CI (``CERDAS_CI=1``,
    set by ``.ci/run`` after it has installed the tools) a missing tool is a failure, so a broken
    provisioning step can never turn into silently skipped tests.
    """
    import os

    found = path_or_name if Path(path_or_name).is_absolute() and Path(path_or_name).exists() else shutil.which(path_or_name)
    if found:
        return found
    message = f"{path_or_name} not found: {why}"
    if os.environ.get("CERDAS_CI"):
        pytest.fail(message + " (.ci/run should have installed it)")
    pytest.skip(message)


# The longest groups start first (longest-first scheduling): the site and the whole-course verification
# side by side, then the groups of several minutes (a clean virtual environment, a fresh clone's build),
# so that what is left at the end is short and both workers finish together.
FIRST = ("site", "tests/integration/test_verify.py", "tests/integration/test_new_course.py",
         "tests/integration/test_wheel.py", "tests/integration/test_foreign_course.py")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    """Under ``pytest -n 2 --dist loadgroup --no-loadscope-reorder`` (what ``make.py test`` runs),
    keep each test file on one worker so its module fixtures are built once, put every test that
    uses the built site in one group so the site is built once per run, and start the two longest
    groups (the site, the whole-course verification) first so they run side by side, then the
    other groups of minutes (see ``FIRST``)."""
    groups = {}
    for item in items:
        uses_build = "built_course" in getattr(item, "fixturenames", ())  # site, bundle, browser tests
        groups[item.nodeid] = "site" if uses_build else item.nodeid.split("::")[0]
        item.add_marker(pytest.mark.xdist_group(groups[item.nodeid]))
    rank = {group: index for index, group in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(groups[item.nodeid], len(FIRST)))


def fresh_event_loop() -> None:
    """Call before ``sync_playwright()``. Playwright's sync API refuses to start when asyncio reports
    a running loop in this thread. Between tests none is running, but a loop driven through
    nest_asyncio (jupyter_client's and nbclient's blocking helpers) can leave this thread marked as
    running one after it returned; that stale mark is cleared here. Never called inside a loop."""
    import asyncio

    if asyncio._get_running_loop() is not None:
        asyncio._set_running_loop(None)


@pytest.fixture(scope="session")
def city(tmp_path_factory):
    """The generated city cohort (tests/kohort.py: 42 learners, 5 agencies, 3 assignments, a filled
    gradebook and issued certificates), built once per test session and shared by the cohort, export
    and certificate-check tests; a test that changes it restores it."""
    import kohort

    return kohort.build_city(tmp_path_factory.mktemp("kota"))
