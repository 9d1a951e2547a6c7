"""A training day on a real JupyterHub (deploy/jupyterhub/jupyterhub_config.py, local overrides only):
an instructor and two learners log in with their own tokens; the instructor releases an assignment;
each learner fetches it, answers (one right, one partly wrong) and submits as themselves through
nbgrader's assignment list on their own server; the instructor collects, grades with `cerdas grade`
and releases feedback; each learner fetches only their own. Real Unix users, real file permissions,
a real exchange; a second course on the same hub stays invisible to a learner not enrolled in it."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from cerdas.links import LaunchSettings, pull_link
from conftest import FIXTURES, REPO, need_tool

pytestmark = pytest.mark.slow
SOURCE = FIXTURES / "assignments" / "sound" / "kuadrat" / "kuadrat.ipynb"
RIGHT = "def kuadrat(x):\n    return x * x"
PARTLY_WRONG = "def kuadrat(x):\n    return abs(x) * x  # benar untuk bilangan positif saja"


def shell(*commands: str, cwd: str) -> str:
    """Python for a user's kernel: run shell commands in ``cwd`` (under ~), fail loudly with their log."""
    return (
        "import os, subprocess\n"
        f"os.chdir(os.path.expanduser({cwd!r}))\n"
        f"for cmd in {list(commands)!r}:\n"
        "    r = subprocess.run(cmd, shell=True, capture_output=True, text=True)\n"
        "    print('$', cmd, '->', r.returncode, r.stdout[-600:])\n"
        "    if r.returncode:\n"
        "        raise RuntimeError(r.stdout[-3000:] + r.stderr[-3000:])\n")


def answer(notebook: dict, solution: str) -> dict:
    for cell in notebook["cells"]:
        grade_id = (cell["metadata"].get("nbgrader") or {}).get("grade_id")
        if grade_id == "kuadrat_jawaban":
            cell["source"] = solution
        elif grade_id == "refleksi_kuadrat":
            cell["source"] = "Hasil kali dua bilangan bertanda sama selalu positif."
    return notebook


