"""The instructor gradebook on a real PostgreSQL server, for hubs where several instructors grade at once.

The server is started by the test on 127.0.0.1 (a throwaway cluster made with ``initdb``); ``.ci/run``
installs PostgreSQL. Scores written there must equal those nbgrader writes to SQLite, two
instructors grading at the same time from their own copies of the course must both land, and the
feedback, reports and certificates made afterwards must read them from there.
"""

from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest
from nbgrader.api import Gradebook

from cerdas.coursedir import CourseDir
from cerdas.assignments.nbgrader import run_nbgrader
from cerdas.cli import main
from cerdas.grading.gradebook import scores
from cerdas.grading.report import write_reports
from conftest import FIXTURES, REPO, need_tool
from test_grading import make_course, total

pytestmark = pytest.mark.slow
PASSWORD = "rahasia-uji"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    """A PostgreSQL server on 127.0.0.1 with password authentication; stopped and removed afterwards."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    bindir = Path(need_tool(f"{candidates[-1]}/initdb" if candidates else "initdb", "PostgreSQL gradebook test")).parent
    data = Path(tempfile.mkdtemp(prefix="cerdas-pg-"))
    (data / "pw").write_text(PASSWORD)
    run_as: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        owner = pwd.getpwnam("postgres") if _has_user("postgres") else pwd.getpwnam("nobody")
        for path in (data, data / "pw"):
            os.chown(path, owner.pw_uid, owner.pw_gid)
        run_as = ["runuser", "-u", owner.pw_name, "--"]
    subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data / "db"), "-U", "cerdas", "-A", "scram-sha-256",
                    f"--pwfile={data / 'pw'}", "-E", "UTF8"], check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen([*run_as, str(bindir / "postgres"), "-D", str(data / "db"), "-h", "127.0.0.1",
                               "-p", str(port), "-k", str(data)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while subprocess.run([str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
                             capture_output=True).returncode != 0:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"PostgreSQL did not start: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        yield f"postgresql://cerdas:{PASSWORD}@127.0.0.1:{port}/postgres"
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _release_into(url: str, course_dir: Path, real_course) -> None:
    """Register the released assignment in the PostgreSQL gradebook, as `cerdas assignments release --db` would."""
    run_nbgrader("generate_assignment", "kuadrat", course=CourseDir.open(course_dir, db_url=url))


GROUPS = {"a": {"ani": "correct.ipynb", "agus": "wrong.ipynb"},
          "b": {"budi": "correct.ipynb", "bela": "blank.ipynb"}}


@pytest.fixture(scope="module")
def two_instructors(tmp_path_factory, real_course, postgres_url):
    """Two instructors, each with their own copy of the course, grade their groups into one PostgreSQL
    gradebook at the same time with `cerdas grade --db`; nbgrader autograde grades the same
    submissions into SQLite for reference. Each instructor's course directory keeps its own SQLite
    gradebook, which holds no submission: whatever reads it instead of PostgreSQL finds nobody."""
    tmp = tmp_path_factory.mktemp("pg")
    shared = tmp / "rilis"  # where the release into PostgreSQL runs, beside the SQLite releases
    shutil.copytree(FIXTURES / "assignments" / "sound", shared / "source")
    shutil.copy(REPO / "assignments" / "nbgrader_config.py", shared)
    with ThreadPoolExecutor(1) as pool:  # nbgrader's steps overlap: release with release, autograde with grade
        released = pool.submit(_release_into, postgres_url, shared, real_course)
        courses = {name: make_course(tmp / name, real_course, plan) for name, plan in GROUPS.items()}
        reference = make_course(tmp / "nbgrader", real_course, {**GROUPS["a"], **GROUPS["b"]})
        released.result()
        autograded = pool.submit(run_nbgrader, "autograde", "kuadrat", course=CourseDir.open(reference))
        graders = [subprocess.Popen([sys.executable, "-m", "cerdas", "grade", "kuadrat", "--course-dir", str(c),
                                     "--db", postgres_url, "--jobs", "1", "--force"],
                                    env={**os.environ, "CERDAS_ROOT": str(REPO)}, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True) for c in courses.values()]
        logs = [g.communicate(timeout=300)[0] for g in graders]
        autograded.result()
    assert [g.returncode for g in graders] == [0, 0], logs
    return courses, reference


def test_two_instructors_grade_into_postgres_at_once(two_instructors, postgres_url):
    """Both groups land, and every score equals what nbgrader autograde writes to SQLite."""
    _, reference = two_instructors
    table = scores(postgres_url, "kuadrat")
    assert table == scores(f"sqlite:///{reference / 'gradebook.db'}", "kuadrat")
    assert (total(table, "ani"), total(table, "budi"), total(table, "bela")) == (2, 2, 0)
    assert total(table, "agus") < 2


def feedback_page(course: Path, student: str) -> str:
    return (course / "feedback" / student / "kuadrat" / "kuadrat.html").read_text(encoding="utf-8")


def test_feedback_reads_postgres(two_instructors, real_course, postgres_url, capsys):
    """`cerdas grade --db` wrote feedback for every learner each instructor graded, with the scores in
    PostgreSQL; `cerdas feedback --db` writes it again; without --db it says which gradebook to give."""
    courses, _ = two_instructors
    for name, plan in GROUPS.items():
        for student in plan:
            assert (courses[name] / "feedback" / student / "kuadrat" / "kuadrat.html").is_file(), student
    assert "2 / 2 poin" in feedback_page(courses["a"], "ani")
    assert "tes tersembunyi: lulus" in feedback_page(courses["a"], "ani")
    assert "0 / 2 poin" in feedback_page(courses["b"], "bela")
    assert "Jawaban belum ditulis" in feedback_page(courses["b"], "bela")
    root, course_a = ["--root", str(real_course.root)], ["--course-dir", str(courses["a"])]
    (courses["a"] / "feedback" / "agus" / "kuadrat" / "kuadrat.html").unlink()
    assert main([*root, "feedback", "kuadrat", *course_a, "--db", postgres_url]) == 0
    assert "tidak lulus" in feedback_page(courses["a"], "agus")
    capsys.readouterr()
    assert main([*root, "feedback", "kuadrat", *course_a]) == 1
    err = capsys.readouterr().err
    assert "holds none of the 2 autograded submission(s)" in err and "--db URL" in err


def test_reports_read_postgres(two_instructors, postgres_url):
    """The grades table and the item analysis hold both instructors' learners, with PostgreSQL's scores."""
    courses, _ = two_instructors
    outputs = write_reports(course=CourseDir.open(courses["b"], db_url=postgres_url), assignment="kuadrat")
    grades = pd.read_csv(next(p for p in outputs if p.suffix == ".csv")).set_index("id")
    assert sorted(grades.index) == ["agus", "ani", "bela", "budi"]
    assert (grades.loc["ani", "total"], grades.loc["budi", "total"], grades.loc["bela", "total"]) == (2, 2, 0)
    analysis = next(p for p in outputs if p.name.startswith("analisis-butir")).read_text(encoding="utf-8")
    assert "4 peserta" in analysis


def test_certificates_issued_from_postgres(two_instructors, real_course, postgres_url, capsys):
    """The instructor grades ani's written answer in PostgreSQL: ani passes (5 of 5 points), nobody
    else does; the certificate's code verifies against PostgreSQL, not against the SQLite gradebook."""
    courses, _ = two_instructors
    with Gradebook(postgres_url) as gb:
        gb.find_grade("refleksi_kuadrat", "kuadrat", "kuadrat", "ani").manual_score = 3
        gb.db.commit()
    root, course_a = ["--root", str(real_course.root)], ["--course-dir", str(courses["a"])]
    assert main([*root, "certificates", *course_a, "--db", postgres_url]) == 0
    assert [p.name for p in (courses["a"] / "sertifikat").glob("*.pdf")] == ["sertifikat-ani.pdf"]
    [code] = json.loads((courses["a"] / ".cerdas" / "sertifikat.json").read_text())
    capsys.readouterr()
    assert main([*root, "certificates", "verify", code, *course_a, "--db", postgres_url]) == 0
    assert "sah: ani" in capsys.readouterr().out
    assert main([*root, "certificates", "verify", code, *course_a]) == 1
