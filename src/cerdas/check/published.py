"""Published assignment notebooks (book/tugas/) are the current release, in the toc, and leak nothing.

Releasing afresh takes nbgrader a minute and a half, too slow for every ``cerdas check``; instead
``publikasi.json`` (written by ``cerdas assignments publish``) records the digest of each source
and published notebook. ``cerdas build`` compares with a real fresh release (see build.py).
"""

from __future__ import annotations

import json

import nbformat

from cerdas.assignments.publish import STAMP, digest
from cerdas.assignments.secrets import MARKERS, course_secrets, leaks_in_text
from cerdas.check.toc import resolve, toc_files
from cerdas.course import Course
from cerdas.errors import Problem

REPUBLISH = "run `cerdas assignments publish` and commit book/tugas/"


def publishes(course: Course) -> bool:
    """Whether the course publishes its released assignments on the site (this course does; a course
    started with ``cerdas new`` does not until it runs ``cerdas assignments publish``): book/tugas/
    exists or _toc.yml lists a page under it. Deleting book/tugas/ while the toc still lists it is
    caught by the toc check."""
    if course.published_dir.exists():
        return True
    if not course.toc_file.is_file():
        return False
    try:
        entries = toc_files(course)
    except Exception:
        return False
    prefix = course.rel(course.published_dir) + "/"
    return any(entry.strip("/").startswith(prefix) for entry in entries)


def published_match_sources(course: Course):
    names = course.assignment_names()
    if not names or not publishes(course):
        return
    stamp_path = course.published_dir / STAMP
    if not stamp_path.is_file():
        yield Problem(course.rel(stamp_path), "missing: the released assignments are not published for the site",
                      REPUBLISH)
        return
    try:
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        yield Problem(course.rel(stamp_path), f"is not valid JSON ({exc.msg})", REPUBLISH)
        return
    for name in names:
        entry = stamp.get(name) or {}
        sources = {p.name: digest(p) for p in (course.source_dir / name).glob("*.ipynb")}
        if entry.get("sumber") != sources:
            yield Problem(f"assignments/source/{name}", "changed since it was last published (book/tugas/ is stale)",
                          REPUBLISH)
        folder = course.published_dir / name
        published = {p.name: digest(p) for p in folder.glob("*.ipynb")}
        if not published:
            yield Problem(course.rel(folder), "no published notebook for this assignment", REPUBLISH)
        elif entry.get("terbit") != published:
            yield Problem(course.rel(folder), "published notebooks differ from what `publish` wrote "
                          "(edited by hand, or files added/removed)", REPUBLISH + " (never edit book/tugas/ by hand)")
    for extra in sorted(p for p in course.published_dir.iterdir() if p.is_dir() and p.name not in names):
        yield Problem(course.rel(extra), "published, but no such source assignment", f"remove {course.rel(extra)}")


def published_leak_nothing(course: Course):
    notebooks = sorted(course.published_dir.glob("*/*.ipynb"))
    if not notebooks:
        return
    secrets = course_secrets(course)
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for index, cell in enumerate(nb.cells, start=1):
            leaks = leaks_in_text(cell.source, secrets)
            if leaks:
                shown = leaks[0] if leaks[0] in MARKERS else "a line of a solution or hidden test"
                yield Problem(course.rel(path), f"reveals {shown}: {leaks[0][:60]!r}",
                              REPUBLISH + "; check the source's BEGIN/END markers", cell=index)


def published_in_toc(course: Course):
    if not course.toc_file.is_file():
        return
    try:
        listed = {p.resolve() for e in toc_files(course) if (p := resolve(course, e))}
    except Exception:
        return
    for path in sorted(course.published_dir.glob("*/*.ipynb")):
        if path.resolve() not in listed:
            yield Problem(course.rel(path), "published assignment is not in _toc.yml, so the site would skip it",
                          f"add '- file: {course.rel(path.with_suffix(''))}' under the Tugas part of _toc.yml")