def probe(user, paths: dict[str, str]) -> dict[str, str]:
    """What ``user`` gets when listing or reading each path: 'ok' or the error's name."""
    code = (
        "import json, os\n"
        f"paths = {paths!r}\n"
        "seen = {}\n"
        "for label, path in paths.items():\n"
        "    try:\n"
        "        os.listdir(path) if os.path.isdir(path) or label.startswith('list') else open(path, 'rb').read()\n"
        "        seen[label] = 'ok'\n"
        "    except OSError as exc:\n"
        "        seen[label] = type(exc).__name__\n"
        "print(json.dumps(seen))\n")
    return json.loads(user.run(code).strip().splitlines()[-1])


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    """Run the whole day once; the tests below check what it left behind."""
    if os.geteuid() != 0:
        pytest.skip("the hub test creates Unix users and starts servers as them: run as root (CI does)")
    need_tool("configurable-http-proxy", "JupyterHub's proxy (npm install -g configurable-http-proxy)")
    need_tool("useradd", "throwaway Unix users for the hub's learners")
    from local_hub import LocalHub

    hub = LocalHub({"cerdas": {"instructors": ["guru"], "students": ["siti", "budi"]},
                    "lanjut": {"instructors": ["guru"], "students": ["budi"]}})
    try:
        hub.start()
        guru, siti, budi = (hub.login(name) for name in ("guru", "siti", "budi"))
        hub.start_servers([guru, siti, budi])
        record = {"hub": hub, "guru": guru, "siti": siti, "budi": budi}

        # A lesson link from `cerdas links` pulls the course into the learner's home (nbgitpuller).
        lesson = "notebooks/00-coba/coba.ipynb"
        origin = hub.course_repository({lesson: SOURCE.read_text(encoding="utf-8")})
        link = pull_link(hub.url, lesson, LaunchSettings(repo_url=origin, branch="main", interface="jupyterlab",
                                                          hub=hub.url, book_path=""))
        # /hub/user-redirect/ sends a logged-in browser to its own server; hub pages need the login
        # cookie, not a token, so the test takes that one step itself.
        prefix, query = link.split("?", 1)
        record["pull_prefix"] = prefix
        record["pull_page"] = siti.http.get(f"{siti.server}/git-pull?{query}").status_code
        record["pull_events"] = siti.http.get(f"{siti.server}/git-pull/api?{query}", timeout=120).text
        record["pulled"] = siti.get(link.split("urlpath=lab/tree/")[1].split("&")[0])["type"]

        # The instructor uploads the course (the 'kuadrat' fixture) and a second course, and releases both.
        nb = json.loads(SOURCE.read_text(encoding="utf-8"))
        guru.upload_text("kursus/cerdas/nbgrader_config.py", (REPO / "assignments" / "nbgrader_config.py").read_text())
        for folder in ("kursus/cerdas/source", "kursus/cerdas/source/kuadrat", "kursus/lanjut",
                       "kursus/lanjut/source", "kursus/lanjut/source/pangkat"):
            guru.mkdir(folder)
        guru.upload_notebook("kursus/cerdas/source/kuadrat/kuadrat.ipynb", nb)
        guru.upload_notebook("kursus/lanjut/source/pangkat/kuadrat.ipynb", nb)
        other = "--CourseDirectory.course_id=lanjut --CourseDirectory.root=$HOME/kursus/lanjut"
        guru.run(shell("nbgrader generate_assignment kuadrat --force", "nbgrader release_assignment kuadrat --force",
                       cwd="~/kursus/cerdas"), timeout=180)
        guru.run(shell(f"nbgrader generate_assignment pangkat --force {other}",
                       f"nbgrader release_assignment pangkat --force {other}", cwd="~/kursus/lanjut"), timeout=180)

        # What each learner's Assignments tab lists, and a try at fetching the other course's assignment.
        record["listed"] = {u.name: sorted((a["course_id"], a["assignment_id"]) for a in u.assignments())
                            for u in (siti, budi)}
        siti.assignment_action("fetch", "lanjut", "pangkat")
        record["siti_has_lanjut"] = siti.run("import os; print(os.path.exists(os.path.expanduser('~/lanjut')))").strip()

        # Each learner fetches, answers and submits, as themselves.
        for user, solution in ((siti, RIGHT), (budi, PARTLY_WRONG)):
            listed = user.assignment_action("fetch", "cerdas", "kuadrat")
            fetched = next(a for a in listed["value"] if a["assignment_id"] == "kuadrat" and a["status"] == "fetched")
            path = fetched["notebooks"][0]["path"]
            user.upload_notebook(path, answer(user.get(path)["content"], solution))
            result = user.assignment_action("submit", "cerdas", "kuadrat")
            assert result.get("success", True), result
            record[f"{user.name}_notebook"] = path

        # A learner's attempts at others' files, with real permissions.
        guru_home, siti_home = (str(hub.homes / u.name) for u in (guru, siti))
        record["budi_probe"] = probe(budi, {
            "list inbound": str(hub.exchange / "cerdas" / "inbound"),
            "instructor source": f"{guru_home}/kursus/cerdas/source/kuadrat/kuadrat.ipynb",
            "instructor gradebook folder": f"{guru_home}/kursus/cerdas",
            "other learner's answer": f"{siti_home}/{record[siti.name + '_notebook']}",
            "own answer": str(hub.homes / budi.name / record[budi.name + "_notebook"]),
        })

        # The instructor collects, grades with cerdas and releases the feedback.
        record["grade_log"] = guru.run(shell(
            "nbgrader collect kuadrat", "cerdas grade kuadrat --course-dir . --jobs 1 --cell-timeout 30 2>&1",
            "nbgrader release_feedback kuadrat", cwd="~/kursus/cerdas"), timeout=240)
        record["scores"] = json.loads(guru.run(
            "import json, os\nfrom cerdas.grading.gradebook import scores\n"
            "db = 'sqlite:///' + os.path.expanduser('~/kursus/cerdas/gradebook.db')\n"
            "print(json.dumps(scores(db, 'kuadrat')))").strip().splitlines()[-1])

        # Each learner fetches feedback; what arrives in their folder.
        for user in (siti, budi):
            user.assignment_action("fetch_feedback", "cerdas", "kuadrat")
            folder = str(Path(record[f"{user.name}_notebook"]).parent / "feedback")
            found = []
            for stamp in user.get(folder)["content"]:
                found += [user.get(f["path"])["content"] for f in user.get(stamp["path"])["content"]
                          if f["name"].endswith(".html")]
            record[f"{user.name}_feedback"] = found
        record["formgrader"] = {u.name: u.http.get(f"{u.server}/formgrader").status_code for u in (guru, siti)}
        record["lab_page"] = {u.name: u.http.get(f"{u.server}/lab").text for u in (guru, siti)}
        yield record
    finally:
        hub.stop()


