"""The instructor gradebook on a real PostgreSQL server, for hubs where several instructors grade at once.

The server is started by the test on 127.0.0.1 (a throwaway cluster made with ``initdb``); ``.ci/run``
installs PostgreSQL. Scores written there must equal those nbgrader writes to SQLite, and two
instructors grading at the same time from their own copies of the course must both land.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import sys
import time
from pathlib import Path

import pytest

from cerdas.assignments.nbgrader import run_nbgrader
from cerdas.grading.gradebook import scores
from cerdas.grading.report import write_reports
from conftest import REPO, need_tool
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
    run_nbgrader("generate_assignment", "kuadrat", course_dir=course_dir, course=real_course, extra=[f"--db={url}"])


def test_two_instructors_grade_into_postgres_at_once(tmp_path, real_course, postgres_url):
    """Two instructors, each with their own copy of the course, grade their groups into one PostgreSQL
    gradebook at the same time; every score equals what nbgrader autograde writes to SQLite for the
    same submissions, and the instructor reports read it."""
    groups = {"a": {"ani": "correct.ipynb", "agus": "wrong.ipynb"},
              "b": {"budi": "correct.ipynb", "bela": "blank.ipynb"}}
    courses = {name: make_course(tmp_path / name, real_course, plan) for name, plan in groups.items()}
    reference = make_course(tmp_path / "nbgrader", real_course, {**groups["a"], **groups["b"]})
    _release_into(postgres_url, courses["a"], real_course)
    graders = [subprocess.Popen([sys.executable, "-m", "cerdas", "grade", "kuadrat", "--course-dir", str(c),
                                 "--db", postgres_url, "--jobs", "1", "--force"],
                                env={**os.environ, "CERDAS_ROOT": str(REPO)}, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True) for c in courses.values()]
    run_nbgrader("autograde", "kuadrat", course_dir=reference, course=real_course)
    logs = [g.communicate(timeout=300)[0] for g in graders]
    assert [g.returncode for g in graders] == [0, 0], logs
    table = scores(postgres_url, "kuadrat")
    assert table == scores(f"sqlite:///{reference / 'gradebook.db'}", "kuadrat")
    assert (total(table, "ani"), total(table, "budi"), total(table, "bela")) == (2, 2, 0)
    assert total(table, "agus") < 2
    outputs = write_reports(course_dir=courses["b"], assignment="kuadrat", db_url=postgres_url)
    csv = next(p for p in outputs if p.suffix == ".csv").read_text(encoding="utf-8")
    assert all(name in csv for name in ("ani", "agus", "budi", "bela"))
