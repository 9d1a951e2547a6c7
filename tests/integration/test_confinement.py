"""What a submission's kernel can reach, graded by root and by an ordinary account.

Each run grades one batch with ``cerdas grade`` in a separate process: a submission that probes
everything it should not reach (the gradebook and its working copy, other submissions, the source,
the grader's home, a TCP port on 127.0.0.1), a 300-process fork storm, a 6 GB allocation, and two
correct submissions that must keep their full scores beside them.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import nbformat
import pytest

from cerdas.grading.gradebook import scores
from conftest import FIXTURES, REPO
from integration.test_grading import make_course, total

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux namespaces")]
BATCH = {"pengintip": "probes-the-sandbox.ipynb", "badai": "fork-storm-300.ipynb", "rakus": "allocates-6gb.ipynb",
         "benar": "correct.ipynb", "benar2": "correct.ipynb"}


def _account() -> str | None:
    """A throwaway ordinary account (as the hub test makes them), or None when not root."""
    if os.geteuid() != 0 or not shutil.which("useradd"):
        return None
    name = f"cg{uuid.uuid4().hex[:8]}"
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", name], check=True, capture_output=True)
    return name


def _grade(course: Path, home: Path, user: str | None, tmp: Path) -> subprocess.CompletedProcess:
    env = {"TMPDIR": str(tmp), "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "CERDAS_ROOT": str(REPO), "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
           "JPY_PARENT_PID": str(os.getpid())}  # as in a Jupyter terminal on the hub
    command = [sys.executable, "-m", "cerdas", "grade", "kuadrat", "--course-dir", str(course), "--jobs", "2",
               "--cell-timeout", "60", "--notebook-timeout", "150", "--memory-mb", "1024"]
    if user:
        runuser = shutil.which("runuser", path="/usr/sbin:/sbin:/usr/bin:/bin") or "runuser"
        command = [runuser, "-u", user, "--", "env", *[f"{k}={v}" for k, v in env.items()], *command]
    return subprocess.run(command, env=env, cwd=str(home), capture_output=True, text=True, timeout=400)


def _report(course: Path) -> dict:
    nb = nbformat.read(course / "autograded" / "pengintip" / "kuadrat" / "kuadrat.ipynb", as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and "LAPORAN " in out.get("text", ""):
                return json.loads(out["text"].split("LAPORAN ", 1)[1].splitlines()[0])
    raise AssertionError("the probing submission printed no report")


def _outputs(course: Path, student: str) -> str:
    nb = nbformat.read(course / "autograded" / student / "kuadrat" / "kuadrat.ipynb", as_version=4)
    return json.dumps([c.get("outputs", []) for c in nb.cells])


@pytest.fixture(scope="module", params=["root", "ordinary account"])
def graded(request, tmp_path_factory, real_course):
    user = None
    if request.param == "ordinary account":
        user = _account()
        if user is None:
            pytest.skip("needs root to create a throwaway account")
        request.addfinalizer(lambda: subprocess.run(["userdel", "--force", "--remove", user], capture_output=True))
        home = Path(pwd.getpwnam(user).pw_dir)
    elif os.geteuid() != 0:
        pytest.skip("the root run needs root")
    else:
        home = Path.home()
    # the ordinary account's course lives in its own home (pytest's temporary root is closed to it)
    base = home / f"kelas-{uuid.uuid4().hex[:6]}" if user else tmp_path_factory.mktemp("kurung")
    course = make_course(base / "kursus", real_course, {})
    if user:
        request.addfinalizer(lambda: shutil.rmtree(base, ignore_errors=True))
    secret = home / f".rahasia-{uuid.uuid4().hex}"
    secret.write_text("kunci rahasia pengajar")
    request.addfinalizer(lambda: secret.unlink(missing_ok=True))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    request.addfinalizer(listener.close)
    for student, fixture in BATCH.items():
        folder = course / "submitted" / student / "kuadrat"
        folder.mkdir(parents=True)
        text = (FIXTURES / "grading" / fixture).read_text(encoding="utf-8")
        for key, value in {"COURSE_DIR": str(course), "HOME_DIR": str(home), "SECRET_FILE": str(secret),
                           "PORT": str(listener.getsockname()[1])}.items():
            text = text.replace(key, value)
        (folder / "kuadrat.ipynb").write_text(text, encoding="utf-8")
    if user:
        entry = pwd.getpwnam(user)
        for path in [course.parent, *course.parent.rglob("*")]:
            os.chown(path, entry.pw_uid, entry.pw_gid)
        os.chown(secret, entry.pw_uid, entry.pw_gid)
        os.chmod(course.parent, 0o700)
    tmp = Path(tempfile.mkdtemp(prefix="ct", dir="/tmp"))  # the run's own temporary folder, to see what it leaves
    request.addfinalizer(lambda: shutil.rmtree(tmp, ignore_errors=True))
    if user:
        os.chown(tmp, entry.pw_uid, entry.pw_gid)
    done = _grade(course, home, user, tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    return request.param, course, done, scores(f"sqlite:///{course / 'gradebook.db'}", "kuadrat"), sorted(os.listdir(tmp))


def test_kernel_sees_only_its_own_submission(graded):
    """No gradebook, no working copy of it, no other submission, no source, no home: only its folder."""
    who, course, _, _, _ = graded
    report = _report(course)
    assert report["tetangga"] == [Path(report["cwd"]).name], who
    assert report["kursus"] is False and report["salinan"] == []
    own = Path(report["cwd"]).relative_to("/tmp").parts[0]  # the way down to its own folders, nothing else
    # A checkout under /tmp (a CI clone, say) shows the way down to the Python and toolkit it runs on.
    from cerdas.grading.confine import runtime_paths

    toolkit = {Path(p).relative_to("/tmp").parts[0] for p in runtime_paths() if p.startswith("/tmp/")}
    assert set(report["tmp"]) <= {own} | toolkit | {name for name in report["tmp"] if name.startswith("cerdas-k-")}
    for probe in ("baca_gradebook", "tulis_gradebook", "baca_sumber", "baca_kiriman_lain", "baca_rumah"):
        assert report[probe] in ("FileNotFoundError", "PermissionError", "OSError"), (who, probe, report[probe])
    assert not [name for name in report["isi_rumah"] if name.startswith(".rahasia-")]
    assert report["tulis_cwd"] == "bisa"
    assert 0 < report["proses"] < 10, "the kernel sees only its own processes"


def test_kernel_has_no_network(graded):
    """A connection to a port listening on the host's 127.0.0.1 fails inside the kernel."""
    who, course, _, _, _ = graded
    assert _report(course)["soket"] != "bisa", who


