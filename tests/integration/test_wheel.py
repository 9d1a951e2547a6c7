"""The toolkit apart from this course: the wheel built from pyproject.toml carries no lesson,
assignment or dataset of this course; installed offline into a clean virtual environment, its
`cerdas` builds another course's own datasets and grades a foreign nbgrader course it never saw,
from inside that course, with no nbgrader step before.

The wheel and the environment are made once per test session (timings are printed; run with -s).
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import venv
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO, need_tool

sys.path.insert(0, str(REPO / "tests"))
import foreign  # noqa: E402

pytestmark = pytest.mark.slow
WHEELHOUSE = REPO / ".cache" / "wheelhouse"
PACKAGE = "cerdas"
CONTENT_SUFFIXES = (".ipynb", ".csv", ".tsv", ".xlsx", ".parquet", ".json", ".db", ".sqlite")
CONTENT_FOLDERS = ("notebooks", "assignments", "datasets", "book")


def _clean_env(home: Path, bin_dir: Path | None = None) -> dict:
    """The environment of someone who never cloned this course: no CERDAS_ROOT, no PYTHONPATH, no
    virtual environment but the one given, no pip configuration of this machine (offline)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "CERDAS_", "JUPYTER_", "PYTHON", "VIRTUAL_ENV", "CONDA"))}
    env.update(HOME=str(home), PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")
    if bin_dir is not None:
        env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(bin_dir.parent)
    return env


def _run(args, *, cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    __tracebackhide__ = True  # report the command and its output, not this machine's environment
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(map(str, args))} (in {cwd}) exited {proc.returncode}:\n" \
                                 f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _project_files(target: Path) -> Path:
    """Copy what a fresh clone holds (files git tracks or would add) to ``target``: a build/ folder
    left in the checkout by an older `pip wheel .` would otherwise slip stale modules into the wheel."""
    listing = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             capture_output=True)
    if listing.returncode == 0:
        rels = [r for r in listing.stdout.decode().split("\0") if r]
    else:  # not a git checkout (an unpacked archive): what setuptools reads
        rels = [p.relative_to(REPO).as_posix() for part in ("pyproject.toml", "README.md", "LICENSE", "src")
                for p in ([REPO / part] if (REPO / part).is_file() else sorted((REPO / part).rglob("*")))
                if p.is_file() and "__pycache__" not in p.parts]
    for rel in rels:
        if (REPO / rel).is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, target / rel)
    return target


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The wheel pip builds from pyproject.toml, offline: the build backend comes from the wheelhouse."""
    need_tool(str(WHEELHOUSE), "the offline wheelhouse of requirements.txt; build it with `bash .ci/provision`")
    root = tmp_path_factory.mktemp("wheel")
    started = time.perf_counter()
    source = _project_files(root / "project")
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index", "--find-links", WHEELHOUSE,
          "-w", root / "dist", source], cwd=root, env=_clean_env(root))
    [built] = sorted((root / "dist").glob(f"{PACKAGE}-*.whl"))
    print(f"\n[wheel] built {built.name} ({built.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return built


@pytest.fixture(scope="session")
def installed(wheel, tmp_path_factory) -> Path:
    """A clean virtual environment with only the wheel and its dependencies (offline, from the
    wheelhouse); returns its bin folder."""
    root = tmp_path_factory.mktemp("venv")
    (root / "home").mkdir()
    started = time.perf_counter()
    venv.EnvBuilder(with_pip=True, clear=True).create(root / "env")
    bin_dir = root / "env" / "bin"
    _run([bin_dir / "python", "-m", "pip", "install", "--quiet", "--no-compile", "--no-index",
          "--find-links", WHEELHOUSE, wheel], cwd=root, env=_clean_env(root / "home"))
    print(f"\n[wheel] clean environment with the wheel installed in {time.perf_counter() - started:.1f} s")
    return bin_dir


def _course_names() -> dict[str, set[str]]:
    """This course's lessons, assignments and datasets, by the names their folders carry."""
    return {
        "lesson": {p.name for p in (REPO / "notebooks").iterdir() if p.is_dir()},
        "assignment": {p.name for p in (REPO / "assignments" / "source").iterdir() if p.is_dir()},
        "dataset": {p.name for p in (REPO / "datasets").iterdir() if p.is_dir() and not p.name.startswith(("_", "."))},
    }


