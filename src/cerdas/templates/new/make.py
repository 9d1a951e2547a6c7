#!/usr/bin/env python3
"""Build and test this course with nothing but Python 3.11, pip and git.

    python3 make.py build   # create .venv if needed, install requirements.txt, run `cerdas build`
    python3 make.py test    # create .venv if needed, install requirements.txt, run the tests in tests/

Extra arguments are passed on (e.g. ``python3 make.py build --jobs 1``). The environment is
reinstalled only when requirements.txt changes (a stamp in .venv records it).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".cerdas-installed"
TASKS = ("build", "test")


def ensure_env(task: str) -> None:
    if sys.version_info[:2] < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}. Run: python3.11 make.py {task}")
    if not PYTHON.exists():
        print(f"==> creating the virtual environment {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    print("==> installing requirements.txt (the first run takes a few minutes)", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(ROOT / "requirements.txt")], check=True, cwd=ROOT)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in TASKS:
        print(__doc__)
        return 2
    task, extra = argv[0], argv[1:]
    ensure_env(task)
    env = {**os.environ, "CERDAS_ROOT": str(ROOT)}
    if task == "build":
        cmd = [str(BIN / "cerdas"), "build", *extra]
    else:
        cmd = [str(PYTHON), "-m", "unittest", "discover", "-s", "tests", "-v", *extra]
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
