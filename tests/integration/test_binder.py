"""The repository as Binder builds it, without Docker: a clean virtual environment with exactly
requirements.txt, then postBuild, then JupyterLab on 127.0.0.1 serving the course. A lesson opens and
runs, JupyterLab speaks Indonesian, learners get nbgrader's assignment list but not the instructor tools.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import venv
from contextlib import contextmanager

import pytest
import requests

from cerdas.lab import MENU_TITLES
from conftest import REPO, copy_course, fresh_event_loop, need_tool

pytestmark = pytest.mark.slow
LESSON = "notebooks/00-memulai/memulai.ipynb"
ARTIFACTS = REPO / "tests" / "artifacts"
INSTRUCTOR_PLUGINS = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                      "@jupyter/nbgrader:course-list"]


@pytest.fixture(scope="module")
def binder(tmp_path_factory):
    """What repo2docker does for this repository, then `jupyter lab` as Binder starts it."""
    sys.path.insert(0, str(REPO / "tests"))
    from local_hub import free_port

    root = tmp_path_factory.mktemp("binder")
    env_dir = root / "env"
    started = time.perf_counter()
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": str(root / "home"),
           "VIRTUAL_ENV": str(env_dir)}
    for key in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_PATH", "JUPYTER_PATH", "CERDAS_ROOT",
                "PYTHONPATH"):
        env.pop(key, None)
    (root / "home").mkdir()
    wheelhouse = REPO / ".cache" / "wheelhouse"
    need_tool(str(wheelhouse), "the offline wheelhouse of requirements.txt; build it with `bash .ci/provision`")
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-compile",
                              "--no-index", "--find-links", str(wheelhouse), "-r", "requirements.txt"],
                             cwd=REPO, env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-3000:]
    post = subprocess.run(["bash", "postBuild"], cwd=REPO, env=env, capture_output=True, text=True)
    assert post.returncode == 0, post.stdout[-2000:] + post.stderr[-2000:]
    setup_seconds = time.perf_counter() - started

    course = copy_course(root / "repo")
    port, token = free_port(), secrets.token_hex(16)
    log = open(root / "lab.log", "wb")
    proc = subprocess.Popen([str(bin_dir / "jupyter"), "lab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
                             f"--port={port}", f"--IdentityProvider.token={token}",
                             f"--ServerApp.root_dir={course.root}"],
                            cwd=course.root, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    http = requests.Session()
    http.headers["Authorization"] = f"token {token}"
    try:
        for _ in range(240):
            try:
                if http.get(f"{url}/api/status", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.5)
            assert proc.poll() is None, (root / "lab.log").read_text()[-3000:]
        else:
            pytest.fail("JupyterLab did not start: " + (root / "lab.log").read_text()[-3000:])
        yield {"url": url, "token": token, "http": http, "course": course, "setup_seconds": setup_seconds,
               "prefix": env_dir}
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def jupyterlab_browser(why: str):
    """Headless Chromium with no background traffic of its own, for a check of JupyterLab in a browser
    (skipped, naming ``why``, where Chromium is missing); closed afterwards."""
    chromium = need_tool("/usr/bin/chromium", why)
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    fresh_event_loop()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            yield browser
        finally:
            browser.close()


def test_lesson_opens_and_runs(binder):
    """The first lesson opens through the contents API and every code cell runs in its kernel."""
    from local_hub import execute

    http, url = binder["http"], binder["url"]
    model = http.get(f"{url}/api/contents/{LESSON}").json()
    assert model["type"] == "notebook"
    session = http.post(f"{url}/api/sessions", json={"path": LESSON, "type": "notebook", "name": "memulai.ipynb",
                                                      "kernel": {"name": "python3"}}).json()
    cells = [c["source"] for c in model["content"]["cells"] if c["cell_type"] == "code"]
    output = "".join(execute(url, session["kernel"]["id"], binder["token"], code, timeout=120) for code in cells)
    assert "Selamat datang di kursus Cerdas!" in output
    assert "Banyaknya aduan (baris):" in output  # the course dataset loaded through cerdas.datasets


def test_indonesian_by_default(binder):
    """postBuild made id_ID the default locale: the settings API and the browser both say so."""
    http, url = binder["http"], binder["url"]
    setting = http.get(f"{url}/lab/api/settings/@jupyterlab/translation-extension:plugin").json()
    assert setting["schema"]["properties"]["locale"]["default"] == "id_ID"
    assert "id_ID" in http.get(f"{url}/lab/api/translations/").json()["data"]
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with jupyterlab_browser("the browser check of the Indonesian JupyterLab") as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{url}/lab/tree/{LESSON}?token={binder['token']}")
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
        page.wait_for_selector("#jp-MainMenu .lm-MenuBar-itemLabel", timeout=30_000)
        try:  # the menu settings arrive just after the first paint
            page.wait_for_function("document.querySelector('#jp-MainMenu .lm-MenuBar-itemLabel')"
                                   ".textContent !== 'File'", timeout=20_000)
        except PlaywrightTimeout:
            pass  # the assertion below shows what the menu bar says
        menus = page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").all_inner_texts()
        browser_headers = page.locator(".jp-DirListing-headerItem").all_inner_texts()
        page.locator("#jp-MainMenu .lm-MenuBar-item").first.click()
        page.wait_for_selector(".lm-Menu .lm-Menu-itemLabel")
        file_menu = page.locator(".lm-Menu .lm-Menu-itemLabel").all_inner_texts()
        page.screenshot(path=str(ARTIFACTS / "binder-jupyterlab-id.png"))
    # Menu titles (set by cerdas lab) and the language pack's own strings (menu items, file browser).
    assert [m for m in menus if m != "Nbgrader"] == list(MENU_TITLES.values()), menus
    assert {"Launcher Baru", "Tutup Tab", "Simpan Notebook", "Matikan"} <= set(file_menu), file_menu
    assert any("Nama" in h for h in browser_headers), browser_headers


def test_learners_get_the_assignment_list_not_instructor_tools(binder):
    http, url = binder["http"], binder["url"]
    html = http.get(f"{url}/lab").text
    page = json.loads(re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert all(name in page["disabledExtensions"] for name in INSTRUCTOR_PLUGINS)
    assert "@jupyter/nbgrader:assignment-list" not in page["disabledExtensions"]
    assert http.get(f"{url}/formgrader").status_code == 404
    assert http.get(f"{url}/assignments", params={"course_id": ""}).status_code == 200


def test_lessons_and_released_assignments_are_there(binder):
    """Every lesson, and every released assignment published in the repository, opens on Binder."""
    from cerdas.links import links

    http, url, course = binder["http"], binder["url"], binder["course"]
    for link in links(course=course, hub="https://hub.example"):
        if link.published:
            assert http.get(f"{url}/api/contents/{link.path}", params={"content": 0}).status_code == 200, link.path


def test_quiz_renders_and_answers_in_jupyterlab(binder):
    """A lesson's quiz cell run in JupyterLab (in Chromium) shows the quiz as HTML whose script works:
    a wrong answer gets "Belum tepat" and its explanation. Reopened with its output saved but not
    trusted (scripts and styles stripped), the quiz still offers "Lihat pembahasan" with the answers.
    The quiz is the test's own (tests/fixtures/kuis), beside a notebook in a lesson folder."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from cerdas import kuis

    folder = binder["course"].root / "notebooks" / "00-memulai"
    shutil.copy(REPO / "tests" / "fixtures" / "kuis" / "contoh.kuis.yml", folder / "kuis-uji.kuis.yml")
    spec = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    cell = new_code_cell('from cerdas import kuis\nkuis.tampilkan("kuis-uji")')
    nbformat.write(new_notebook(cells=[cell], metadata=spec), folder / "kuis-uji.ipynb")
    shown = kuis.muat("kuis-uji", folder=folder)
    saved = new_code_cell(cell.source, execution_count=1, outputs=[new_output(
        "execute_result", {"text/html": shown._repr_html_(), "text/plain": repr(shown)}, execution_count=1)])
    nbformat.write(new_notebook(cells=[saved], metadata=spec), folder / "kuis-tersimpan.ipynb")  # unsigned: untrusted

    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with jupyterlab_browser("the browser check of the quiz in JupyterLab") as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(60_000)
        page.goto(f"{binder['url']}/lab/tree/notebooks/00-memulai/kuis-uji.ipynb?reset&token={binder['token']}")
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell .jp-InputArea-editor")
        quiz = page.locator(".jp-OutputArea .cerdas-kuis")
        for _ in range(4):  # a key pressed while the editor or the kernel is still starting is lost
            page.locator(".jp-Cell .jp-InputArea-editor").first.click()
            page.keyboard.press("Shift+Enter")
            try:
                quiz.wait_for(timeout=30_000)
                break
            except PlaywrightTimeout:
                continue
        first = quiz.locator("fieldset.ck-soal").first
        first.locator(".ck-opsi").nth(1).locator("input").check()
        first.get_by_role("button", name="Periksa jawaban").click()
        live = first.locator(".ck-hasil").inner_text()
        explanation = first.locator(".ck-opsi").nth(1).locator(".ck-jelas").inner_text()
        page.screenshot(path=str(ARTIFACTS / "binder-kuis.png"))

        page.goto(f"{binder['url']}/lab/tree/notebooks/00-memulai/kuis-tersimpan.ipynb?reset&token={binder['token']}")
        saved_quiz = page.locator(".jp-OutputArea .cerdas-kuis")
        saved_quiz.wait_for(timeout=60_000)
        summaries = saved_quiz.locator("details summary").all_inner_texts()
        buttons = saved_quiz.locator("button:visible").count()
        saved_quiz.locator("details summary").first.click()
        answers = saved_quiz.locator("details").first.inner_text()
    assert live.startswith("Belum tepat"), live
    assert "memotong baris, bukan kolom" in explanation, explanation
    assert summaries == ["Lihat pembahasan"] * 5 and buttons == 0
    assert "Jawaban benar: A. Lima baris pertama tabel." in answers, answers


