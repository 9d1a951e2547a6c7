"""What a reader on a phone downloads. Every page of the built site, loaded in Chromium at 360 px over
HTTP with gzip (as web hosts serve it) and nothing cached, stays under its byte budget (600 KB for a
lesson, 200 KB for any other page, the search page's index aside: room for regressions above the
issue's 300-400 / 150 KB goals),
asks no other host for anything, and loads the search index only on the search page; its figures
carry their size; every icon it shows is in the cut-down icon font; and the heaviest lesson reaches
its load event within 12 s over an emulated 1 Mbit/s, 100 ms link.

One browser, one page reused for every load (cache disabled), one pass over the shared site build.
benchmarks/site.py prints the same figures as a table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import fresh_event_loop, need_tool
from pageweight import SLOW_LINK, Loader, chromium, lesson_pages, pages_of, serve

pytestmark = pytest.mark.slow

KB = 1024
BUDGET = {"lesson": 600 * KB, "other": 200 * KB}
# Twice the transfer time of a lesson at its 600 KB budget (4.9 s), plus 2 s: generous, yet the
# lessons of the site (1.6-2.0 MB, 14.6-18.4 s measured this way) fail it.
SLOW_LOAD_CAP_MS = 12_000

# Per page, after load: icon code points drawn with Font Awesome, and figures without a size.
INSPECT = """() => {
  const icons = [];
  for (const el of document.querySelectorAll('[class*="fa-"]')) {
    const style = getComputedStyle(el, '::before');
    const content = style.content;
    if (/font awesome/i.test(style.fontFamily) && content && content.startsWith('"') && content.length > 2) {
      icons.push([el.className, content.codePointAt(1), style.fontWeight]);
    }
  }
  const unsized = [...document.querySelectorAll('.bd-article img[src*="_images/"]')]
    .filter(img => !img.getAttribute('width') || !img.getAttribute('height')).map(img => img.src);
  return {icons, unsized};
}"""


@pytest.fixture(scope="module")
def loads(site, built_course):
    """Every page loaded once: its requests and bytes, plus what INSPECT found on it."""
    need_tool("/usr/bin/chromium", "the page-weight tests drive Debian's Chromium")
    fresh_event_loop()
    pages = pages_of(site)
    lessons = lesson_pages(built_course, pages)
    results = {}
    with serve(site) as base, chromium() as browser:
        loader = Loader(browser, base)
        for rel in pages:
            load = loader.load(rel)
            results[rel] = (load, loader.page.evaluate(INSPECT))
        heaviest = max(lessons, key=lambda p: results[p][0].bytes) if lessons else None
        slow = loader.load(heaviest, link=SLOW_LINK) if heaviest else None
        loader.close()
    return {"pages": results, "lessons": lessons, "slow": slow}


def _kb(n: int) -> str:
    return f"{n / KB:.0f} KB"


def test_every_page_is_under_its_byte_budget(loads):
    assert len(loads["pages"]) > 5 and loads["lessons"]
    over = {}
    for rel, (load, _) in loads["pages"].items():
        budget = BUDGET["lesson" if rel in loads["lessons"] else "other"]
        if rel == "search.html":  # the index it exists to load grows with the course; the page itself may not
            budget += sum(n for url, n in load.responses.items() if url.split("?")[0].endswith("/searchindex.js"))
        if load.bytes > budget:
            top = sorted(load.responses.items(), key=lambda kv: -kv[1])[:4]
            over[rel] = f"{_kb(load.bytes)} > {_kb(budget)}; heaviest: " + ", ".join(
                f"{url.rsplit('/', 1)[-1].split('?')[0]} {_kb(n)}" for url, n in top)
    assert over == {}


def test_pages_ask_no_other_host(loads):
    assert {rel: load.foreign for rel, (load, _) in loads["pages"].items() if load.foreign} == {}


def test_only_the_search_page_loads_the_search_index(loads):
    """The 65 KB index comes with the search page, not with every page."""
    fetching = {rel for rel, (load, _) in loads["pages"].items()
                if any(url.split("?")[0].endswith("/searchindex.js") for url in load.responses)}
    assert fetching == {"search.html"}


def test_figures_carry_their_size(loads):
    """Width and height on every figure, so text does not jump when it arrives."""
    assert {rel: seen["unsized"] for rel, (_, seen) in loads["pages"].items() if seen["unsized"]} == {}


def test_every_icon_shown_is_in_the_icon_font(loads, site):
    """The icon fonts are cut down to the glyphs the pages use: none of those may be missing."""
    from fontTools.ttLib import TTFont

    fonts = sorted((site / "_static").rglob("fa-*.*"))
    assert fonts, "no Font Awesome font in the site"
    cmaps = {font.name: set(TTFont(font).getBestCmap() or {}) for font in fonts if font.suffix in (".woff", ".ttf", ".otf")}
    shown = {(cls, cp) for _, seen in loads["pages"].values() for cls, cp, _ in seen["icons"]}
    assert len(shown) > 3, shown
    missing = {cls: hex(cp) for cls, cp in shown if not any(cp in cmap for cmap in cmaps.values())}
    assert missing == {}, cmaps.keys()


def test_heaviest_lesson_loads_within_12s_on_a_slow_link(loads):
    slow = loads["slow"]
    assert slow is not None
    assert 0 < slow.load_ms < SLOW_LOAD_CAP_MS, f"{slow.page}: load event after {slow.load_ms / 1000:.1f} s ({_kb(slow.bytes)})"
