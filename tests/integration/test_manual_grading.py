"""The manual grading round trip: an instructor grades a learner's written answer in nbgrader's
formgrader (in Chromium), then every output the toolkit makes from the gradebook shows that grade.

One small batch of the 'kuadrat' fixture (two learners, each with a written answer of their own) is
graded with ``cerdas grade``; a Jupyter server with the formgrader extension serves the course
directory. In the browser the instructor opens Manual Grading, picks the learner, types a score and
a comment for the written answer and leaves each field, which is when formgrader saves it. Afterwards
``cerdas feedback``, the grades table and item analysis (``cerdas grade`` again: unchanged submissions
are not regraded, the reports are rewritten), ``cerdas certificates`` and the cohort dashboard must
all show the new score; each is first checked to show the answer as not yet graded, so every check
below can fail.
"""

from __future__ import annotations

import html
import os
import re
import secrets
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
import requests

from cerdas import certificates, cohort
from cerdas.cli import main
from cerdas.coursedir import CourseDir
from cerdas.grading import grade
from conftest import REPO
from local_hub import free_port
from test_binder import ARTIFACTS, jupyterlab_browser
from test_grading import make_course

pytestmark = pytest.mark.slow
LEARNER, OTHER = "ani", "budi"  # ani's code is right (2 of 5 points), budi's is wrong (0)
WRITTEN = "refleksi_kuadrat"  # the fixture's written answer, 3 points, graded by hand
SCORE, COMMENT = 2, "Alasannya tepat untuk bilangan negatif; sebutkan juga kuadrat dari nol."


@contextmanager
def formgrader(course: Path):
    """``jupyter server`` with nbgrader's formgrader, started in the course directory (nbgrader reads
    its nbgrader_config.py and gradebook.db from there, as on an instructor's hub server); yields
    (url, token) once the formgrader API answers."""
    port, token = free_port(), secrets.token_hex(16)
    home = course.parent / "jupyter"
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime")}
    command = [sys.executable, "-m", "jupyter_server", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={course}",
               "--ServerApp.jpserver_extensions={'nbgrader.server_extensions.formgrader': True}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log_path = course.parent / "formgrader.log"
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(command, cwd=course, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 90
            while True:
                assert proc.poll() is None, log_path.read_text(errors="replace")[-3000:]
                try:
                    answer = requests.get(f"{url}/formgrader/api/assignments", timeout=5,
                                          headers={"Authorization": f"token {token}"})
                    if answer.status_code == 200 and "kuadrat" in answer.text:
                        break
                except requests.ConnectionError:
                    pass
                assert time.monotonic() < deadline, "no answer: " + log_path.read_text(errors="replace")[-3000:]
                time.sleep(0.5)
            yield url, token
        finally:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def grade_by_hand(url: str, token: str) -> None:
    """Manual Grading > kuadrat > kuadrat > the learner's submission; a score and a comment on the
    written answer, each saved by formgrader when the field is left (its PUT must succeed)."""
    with jupyterlab_browser("the formgrader round trip") as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900},
                                      extra_http_headers={"Authorization": f"token {token}"})
        page = context.new_page()
        page.set_default_timeout(60_000)
        # Offline, as the tests always are: only the local server is reached. Formgrader's page asks a
        # CDN for MathJax; that script fails to load, and with it only the page's scroll and keyboard
        # helpers (formgrade.js) - the grading form works without them.
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{url}/formgrader/gradebook/kuadrat/kuadrat")
        row = page.locator("tbody tr").filter(has=page.locator("a.name-shown", has_text=re.compile(f"^{LEARNER}$")))
        row.locator("a.name-hidden").click()  # names are hidden by default: "Submission #n"
        page.wait_for_function("() => window.formgrader && formgrader.grades && formgrader.grades.loaded "
                               "&& formgrader.comments.loaded")
        score, comment = page.locator(f"#{WRITTEN}"), page.locator(f"#{WRITTEN}-comment")
        assert score.input_value() == "" and comment.input_value() == ""  # not graded yet
        with page.expect_response(lambda r: "/formgrader/api/grade/" in r.url and r.request.method == "PUT") as saved:
            score.fill(str(SCORE))
            score.press("Tab")  # formgrader saves a score on its change event, when the field is left
        assert saved.value.ok and float(saved.value.json()["manual_score"]) == SCORE, saved.value.text()
        with page.expect_response(lambda r: "/formgrader/api/comment/" in r.url and r.request.method == "PUT") as saved:
            comment.fill(COMMENT)
            comment.press("Tab")
        assert saved.value.ok and saved.value.json()["manual_comment"] == COMMENT, saved.value.text()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "formgrader-nilai-manual.png"), full_page=True)
        assert all("MathJax" in e for e in errors), errors  # nothing else on the page failed


def write_answer(course: Path, student: str, text: str) -> None:
    """The learner's own words in the written answer (the fixtures leave nbgrader's stub there, which
    nbgrader scores 0 without asking the instructor)."""
    import nbformat

    path = course / "submitted" / student / "kuadrat" / "kuadrat.ipynb"
    nb = nbformat.read(path, as_version=4)
    [cell] = [c for c in nb.cells if (c.metadata.get("nbgrader") or {}).get("grade_id") == WRITTEN]
    cell.source = text
    nbformat.write(nb, path)


