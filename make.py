#!/usr/bin/env python3
"""Bootstrap and run the course with nothing but Python 3.11, pip and git.

    python3 make.py build   # create .venv if needed, install requirements, run `cerdas build`
    python3 make.py test    # create .venv if needed, install requirements + dev tools, run pytest (2 workers)

Extra arguments are passed on (e.g. ``python3 make.py test -k check``). The environment is
reinstalled only when requirements*.txt or pyproject.toml change (a stamp in .venv records them).
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
FILES = {"build": ["requirements.txt"], "test": ["requirements.txt", "requirements-dev.txt"]}


def digest(names: list[str]) -> str:
    h = hashlib.sha256()
    for name in [*names, "pyproject.toml"]:
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def ensure_env(task: str) -> None:
    if sys.version_info[:2] < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}. Run: python3.11 make.py {task}")
    if not PYTHON.exists():
        print(f"==> creating the virtual environment {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = digest(FILES[task])
    installed = STAMP.read_text().split() if STAMP.exists() else []
    if wanted in installed:
        return
    print("==> installing pinned requirements (first run takes a few minutes)", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    reqs = [arg for name in FILES[task] for arg in ("-r", str(ROOT / name))]
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", *reqs], check=True, cwd=ROOT)
    STAMP.write_text("\n".join([*installed, wanted]))


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in FILES:
        print(__doc__)
        return 2
    task, extra = argv[0], argv[1:]
    ensure_env(task)
    env = {**os.environ, "CERDAS_ROOT": str(ROOT)}
    if task == "build":
        cmd = [str(BIN / "cerdas"), "build", *extra]
    else:
        # Two workers by default: the site build executes lessons on one core while kernels grade on
        # the other. Test files stay whole on one worker (see tests/conftest.py).
        parallel = [] if extra else ["-n", str(min(2, os.cpu_count() or 1)), "--dist", "loadgroup",
                                     "--no-loadscope-reorder", "--durations=15"]
        cmd = [str(PYTHON), "-m", "pytest", *parallel, *extra]
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
