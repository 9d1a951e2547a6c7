"""`cerdas grade --scheduler`: the same grading runs on a real Dask cluster (a scheduler and two
workers started on 127.0.0.1 by this test) and gives the same scores as local grading."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest

from cerdas.grading import grade
from cerdas.grading.gradebook import scores
from test_grading import make_course, total

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def cluster(tmp_path):
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", str(port), "--dashboard-address", ":0", "--no-show"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)]
    for _ in range(2):
        procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                       "--no-dashboard", "--host", "127.0.0.1"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path))
    from dask.distributed import Client

    deadline = time.monotonic() + 120
    while True:
        try:
            with Client(address, timeout=5) as client:
                if len(client.scheduler_info()["workers"]) == 2:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail("the Dask cluster did not come up")
        time.sleep(1)
    yield address
    for proc in reversed(procs):
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_grading_on_a_dask_cluster(tmp_path, real_course, cluster):
    plan = {"benar": "correct.ipynb", "salah": "wrong.ipynb", "dihafal": "hard-coded.ipynb", "kosong": "blank.ipynb"}
    course = make_course(tmp_path / "dask", real_course, plan)
    run = grade(course=course, assignment="kuadrat", scheduler=cluster, progress=False)
    assert sorted(r.student for r in run.graded) == sorted(plan)
    table = scores(f"sqlite:///{course / 'gradebook.db'}", "kuadrat")
    assert {s: total(table, s) for s in plan} == {"benar": 2, "salah": 0, "dihafal": 0, "kosong": 0}
    assert (course / "autograded" / "benar" / "kuadrat" / "kuadrat.ipynb").is_file()