def _defines_a_generator(source: bytes) -> bool:
    """A module with a module-level SEED and generate(): the shape of a dataset generator."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    names = {t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)}
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    return "SEED" in names and "generate" in functions


def test_wheel_carries_no_course_content(wheel):
    """The wheel holds the package and its metadata only: no notebook, no data file, nothing from
    notebooks/, assignments/, datasets/ or book/, no dataset generator, and no file that names one of
    this course's lessons or assignments (its path or text) or is named after one of its datasets."""
    with zipfile.ZipFile(wheel) as zf:
        names = [n for n in zf.namelist() if not n.endswith("/")]
        texts = {n: zf.read(n) for n in names}
    summary = Counter("/".join(n.split("/")[:2]) + ("/" if n.count("/") > 1 else "") for n in names)
    print(f"\n[wheel] {wheel.name}: {len(names)} files\n" + "\n".join(f"  {k:<45} {v}" for k, v in sorted(summary.items())))

    tops = {n.split("/")[0] for n in names}
    assert tops == {PACKAGE, f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}, tops
    # `cerdas new` writes a starter course from templates (its own one lesson, assignment and dataset):
    # those alone may be notebooks or data, and none may be a copy of a file of this course
    starter = f"{PACKAGE}/templates/new/"
    assert [n for n in names if n.lower().endswith(CONTENT_SUFFIXES) and not n.startswith(starter)] == []
    shipped = {p.relative_to(REPO).as_posix() for folder in CONTENT_FOLDERS for p in (REPO / folder).rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert [n for n in names if n.split("/")[0] in CONTENT_FOLDERS
            or (not n.startswith(starter) and any(n.endswith("/" + s) for s in shipped))] == []
    ours = {hashlib.sha256((REPO / s).read_bytes()).digest() for s in shipped}
    copies = [n for n in names if n.startswith(starter) and hashlib.sha256(texts[n]).digest() in ours]
    assert copies == [], f"starter templates that are files of this course: {copies}"
    assert [n for n in names if n.endswith(".py") and _defines_a_generator(texts[n])] == []
    assert [n for n in names if "generators" in n.split("/")] == []
    course = _course_names()
    for kind in ("lesson", "assignment", "dataset"):
        named = [n for n in names if any(part.split(".")[0] in course[kind] for part in n.split("/"))]
        assert named == [], f"files named after a {kind} of this course: {named}"
    for kind in ("lesson", "assignment"):
        mentions = [(n, slug) for n, data in texts.items() for slug in course[kind]
                    if slug.encode() in data]
        assert mentions == [], f"files that name a {kind} of this course: {mentions}"


def test_wheel_scan_is_not_blind(tmp_path):
    """The generator test above recognises a generator, this course's own included."""
    assert _defines_a_generator((REPO / "datasets" / "aduan_warga" / "generate.py").read_bytes())
    assert not _defines_a_generator(b"def generate(seed):\n    return seed\n")


RAIN_GENERATOR = '''\
"""A course of one's own: a rain gauge, generated."""
import numpy as np
import pandas as pd

from .._lib.rounding import one_decimal

SEED = 11


def generate(seed):
    rng = np.random.default_rng(seed)
    return pd.DataFrame({"day": range(1, 8), "rain_mm": one_decimal(rng.gamma(2.0, 3.0, 7))})
'''
RAIN_CARD = """---
title: Rain
rows: 0
columns:
  day: {type: bilangan, arti: day of the week}
  rain_mm: {type: bilangan, arti: rain in mm}
synthetic: true
licence: CC BY 4.0
files: {}
created: 2026-12-01
---
## Deskripsi
"""


def test_installed_toolkit_builds_and_loads_a_course_s_own_dataset(installed, tmp_path):
    """From inside another course (found from the working directory, nothing set), the installed
    `cerdas datasets build` runs that course's datasets/<name>/generate.py (with shared code from
    datasets/_lib/), and cerdas.datasets.load(name) reads it back by its card. The package itself has
    no generators of this course."""
    course = tmp_path / "rain-course"
    (course / "datasets" / "_lib").mkdir(parents=True)
    (course / "datasets" / "_lib" / "rounding.py").write_text("def one_decimal(x):\n    return x.round(1)\n")
    (course / "datasets" / "rain").mkdir()
    (course / "datasets" / "rain" / "generate.py").write_text(RAIN_GENERATOR)
    (course / "datasets" / "rain" / "CARD.md").write_text(RAIN_CARD)
    (course / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    env = _clean_env(tmp_path, installed)
    started = time.perf_counter()
    where = _run([installed / "python", "-c", "import cerdas; print(cerdas.__file__)"], cwd=course, env=env)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout
    gone = subprocess.run([installed / "python", "-c", "import cerdas.datasets.generators"], cwd=course, env=env,
                          capture_output=True, text=True)
    assert gone.returncode != 0 and "ModuleNotFoundError" in gone.stderr
    _run([installed / "cerdas", "datasets", "build"], cwd=course, env=env)
    loaded = _run([installed / "python", "-c", "import json, cerdas.datasets as ds; b = ds.load('rain'); "
                   "print(json.dumps([len(b.frame), list(b.frame.columns), ds.read_card('rain').meta['generator']]))"],
                  cwd=course, env=env)
    assert json.loads(loaded.stdout) == [7, ["day", "rain_mm"], "datasets/rain/generate.py"]
    print(f"\n[wheel] a course's own dataset built and loaded in {time.perf_counter() - started:.1f} s")


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_installed_toolkit_grades_a_foreign_nbgrader_course(installed, tmp_path):
    """`cerdas grade ps1` run by the installed toolkit from inside a plain nbgrader course (tests/foreign.py:
    its own nbgrader_config.py and course id, no gradebook, no release, nothing set in the environment)
    grades every student: the one with every answer right gets all autograded points, the others
    fewer (the deleted test cell still counts); submissions are untouched, release/ is not made."""
    course = foreign.make_foreign_course(tmp_path / "intro-programming")
    before = _digests(course / "submitted")
    env = _clean_env(tmp_path, installed)
    started = time.perf_counter()
    _run([installed / "cerdas", "grade", foreign.ASSIGNMENT], cwd=course, env=env)
    print(f"\n[wheel] foreign course graded by the installed cerdas in {time.perf_counter() - started:.1f} s")
    read = _run([installed / "python", "-c", f"""
import json
from nbgrader.api import Gradebook
with Gradebook("sqlite:///{course / 'gradebook.db'}") as gb:
    print(json.dumps({{s.student.id: [s.code_score, s.max_code_score] for s in gb.assignment_submissions("{foreign.ASSIGNMENT}")}}))
"""], cwd=course, env=env)
    scores = json.loads(read.stdout.strip().splitlines()[-1])
    print(f"[wheel] autograded points: {scores}")
    assert set(scores) == set(foreign.STUDENTS)
    assert scores["bitdiddle"] == [foreign.AUTO_POINTS, foreign.AUTO_POINTS]
    for student in ("hacker", "reasoner"):
        assert scores[student][1] == foreign.AUTO_POINTS and scores[student][0] < foreign.AUTO_POINTS, (student, scores)
    assert _digests(course / "submitted") == before
    assert not (course / "release").exists()
