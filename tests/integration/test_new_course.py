"""A course of one's own, the way another city's training office would start it.

`cerdas new` writes the course into a temporary folder; it is committed to git and cloned afresh,
and in the clone the README's two commands run for real, offline: `python3 make.py build` creates
the clone's own .venv from its requirements.txt (the toolkit as a wheel built from this checkout,
everything else from the offline wheelhouse `.ci/provision` builds), checks the course, executes
its lesson into a site and verifies its assignment; `python3 make.py test` runs the course's tests.
Neither may leave anything git would pick up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cerdas.cli import main
from conftest import REPO, need_tool

pytestmark = pytest.mark.slow


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)


def git(cwd: Path, *args: str) -> str:
    proc = run(["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.org", *args], cwd)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def toolkit_wheel(into: Path, wheelhouse: Path) -> Path:
    """The cerdas wheel of this checkout, built from a copy so the checkout gets no build/ folder.
    Its build backend (setuptools>=77) comes from the offline wheelhouse, in an isolated build
    environment: the test's own environment may hold an older setuptools (a venv's bundled one)."""
    source = into / "source"
    source.mkdir()
    for part in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / part, source / part)
    shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    proc = run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index", "--find-links",
                str(wheelhouse), "-w", str(into / "wheel"), str(source)], into)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [wheel] = (into / "wheel").glob("cerdas-*.whl")
    return wheel


def test_new_course_builds_and_tests_from_a_fresh_clone(tmp_path, capsys):
    """Both README commands of a course started with `cerdas new` pass in a fresh clone: the site's
    index is written, the assignment is verified (solution full, blank zero, every mutant and cheat
    caught), the course's tests pass, and git sees no file left behind."""
    wheelhouse = Path(os.environ.get("CERDAS_WHEELHOUSE") or REPO / ".cache" / "wheelhouse")
    need_tool(str(wheelhouse), "the offline wheelhouse of requirements.txt; build it with `bash .ci/provision`")
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    wheel = toolkit_wheel(tmp_path, wheelhouse)
    seconds["wheel"] = time.perf_counter() - started

    course = tmp_path / "kursus-kota-contoh"
    assert main(["new", str(course), "--title", "Kursus Data Kota Contoh", "--toolkit", f"cerdas @ {wheel.as_uri()}"]) == 0
    capsys.readouterr()
    assert (course / "requirements.txt").read_text().splitlines()[2] == f"cerdas @ {wheel.as_uri()}"
    git(course, "init", "-q", "-b", "main")
    git(course, "add", "-A")
    git(course, "commit", "-q", "-m", "Kursus baru")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(course), str(clone))

    env = {k: v for k, v in os.environ.items()
           if k not in ("CERDAS_ROOT", "PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME") and not k.startswith(("JUPYTER_", "PIP_"))}
    # Offline, from the wheelhouse; no .pyc compiled at install (Python compiles what it imports).
    env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheelhouse), PIP_DISABLE_PIP_VERSION_CHECK="1",
               PIP_COMPILE="0", HOME=str(tmp_path / "home"), PYTHONUNBUFFERED="1")
    (tmp_path / "home").mkdir()
    readme = (clone / "README.md").read_text()
    commands = [line.split("#")[0].strip() for line in readme.split("```bash", 1)[1].split("```", 1)[0].splitlines()
                if line.strip()]
    assert commands == ["python3 make.py build", "python3 make.py test"]
    outputs, steps = {}, []
    for command in commands:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, *command.split()[1:]], cwd=clone, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        lines = []
        for line in proc.stdout:  # each "==> step" line marks when a step of make.py or cerdas build began
            lines.append(line)
            if line.startswith("==> "):
                steps.append((line[4:].strip(), time.perf_counter()))
        proc.wait()
        seconds[command] = time.perf_counter() - start
        steps.append((f"end of {command}", time.perf_counter()))
        outputs[command] = "".join(lines)
        assert proc.returncode == 0, f"{command} failed:\n{outputs[command][-6000:]}"

    build, test = outputs.values()
    assert (clone / "_build" / "html" / "index.html").is_file()
    assert (clone / "_build" / "html" / "notebooks" / "01-mengenal-data" / "mengenal-data.html").is_file()
    assert "t01-pengunjung: OK" in build and "4/4" in build and "generated cheat mutants: 3/3 caught" in build
    # cerdas executed the lesson before the site build (cerdas.execute), so myst-nb executed none
    assert "Executing notebook" not in build and "Using cached notebook" in build
    assert "Ran 3 tests" in test and test.rstrip().endswith("OK")
    # Built again with nothing changed: no lesson executes, nothing is released or verified again.
    start = time.perf_counter()
    proc = run([sys.executable, "make.py", "build"], clone, env)
    seconds["no-op build"] = time.perf_counter() - start
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]
    assert "t01-pengunjung: OK (cached)" in proc.stdout
    assert git(clone, "status", "--porcelain") == "", "the commands left files git would pick up"
    # The toolkit as installed from its wheel (the clone's .venv) starts the same course: the
    # templates ship with the package, not with this repository.
    again = tmp_path / "lagi" / course.name
    proc = run([str(clone / ".venv" / "bin" / "cerdas"), "new", str(again), "--title", "Kursus Data Kota Contoh",
                "--toolkit", f"cerdas @ {wheel.as_uri()}"], tmp_path, env)
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert written == sorted(filter(None, git(course, "ls-files").splitlines()))
    for rel in written:
        if rel not in ("requirements.txt", "datasets/kunjungan_layanan/CARD.md"):  # pins, today's date
            assert (again / rel).read_bytes() == (course / rel).read_bytes(), rel
    with capsys.disabled():
        print("\n[new course] " + ", ".join(f"{k}: {v:.0f} s" for k, v in seconds.items())
              + f", total {time.perf_counter() - started:.0f} s")
        for (label, at), (_, until) in zip(steps, steps[1:]):
            if not label.startswith("end of"):
                print(f"  {until - at:6.0f} s  {label}")
