"""Digests of what decides a result, so ``cerdas build`` can skip work whose inputs did not change.

A cached result (a verified assignment, a released assignment, an executed lesson) is reused only
when the digest of everything that decides it is the one recorded with it:

* :func:`tree`: a folder's files, names and bytes (an assignment's source folder: notebook,
  ``mutants.yml``, any helper file beside them);
* :func:`datasets_read`: the course datasets a notebook loads, found in its code (``load_<name>()``,
  ``load("<name>")``, ``read_card("<name>")``); when the code loads a dataset whose name it computes,
  or names a path under ``datasets/``, every dataset counts (better a needless rerun than a stale result);
* :func:`toolkit`: the cerdas package's Python files, plot styles and the quiz renderer's CSS and script,
  the Python version and every installed distribution's name and version (kernels import the toolkit and the libraries; nbgrader grades).

Records are small JSON files; :func:`load_record` returns ``None`` for a missing or unreadable one.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import re
import sys
from pathlib import Path

from cerdas.codeparse import parse_cell

SKIP_PARTS = {".ipynb_checkpoints", "__pycache__"}
ALL = "*"  # datasets_read(): every dataset of the course
_NAMED_LOADER = re.compile(r"load_([a-z0-9_]+)$")
_BY_NAME = ("load", "read_card")
KERNEL_ASSETS = ("**/*.mplstyle", "kuis/*.css", "kuis/*.js")  # non-Python package files that shape lesson outputs


def _hasher(*parts: str) -> "hashlib._Hash":
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h


def tree(folder: Path) -> str:
    """Digest of every file below ``folder`` (relative names and bytes); editor checkpoints and
    bytecode are left out. A missing folder has a digest of its own."""
    folder = Path(folder)
    h = _hasher("tree")
    if not folder.exists():
        h.update(b"missing")
        return h.hexdigest()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not SKIP_PARTS & set(p.parts)):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def file(path: Path) -> str:
    path = Path(path)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


@functools.lru_cache(maxsize=1)
def toolkit() -> str:
    """Digest of the toolkit a kernel or nbgrader runs with: cerdas' own ``.py`` files, plot styles and the files
    a kernel writes into outputs (:data:`KERNEL_ASSETS`: the quiz's CSS and script), the Python
    version, and the name and version of every installed distribution (read from the ``.dist-info``
    folder names on ``sys.path``, which is quick)."""
    import cerdas

    package = Path(cerdas.__file__).resolve().parent
    h = _hasher("toolkit", sys.version)
    for path in sorted([*package.rglob("*.py"), *(p for pattern in KERNEL_ASSETS for p in package.glob(pattern))]):
        if SKIP_PARTS & set(path.parts):
            continue
        h.update(path.relative_to(package).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    dists = set()
    for entry in sys.path:
        try:
            dists.update(p.name for p in Path(entry or ".").iterdir() if p.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    for name in sorted(dists):
        h.update(name.encode() + b"\0")
    return h.hexdigest()


def _terminal_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def datasets_read(notebook) -> set[str]:
    """Names of the course datasets a notebook's code loads; ``{ALL}`` when it cannot tell which."""
    names: set[str] = set()
    modules = {"datasets"}  # names bound to cerdas.datasets (`from cerdas import datasets as d`)
    imported: dict[str, str] = {}  # local name -> function imported from cerdas.datasets
    for cell in notebook.cells:
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if "datasets/" in source:  # a path into datasets/: whatever it reads
            return {ALL}
        syntax = parse_cell(source)
        if syntax is None:
            if "load" in source:  # unparsable code that may load something: count everything
                return {ALL}
            continue
        for node in ast.walk(syntax):
            if isinstance(node, ast.Import):
                modules |= {a.asname for a in node.names if a.name == "cerdas.datasets" and a.asname}
            elif isinstance(node, ast.ImportFrom) and node.module == "cerdas":
                modules |= {a.asname or a.name for a in node.names if a.name == "datasets"}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cerdas.datasets"):
                if any(a.name == "*" for a in node.names):
                    imported.update({n: n for n in _BY_NAME})
                imported.update({a.asname or a.name: a.name for a in node.names})
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name):
                name = imported.get(func.id, func.id)
            elif isinstance(func, ast.Attribute):
                name = func.attr if _terminal_name(func.value) in modules else ""
                if not name and _NAMED_LOADER.fullmatch(func.attr):
                    name = func.attr  # some_module.load_<name>(): count it, it may be ours
            else:
                continue
            named = _NAMED_LOADER.fullmatch(name)
            if named:
                names.add(named.group(1))
            elif name in _BY_NAME and (isinstance(func, ast.Attribute) or func.id in imported):
                first = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "name"), None)
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    names.add(first.value)
                else:
                    return {ALL}
    return names


def datasets(names: set[str], *, datasets_dir: Path | None) -> str:
    """Digest of the named datasets' folders (``{ALL}``: every folder under ``datasets_dir``).
    Names that are not datasets of the course (``load_iris`` of scikit-learn) count as missing."""
    h = _hasher("datasets")
    if datasets_dir is None:
        return h.hexdigest()
    if ALL in names:
        names = {p.name for p in datasets_dir.iterdir() if p.is_dir()} if datasets_dir.is_dir() else set()
    for name in sorted(names):
        folder = datasets_dir / name
        h.update(f"{name}\0{tree(folder) if folder.is_dir() else 'missing'}\0".encode())
    return h.hexdigest()


def combine(**parts: object) -> str:
    """One digest of named parts (strings, numbers, booleans, lists: anything JSON can write)."""
    return _hasher(json.dumps(parts, sort_keys=True, default=str)).hexdigest()


def load_record(path: Path) -> dict | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def save_record(path: Path, data: dict) -> None:
    """Write atomically, so an interrupted build never leaves a half-written record."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)
