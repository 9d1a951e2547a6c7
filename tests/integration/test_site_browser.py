"""The site in real Chromium: every page loads with no request to another host, no console error,
no serious or critical axe-core violation, and no horizontal overflow on a 360 px phone; search
finds a lesson by an Indonesian word; the offline bundle works from file://, plot and search included.

One browser and one pass over the pages for the whole session (the site build is shared too).
Screenshots of the landing page and a lesson at phone and desktop width go to tests/artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import REPO, fresh_event_loop, need_tool

pytestmark = pytest.mark.slow

AXE = REPO / "src/cerdas/site/assets/vendor/axe-core/axe.min.js"
ARTIFACTS = REPO / "tests/artifacts"
LESSON = "notebooks/01-literasi-data/literasi-data-pelayanan-publik-4.html"  # Module 1's part with the district dropdown
PHONE, DESKTOP = {"width": 360, "height": 780}, {"width": 1280, "height": 900}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SKIP_DIRS = ("_static", "_sources", "_images", "reports", "_sphinx_design_static", "cerdas", "vendor")
LOCAL_SCHEMES = ("data", "blob", "about")
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _patient(factory):
    """Contexts and pages that wait up to 2 minutes: CI machines are small and shared."""
    def make(*args, **kwargs):
        made = factory(*args, **kwargs)
        made.set_default_timeout(120_000)
        made.set_default_navigation_timeout(120_000)
        return made
    return make


@pytest.fixture(scope="session")
def browser():
    chromium = need_tool("/usr/bin/chromium", "the browser tests drive Debian's Chromium")
    from playwright.sync_api import sync_playwright

    fresh_event_loop()
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        b.new_context = _patient(b.new_context)
        b.new_page = _patient(b.new_page)
        yield b
        b.close()


@pytest.fixture(scope="session")
def served_site(site):
    """The built site over HTTP on 127.0.0.1 (as a web host would serve it)."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class Recorder:
    """Requests leaving ``origin`` (aborted, so nothing waits on the network) and console errors."""

    def __init__(self, context, origin: str):
        self.origin, self.foreign, self.errors = origin, [], []
        context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        parsed = urlparse(url)
        local = parsed.scheme in LOCAL_SCHEMES or (
            url.startswith(self.origin) if self.origin != "file://" else parsed.scheme == "file")
        if local:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def watch(self, page):
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))


def pages_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] not in SKIP_DIRS)


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.fixture(scope="session")
def audit(browser, served_site, site):
    """Load every page once: requests, console errors, axe at desktop width, overflow at 360 px."""
    context = browser.new_context(viewport=DESKTOP)
    recorder = Recorder(context, served_site)
    axe = AXE.read_text(encoding="utf-8")
    results = {}
    page = context.new_page()
    recorder.watch(page)
    for rel in pages_of(site):
        before_foreign, before_errors = len(recorder.foreign), len(recorder.errors)
        page.set_viewport_size(DESKTOP)
        page.goto(f"{served_site}/{rel}", wait_until="load")
        if 'http-equiv="refresh"' in (site / rel).read_text(encoding="utf-8").lower():
            # a redirect stub (index.html): audit the page it leads to once the browser has moved there
            page.wait_for_url(lambda url: not url.endswith("/" + rel), timeout=10_000)
            page.wait_for_load_state("load")
        if page.locator(f'script[type="{WIDGET_STATE}"]').count():
            page.wait_for_load_state("networkidle")  # the widget renderer draws after load
        page.add_script_tag(content=axe)
        violations = page.evaluate("""async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                     .map(v => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
        }""")
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(50)
        results[rel] = {"foreign": recorder.foreign[before_foreign:], "errors": recorder.errors[before_errors:],
                        "axe": violations, "overflow": overflow(page)}
    context.close()
    return results


def test_pages_load_nothing_from_other_hosts(audit):
    assert len(audit) > 30
    assert {p: r["foreign"] for p, r in audit.items() if r["foreign"]} == {}


def test_pages_log_no_console_errors(audit):
    assert {p: r["errors"] for p, r in audit.items() if r["errors"]} == {}