def test_storm_and_allocation_are_stopped_and_neighbours_keep_their_scores(graded):
    """The fork storm cannot make its 300 processes, 6 GB cannot be allocated, and both correct
    submissions in the same batch still earn full points."""
    who, course, done, table, _ = graded
    storm = _outputs(course, "badai")
    assert "dihentikan setelah" in storm and "proses dibuat 300" not in storm, (who, storm[-800:])
    assert "MemoryError" in _outputs(course, "rakus")
    assert total(table, "benar") == 2 and total(table, "benar2") == 2, done.stderr[-2000:]
    assert total(table, "pengintip") == 2


def test_unconfinable_host_is_refused_unless_no_sandbox(tmp_path, real_course, monkeypatch, capsys):
    """Where kernels cannot be confined, grading stops and says what a submission could reach;
    --no-sandbox grades anyway and warns."""
    from cerdas.cli import main

    course = make_course(tmp_path / "c", real_course, {"benar": "correct.ipynb"})
    monkeypatch.setenv("CERDAS_SANDBOX", "off")
    assert main(["grade", "kuadrat", "--course-dir", str(course), "--jobs", "1"]) != 0
    err = capsys.readouterr().err
    assert "kernels cannot be confined on this host (disabled by CERDAS_SANDBOX=off)" in err
    assert str(course / "submitted") in err and "gradebook" in err and "--no-sandbox" in err
    assert not (course / "autograded").exists()
    assert main(["grade", "kuadrat", "--course-dir", str(course), "--jobs", "1", "--no-sandbox"]) == 0
    assert "warning: --no-sandbox: kernels are NOT confined" in capsys.readouterr().err
    assert total(scores(f"sqlite:///{course / 'gradebook.db'}", "kuadrat"), "benar") == 2


def test_nothing_is_left_behind(graded):
    """Work folders, kernel socket folders and probes are gone when the run ends."""
    who, _, _, _, left = graded
    assert left == [], (who, left)
