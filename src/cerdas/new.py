"""``cerdas new DIR``: start a course repository of one's own.

It writes a small but complete course from the templates in ``cerdas/templates/new/``: the Jupyter
Book configuration, a landing page and a generated syllabus, one lesson, one nbgrader assignment
with its mutants, one dataset with its data card, ``requirements.txt`` (the toolkit itself and the
exact versions it runs with here), ``make.py`` with the two tasks ``build`` and ``test``, a README,
``.ci/run``, a ``.gitignore`` for learners' data and a ``tests/`` folder. ``cerdas check`` passes on
it as written, and from a fresh clone ``python3 make.py build`` and ``python3 make.py test`` pass.
"""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import metadata
from pathlib import Path

from cerdas.datasets.card import sha256
from cerdas.errors import CourseError, Problem

TEMPLATES = Path(__file__).resolve().parent / "templates" / "new"
# Template files stored under a name package data keeps (no dot-files) -> their name in the course.
RENAMED = {"gitignore": ".gitignore", "ci/run": ".ci/run"}
TEXT_SUFFIXES = {".md", ".yml", ".py", ".txt", ".ipynb", ""}
EXECUTABLE = {".ci/run", "make.py"}
PLACEHOLDER = re.compile(r"\{\{(\w+)(?: ([^}]+))?\}\}")


def toolkit_requirement(*, dist: metadata.Distribution | None = None) -> str:
    """The requirement line that installs the cerdas running now, read from how it was installed
    (PEP 610 ``direct_url.json``): a local folder or wheel as ``cerdas @ file:///...``, a VCS checkout
    as ``cerdas @ git+URL@commit``, anything else (an index) as ``cerdas==VERSION``."""
    if dist is None:
        try:
            dist = metadata.distribution("cerdas")
        except metadata.PackageNotFoundError:
            from cerdas import __version__

            return f"cerdas=={__version__}"
    raw = dist.read_text("direct_url.json")
    info = json.loads(raw) if raw else {}
    url = info.get("url")
    if url and "vcs_info" in info:
        vcs = info["vcs_info"]
        revision = vcs.get("commit_id") or vcs.get("requested_revision")
        return f"cerdas @ {vcs['vcs']}+{url}" + (f"@{revision}" if revision else "")
    if url and ("dir_info" in info or "archive_info" in info):
        return f"cerdas @ {url}"
    return f"cerdas=={dist.version}"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def environment_pins(root: str = "cerdas") -> list[str]:
    """``name==version`` for every installed distribution ``root`` needs, transitively (extras it
    asks for included): the versions this toolkit is known to work with here. Empty when ``root``
    is not installed as a distribution."""
    from packaging.requirements import Requirement

    try:
        start = metadata.distribution(root)
    except metadata.PackageNotFoundError:
        return []
    pins: dict[str, str] = {}
    todo = [(start, frozenset())]
    seen: set[tuple[str, frozenset]] = set()
    while todo:
        dist, extras = todo.pop()
        key = (_canonical(dist.metadata["Name"]), extras)
        if key in seen:
            continue
        seen.add(key)
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker and not any(req.marker.evaluate({"extra": e}) for e in (extras or {""})):
                continue
            try:
                dep = metadata.distribution(req.name)
            except metadata.PackageNotFoundError:
                continue  # an optional platform dependency not installed here
            name = _canonical(dep.metadata["Name"])
            if name != _canonical(root):
                pins[name] = f"{dep.metadata['Name']}=={dep.version}"
            todo.append((dep, frozenset(req.extras)))
    return [pins[k] for k in sorted(pins)]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "kursus"


def _requirements(toolkit: str) -> str:
    lines = ["# The course environment: the cerdas toolkit, then the exact versions it was run with when",
             "# this course was started (`cerdas new`). Change the first line to upgrade the toolkit.",
             toolkit, *environment_pins()]
    return "\n".join(lines) + "\n"


def new_course(*, target: str | Path, title: str | None = None, toolkit: str | None = None) -> Path:
    """Write a new course into ``target`` (absent or an empty folder) and return its root.

    ``title`` defaults to one made from the folder's name; ``toolkit`` is the requirement line that
    installs cerdas (default: :func:`toolkit_requirement`)."""
    root = Path(target).expanduser().resolve()
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        what = "is a file" if not root.is_dir() else "is not empty"
        raise CourseError(Problem(str(root), f"{what}: cerdas new writes a course only into a new or empty folder",
                                  "choose a new folder name"))
    title = (title or root.name.replace("-", " ").replace("_", " ").strip().title() or "Kursus Baru").strip()
    values = {"title": title.replace('"', "'"), "author": "Tim " + title.replace('"', "'"),
              "course_id": _slug(root.name), "year": str(date.today().year), "today": date.today().isoformat()}
    root.mkdir(parents=True, exist_ok=True)
    templates = sorted(p for p in TEMPLATES.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for src in templates:
        rel = src.relative_to(TEMPLATES).as_posix()
        dst = root / RENAMED.get(rel, rel)
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.suffix not in TEXT_SUFFIXES:
            dst.write_bytes(src.read_bytes())
            continue
        dst.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    # Placeholders are filled after every file is in place, so a card can name its data file's sha256.
    for src in templates:
        rel = src.relative_to(TEMPLATES).as_posix()
        dst = root / RENAMED.get(rel, rel)
        if src.suffix not in TEXT_SUFFIXES:
            continue
        text = dst.read_text(encoding="utf-8")

        def fill(match, folder=dst.parent):
            key, arg = match.group(1), match.group(2)
            if key == "sha256":
                return sha256(folder / arg)
            return values.get(key, match.group(0))

        dst.write_text(PLACEHOLDER.sub(fill, text), encoding="utf-8")
        if RENAMED.get(rel, rel) in EXECUTABLE:
            dst.chmod(0o755)
    (root / "requirements.txt").write_text(_requirements(toolkit or toolkit_requirement()), encoding="utf-8")
    return root