def feedback_page(course: Path, student: str) -> str:
    return html.unescape((course / "feedback" / student / "kuadrat" / "kuadrat.html").read_text(encoding="utf-8"))


def written_part(page: str) -> str:
    """The feedback page's section of the question graded by the instructor."""
    [section] = [s for s in page.split("<section>") if "pengajar" in s]
    return section


def test_formgrader_grade_reaches_feedback_reports_certificates_and_cohort(tmp_path, real_course, capsys):
    course = make_course(tmp_path / "kursus", real_course, {LEARNER: "correct.ipynb", OTHER: "wrong.ipynb"})
    write_answer(course, LEARNER, "Bilangan negatif dikali bilangan negatif hasilnya positif.")
    write_answer(course, OTHER, "Karena kuadrat selalu dibulatkan ke atas.")
    run = grade(course=course, assignment="kuadrat", workers=2, progress=False)
    assert sorted(r.student for r in run.graded) == [LEARNER, OTHER]
    cli = ["--root", str(REPO)]
    csv_path = course / "reports" / "kuadrat" / "nilai-kuadrat.csv"
    items_path = course / "reports" / "kuadrat" / "analisis-butir-kuadrat.html"

    # Before: the written answer waits for the instructor everywhere.
    assert "Belum dinilai pengajar." in written_part(feedback_page(course, LEARNER))
    assert pd.isna(pd.read_csv(csv_path).set_index("id").loc[LEARNER, WRITTEN])
    assert "belum dinilai pengajar" in items_path.read_text(encoding="utf-8")
    assert main([*cli, "certificates", "--course-dir", str(course)]) == 0  # 2 of 5 points: no certificate
    assert not list((course / "sertifikat").glob("*.pdf"))
    before = cohort.collect(grading=CourseDir.open(course), course=real_course).learners.set_index("id")
    assert before.loc[LEARNER, "kuadrat:status"] == "menunggu penilaian"

    with formgrader(course) as (url, token):
        grade_by_hand(url, token)

        # cerdas feedback: the score and the comment, on the learner's page only
        assert main([*cli, "feedback", "kuadrat", "--course-dir", str(course)]) == 0
        written = written_part(feedback_page(course, LEARNER))
        assert f"{SCORE} / 3 poin" in written and "Dinilai pengajar." in written, written
        assert f"Komentar pengajar: {COMMENT}" in written, written
        assert "Nilai sementara: 4 dari 5 poin" in feedback_page(course, LEARNER)
        assert "Belum dinilai pengajar." in written_part(feedback_page(course, OTHER))
        assert COMMENT not in feedback_page(course, OTHER)

        # cerdas grade again (nothing changed, nothing regraded): the grades table and item analysis
        capsys.readouterr()
        assert main([*cli, "grade", "kuadrat", "--course-dir", str(course), "--jobs", "2"]) == 0
        assert "graded 0, unchanged 2" in capsys.readouterr().out
        table = pd.read_csv(csv_path).set_index("id")
        assert (table.loc[LEARNER, WRITTEN], table.loc[LEARNER, "total"]) == (SCORE, 2 + SCORE)
        assert pd.isna(table.loc[OTHER, WRITTEN])
        items = items_path.read_text(encoding="utf-8")
        assert "belum dinilai pengajar" not in items
        row = re.search(rf"<tr><td>{WRITTEN}</td>(.*?)</tr>", items, re.S).group(1)
        assert "1 dari 2" in row and f"{SCORE},00" in row, row  # one learner graded, mean 2 points

        # cerdas certificates: 4 of 5 points now passes (threshold 0.7); budi's 0 does not
        assert {s.student: s.points for s in certificates.standings(f"sqlite:///{course / 'gradebook.db'}")} \
            == {LEARNER: 2 + SCORE, OTHER: 0}
        assert main([*cli, "certificates", "--course-dir", str(course)]) == 0
        assert [p.name for p in (course / "sertifikat").glob("*.pdf")] == [f"sertifikat-{LEARNER}.pdf"]

        # cerdas cohort: the assignment is completed, with the new score; budi's still waits
        found = cohort.collect(grading=CourseDir.open(course), course=real_course)
        learners, summary = found.learners.set_index("id"), found.summary.set_index("id")
        assert learners.loc[LEARNER, "kuadrat:status"] == "selesai"
        assert learners.loc[LEARNER, "kuadrat:nilai"] == pytest.approx((2 + SCORE) / 5)
        assert learners.loc[OTHER, "kuadrat:status"] == "menunggu penilaian"
        assert (summary.loc[LEARNER, "tugas_selesai"], summary.loc[LEARNER, "sertifikat"]) == (1, True)
        assert summary.loc[LEARNER, "rata_rata_nilai"] == pytest.approx((2 + SCORE) / 5)