# MyST that JupyterLab's own Markdown renderer leaves as text: a role or directive name in braces, a
# directive's option line, or a fenced block whose "language" is a directive.
RAW_MYST = re.compile(r"\{(?:term|exercise|solution-start|solution-end|admonition)\}|^:(?:label|class):", re.M)
MYST_LESSON = "notebooks/01-literasi-data/literasi-data-pelayanan-publik.ipynb"
BOX = "notebooks/kotak-myst.ipynb"  # a planted notebook: a "Kesalahan umum" box and a term


def raw_myst_shown(page, url: str) -> list[str]:
    """Open ``url`` (JupyterLab or Notebook 7) and scroll through the notebook (only cells near the view
    are in the page); the markdown cells whose rendering still shows MyST syntax as text."""
    page.goto(url)
    page.wait_for_selector(".jp-NotebookPanel:visible .jp-MarkdownCell", timeout=60_000)
    page.wait_for_timeout(1_000)
    read: dict[str, str] = {}
    scroller = ".jp-NotebookPanel:visible .jp-WindowedPanel-outer"
    at_end = False
    for _ in range(400):
        for cell in page.locator(".jp-NotebookPanel:visible .jp-MarkdownCell").all():
            key = cell.get_attribute("data-windowed-list-index") or str(len(read))
            if key in read:
                continue
            fenced = cell.locator('code[class*="language-{"]').count()
            text = cell.inner_text()
            if text.strip() or fenced:  # a cell far from the view has no text laid out yet: read it later
                read[key] = ("```{" if fenced else "") + text
        before = page.eval_on_selector(scroller, "e => e.scrollTop")
        page.eval_on_selector(scroller, "e => { e.scrollTop += e.clientHeight * 0.8 }")
        page.wait_for_timeout(300)
        if page.eval_on_selector(scroller, "e => e.scrollTop") == before:
            if at_end:
                break
            at_end = True  # one more pass over the last cells, once they have rendered
            page.wait_for_timeout(1_000)
    assert read, f"no markdown cell read at {url}"
    return [f"cell {int(k) + 1}: {text[:80]!r}" for k, text in sorted(read.items(), key=lambda kv: int(kv[0]))
            if RAW_MYST.search(text) or text.startswith("```{")]