def test_pages_have_no_serious_accessibility_violations(audit):
    assert {p: r["axe"] for p, r in audit.items() if r["axe"]} == {}


def test_pages_fit_a_360px_phone(audit):
    assert {p: r["overflow"] for p, r in audit.items() if r["overflow"] > 1} == {}


def test_lesson_control_switches_views_without_the_widget_manager(browser, served_site):
    """On a phone, Module 1's dropdown is a plain labelled <select>: choosing another district shows its
    plot (loaded only then) and hides the first; the page embeds no widget state and requests
    neither RequireJS nor the widget manager."""
    page = browser.new_page(viewport=PHONE)
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{served_site}/{LESSON}", wait_until="networkidle")
    assert page.locator(f'script[type="{WIDGET_STATE}"]').count() == 0
    box = page.locator(".cerdas-views").first
    views = box.locator("[data-cerdas-view]")
    chosen = views.nth(2).locator("img")
    later = chosen.get_attribute("data-src")
    assert later and views.nth(0).locator("img").is_visible() and not chosen.is_visible()
    assert not [r for r in requested if r.endswith(later.rsplit("/", 1)[1])], "a hidden view's plot loaded early"
    box.scroll_into_view_if_needed()  # as a reader does: the views load lazily, near the screen
    box.get_by_label("Kecamatan:").select_option(index=2)
    chosen.wait_for(state="visible", timeout=10_000)
    page.wait_for_function("img => img.complete && img.naturalWidth > 100", arg=chosen.element_handle(), timeout=10_000)
    assert views.nth(0).is_hidden()
    assert [r for r in requested if r.split("?")[0].endswith(("embed-amd.js", "require.js"))] == []
    page.close()


def test_screenshots_at_phone_and_desktop_width(browser, served_site, site):
    """The landing page and a lesson, at 360 px and 1280 px, saved for a person to look at."""
    landing = "book/intro.html" if (site / "book/intro.html").is_file() else "index.html"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, rel in (("landing", landing), ("lesson", LESSON)):
        for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            page = browser.new_page(viewport=viewport)
            page.goto(f"{served_site}/{rel}", wait_until="networkidle")
            out = ARTIFACTS / f"{name}-{label}.png"
            page.screenshot(path=str(out))
            page.close()
            assert out.stat().st_size > 10_000


def search(page, base: str, term: str) -> list[str]:
    page.goto(f"{base}/search.html?q={term}", wait_until="load")
    page.wait_for_function("document.querySelectorAll('#search-results li, ul.search li').length > 0 "
                           "|| /tidak|no results|did not match/i.test(document.body.innerText)", timeout=20000)
    return page.eval_on_selector_all("#search-results li a, ul.search li a", "els => els.map(e => e.href)")


def test_search_finds_a_lesson_by_an_indonesian_word(browser, served_site):
    page = browser.new_page(viewport=DESKTOP)
    hits = search(page, served_site, "kecamatan")
    page.close()
    assert any("notebooks/" in h for h in hits), hits


def test_bundle_opens_from_disk_with_plot_and_search(browser, offline_bundle):
    """From file://: the lesson shows its plot, search finds it, and nothing is fetched elsewhere."""
    root = (offline_bundle / "situs").resolve().as_uri()
    context = browser.new_context(viewport=DESKTOP)
    recorder = Recorder(context, "file://")
    page = context.new_page()
    recorder.watch(page)
    page.goto(f"{root}/index.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(".html") and "intro" in page.url, page.url
    page.goto(f"{root}/{LESSON}", wait_until="networkidle")
    plot = page.locator("img[src$='.png']").first  # figures load lazily: scroll to the first, as a reader does
    plot.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 100", arg=plot.element_handle(), timeout=10_000)
    loaded = page.eval_on_selector_all("img[src$='.png']", "els => els.filter(e => e.complete && e.naturalWidth > 100).length")
    assert loaded >= 1
    hits = search(page, root, "kecamatan")
    assert any("notebooks/" in h for h in hits), hits
    context.close()
    assert recorder.foreign == [] and recorder.errors == []
