"""The self-check quiz on the static site, in Chromium on a 360 px phone: every lesson page carries
its quiz; answering a choice question wrongly shows "Belum tepat" and the explanation of the option
chosen (as written in the lesson's quiz file), answering it rightly shows "Benar" and the right
option's explanation; a number typed with a decimal comma counts; nothing overflows the phone's width,
nothing is requested from another host, no script error, no serious axe-core violation in the answered
quiz. With JavaScript off, each question still shows "Lihat pembahasan" with the answers.

Uses the shared site build (``built_course``); ``CERDAS_TEST_SITE`` points it at a small built copy.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from cerdas import kuis
from cerdas.kuis.render import angka
from conftest import REPO, fresh_event_loop, need_tool

pytestmark = pytest.mark.slow

PHONE = {"width": 360, "height": 780}
AXE = REPO / "src/cerdas/site/assets/vendor/axe-core/axe.min.js"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def lesson_pages(course) -> dict[str, Path]:
    """``{page under the site: its quiz file}`` for every lesson of _toc.yml."""
    from cerdas.check.quizzes import quiz_file, toc_lessons

    return {course.rel(p).replace(".ipynb", ".html"): quiz_file(p) for p in toc_lessons(course)}


@pytest.fixture(scope="module")
def phone(site):
    """A Chromium page at 360 px on the site served over HTTP; foreign requests aborted and recorded."""
    chromium = need_tool("/usr/bin/chromium", "the quiz test drives Debian's Chromium")
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    fresh_event_loop()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        context = browser.new_context(viewport=PHONE)
        context.set_default_timeout(120_000)
        foreign, errors = [], []
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith((base, "data:"))
                      else (foreign.append(route.request.url), route.abort()))
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        yield {"browser": browser, "page": page, "base": base, "foreign": foreign, "errors": errors}
        browser.close()
    server.shutdown()


def test_every_lesson_page_has_its_quiz(built_course, site):
    pages = lesson_pages(built_course)
    assert pages
    missing = [page for page in pages if 'class="cerdas-kuis"' not in (site / page).read_text(encoding="utf-8")]
    assert missing == []


def test_answering_wrongly_then_rightly_shows_the_matching_explanation(built_course, phone):
    """On the first lesson page: the first choice question answered wrongly, then rightly, then a
    number question (if the quiz has one) answered with a decimal comma."""
    page_rel, quiz_path = next(iter(lesson_pages(built_course).items()))
    items, problems = kuis.read(quiz_path)
    assert problems == []
    page = phone["page"]
    page.goto(f"{phone['base']}/{page_rel}", wait_until="load")
    quiz = page.locator(".cerdas-kuis").first
    questions = quiz.locator("fieldset.ck-soal")
    assert questions.count() == len(items)

    number = next(i for i, s in enumerate(items) if s.jenis != "angka")
    soal, question = items[number], questions.nth(number)
    wrong = next(i for i, p in enumerate(soal.pilihan) if not p.benar)
    options = question.locator(".ck-opsi")
    question.scroll_into_view_if_needed()
    options.nth(wrong).locator("input").check()
    question.get_by_role("button", name="Periksa jawaban").click()
    result = question.locator(".ck-hasil")
    assert result.inner_text().startswith("Belum tepat")
    shown = options.nth(wrong).locator(".ck-jelas")
    assert shown.is_visible()
    assert _words(soal.pilihan[wrong].penjelasan) in _words(shown.inner_text())
    assert shown.inner_text().startswith("Keliru.")

    if soal.jenis == "banyak":  # a radio button clears itself; a checkbox does not
        options.nth(wrong).locator("input").uncheck()
    for index, option in enumerate(soal.pilihan):
        if option.benar:
            options.nth(index).locator("input").check()
    question.get_by_role("button", name="Periksa jawaban").click()
    assert result.inner_text().startswith("Benar")
    right = next(i for i, p in enumerate(soal.pilihan) if p.benar)
    assert options.nth(right).locator(".ck-jelas").is_visible()
    assert _words(soal.pilihan[right].penjelasan) in _words(options.nth(right).locator(".ck-jelas").inner_text())
    assert not options.nth(wrong).locator(".ck-jelas").is_visible()

    numeric = [i for i, s in enumerate(items) if s.jenis == "angka"]
    if numeric:
        box = questions.nth(numeric[0])
        box.locator("input").fill(angka(items[numeric[0]].jawaban))  # "0,75": the Indonesian way
        box.locator("input").press("Enter")
        assert box.locator(".ck-hasil").inner_text().startswith("Benar")
        assert box.locator(".ck-jelas").is_visible()

    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert quiz.bounding_box()["width"] <= PHONE["width"]
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("""async () => (await axe.run('.cerdas-kuis', {resultTypes: ['violations']}))
        .violations.filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id + ': ' + v.help)""")
    assert violations == []
    assert phone["foreign"] == [] and phone["errors"] == []


def test_without_javascript_the_answers_are_one_click_away(built_course, phone):
    page_rel, quiz_path = next(iter(lesson_pages(built_course).items()))
    items, _ = kuis.read(quiz_path)
    context = phone["browser"].new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{phone['base']}/{page_rel}", wait_until="load")
        quiz = page.locator(".cerdas-kuis").first
        assert quiz.locator("button.ck-periksa:visible").count() == 0
        summary = quiz.locator("details summary").first
        summary.scroll_into_view_if_needed()
        assert summary.inner_text() == "Lihat pembahasan"
        summary.click()
        text = _words(quiz.locator("details").first.inner_text())
        first = items[0]
        for option in first.pilihan or ():
            assert _words(option.penjelasan) in text
    finally:
        context.close()


def _words(text: str) -> str:
    """Text as the browser shows it, whitespace collapsed (code spans lose their backticks)."""
    return " ".join(text.replace("`", "").split())