def test_lessons_render_myst_in_jupyterlab_offline(binder):
    """Glossary terms, exercises and admonition boxes render in JupyterLab and Notebook 7 (the
    jupyterlab-myst extension from requirements.txt), not as raw `{term}` or ```{exercise} text, and
    rendering fetches nothing from outside the server."""
    import nbformat
    from nbformat.v4 import new_markdown_cell, new_notebook

    url, token, course = binder["url"], binder["token"], binder["course"]
    box = new_notebook(cells=[
        new_markdown_cell("# Kotak\n\nSebuah {term}`notebook` berisi sel."),
        new_markdown_cell("```{admonition} Kesalahan umum\n:class: warning\n- Menulis `0,4` untuk 0.4.\n```")])
    nbformat.write(box, course.root / BOX)
    with jupyterlab_browser("the browser check of MyST in JupyterLab") as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        outside = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) else None)
        raw = {where: raw_myst_shown(page, f"{url}/{where}?reset&token={token}")
               for where in (f"lab/tree/{MYST_LESSON}", f"lab/tree/{BOX}", f"notebooks/{BOX}")}
        warning_box = page.locator(".jp-MarkdownCell", has_text="Kesalahan umum").first
        styled = warning_box.locator('[class*="warning"]', has_text="Menulis").count()
    assert not any(raw.values()), raw
    assert styled, "the Kesalahan umum box is not rendered as a warning admonition"
    assert not [u for u in outside if not u.startswith(("data:", "blob:"))], outside