def test_lesson_link_pulls_the_course_and_opens_the_notebook(day):
    """The link form of `cerdas links` and the site's button: the learner's own server clones the course
    into their home; the notebook the link names is then there to open."""
    assert day["pull_prefix"] == f"{day['hub'].url}/hub/user-redirect/git-pull"
    assert day["pull_page"] == 200
    assert '"phase": "finished"' in day["pull_events"], day["pull_events"][-2000:]
    assert day["pulled"] == "notebook"


def test_scores_are_as_expected(day):
    """The right answer earns the test cell's 2 points; the partly wrong one (fails the hidden test) none."""
    siti, budi = day["siti"].name, day["budi"].name
    assert day["scores"][siti]["kuadrat:kuadrat_tes"] == 2, day["grade_log"]
    assert day["scores"][budi]["kuadrat:kuadrat_tes"] == 0
    assert "graded 2, unchanged 0, input problems 0" in day["grade_log"]


def test_each_learner_fetches_only_their_own_feedback(day):
    siti, budi = day["siti"].name, day["budi"].name
    assert len(day[f"{siti}_feedback"]) == 1 and len(day[f"{budi}_feedback"]) == 1
    mine, theirs = day[f"{siti}_feedback"][0], day[f"{budi}_feedback"][0]
    assert siti in mine and budi not in mine
    assert budi in theirs and siti not in theirs
    assert "tes tersembunyi: lulus" in mine
    assert "Tes terlihat: lulus" in theirs and "tes tersembunyi: tidak lulus" in theirs
    assert "kuadrat(-4)" not in theirs, "hidden tests must never reach a learner"


def test_learner_cannot_read_others_work_or_the_instructors_course(day):
    assert day["budi_probe"] == {
        "list inbound": "PermissionError",
        "instructor source": "PermissionError",
        "instructor gradebook folder": "PermissionError",
        "other learner's answer": "PermissionError",
        "own answer": "ok",
    }


def test_courses_on_one_hub_do_not_see_each_other(day):
    """siti is only in 'cerdas'; budi is in both: the list follows hub groups, and fetching fails too."""
    siti, budi = day["siti"].name, day["budi"].name
    assert day["listed"][siti] == [("cerdas", "kuadrat")]
    assert day["listed"][budi] == [("cerdas", "kuadrat"), ("lanjut", "pangkat")]
    assert day["siti_has_lanjut"] == "False"


def test_instructor_tools_only_for_instructors(day):
    guru, siti = day["guru"].name, day["siti"].name
    assert day["formgrader"] == {guru: 200, siti: 404}
    page = {name: json.loads(re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', html, re.S).group(1))
            for name, html in day["lab_page"].items()}
    assert "@jupyter/nbgrader:formgrader" in page[siti]["disabledExtensions"]
    assert "@jupyter/nbgrader:assignment-list" not in page[siti]["disabledExtensions"]
    assert "@jupyter/nbgrader:formgrader" not in page[guru]["disabledExtensions"]
