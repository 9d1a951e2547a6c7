"""``cerdas assignments publish``: copy the released (solution-free) notebooks into book/tugas/.

The site, Binder and nbgitpuller links read them from there (tracked in git). Outputs are
stripped. ``publikasi.json`` records the digest of each source and published notebook, so
``cerdas check`` can tell quickly when a source changed without publishing again, or when a
published notebook was edited by hand.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import nbformat

from cerdas.assignments.nbgrader import resolve_names, run_nbgrader
from cerdas.course import Course
from cerdas.coursedir import CourseDir, as_coursedir

STAMP = "publikasi.json"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def strip_outputs(nb) -> None:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None


def released_notebooks(*, course: Course, names: list[str], into: Path) -> dict[str, list[Path]]:
    """Run nbgrader's release for ``names`` on a scratch copy of the course dir; notebooks per name."""
    scratch = into / "course"
    shutil.copytree(course.source_dir, scratch / "source",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    config = course.assignments_dir / "nbgrader_config.py"
    if config.is_file():
        shutil.copy(config, scratch / "nbgrader_config.py")
    result = {}
    course_dir = CourseDir.throwaway(scratch)
    for name in names:
        run_nbgrader("generate_assignment", name, course=course_dir)
        result[name] = sorted(course_dir.release(name).glob("*.ipynb"))
    return result


def render(path: Path) -> str:
    """A released notebook as published: outputs stripped, written the way nbformat writes."""
    nb = nbformat.read(path, as_version=4)
    strip_outputs(nb)
    return nbformat.writes(nb) + "\n"


def publish(*, course: Course | None = None, names: list[str] | None = None) -> list[Path]:
    """Release each assignment afresh and write book/tugas/<name>/<notebook>.ipynb; return the files."""
    course = course or Course.find()
    names = resolve_names(as_coursedir(course), names)
    stamp_path = course.published_dir / STAMP
    stamp = json.loads(stamp_path.read_text()) if stamp_path.is_file() else {}
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="cerdas-publish-") as tmp:
        for name, notebooks in released_notebooks(course=course, names=names, into=Path(tmp)).items():
            target = course.published_dir / name
            if target.exists():
                shutil.rmtree(target)
            target.mkdir(parents=True)
            entry = {"sumber": {}, "terbit": {}}
            for src in sorted((course.source_dir / name).glob("*.ipynb")):
                entry["sumber"][src.name] = digest(src)
            for nb_path in notebooks:
                out = target / nb_path.name
                out.write_text(render(nb_path), encoding="utf-8")
                entry["terbit"][out.name] = digest(out)
                written.append(out)
            stamp[name] = entry
    for gone in set(stamp) - set(course.assignment_names()):
        del stamp[gone]
    stamp_path.parent.mkdir(parents=True, exist_ok=True)
    stamp_path.write_text(json.dumps(stamp, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return written


def drift(*, course: Course, released_dir: Path) -> list[str]:
    """Published notebooks that differ from the release in ``released_dir`` (e.g. assignments/release)."""
    differing = []
    for name in course.assignment_names():
        fresh = {p.name: p for p in (released_dir / name).glob("*.ipynb")}
        published = {p.name: p for p in (course.published_dir / name).glob("*.ipynb")}
        for nb_name in sorted(set(fresh) | set(published)):
            if nb_name not in fresh or nb_name not in published or \
                    render(fresh[nb_name]) != published[nb_name].read_text(encoding="utf-8"):
                differing.append(f"{name}/{nb_name}")
    return differing
