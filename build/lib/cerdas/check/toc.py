"""The table of contents and the files on disk agree."""

from __future__ import annotations

from pathlib import Path

import yaml

from cerdas.course import Course
from cerdas.errors import Problem

SUFFIXES = (".md", ".ipynb", ".rst", ".myst")


def toc_files(course: Course) -> list[str]:
    """Every ``root``/``file`` entry of ``_toc.yml``, in order (without suffix, as written)."""
    data = yaml.safe_load(course.toc_file.read_text(encoding="utf-8")) or {}
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key in ("root", "file"):
                if isinstance(node.get(key), str):
                    found.append(node[key])
            for value in node.values():
                if isinstance(value, (list, dict)):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    return found


def resolve(course: Course, entry: str) -> Path | None:
    base = course.root / entry
    if base.suffix in SUFFIXES and base.is_file():
        return base
    for suffix in SUFFIXES:
        candidate = base.with_name(base.name + suffix)
        if candidate.is_file():
            return candidate
    return None


def entries_exist(course: Course):
    if not course.toc_file.is_file():
        yield Problem("_toc.yml", "missing", "create it (Jupyter Book 1 format: jb-book)")
        return
    try:
        entries = toc_files(course)
    except yaml.YAMLError as exc:
        yield Problem("_toc.yml", f"is not valid YAML ({exc.__class__.__name__})", "fix the YAML syntax")
        return
    for entry in entries:
        if resolve(course, entry) is None:
            yield Problem("_toc.yml", f"entry '{entry}' points to no file",
                          f"create {entry}.md or {entry}.ipynb, or remove the entry")


def lessons_in_toc(course: Course):
    if not course.toc_file.is_file():
        return
    try:
        listed = {p.resolve() for e in toc_files(course) if (p := resolve(course, e))}
    except yaml.YAMLError:
        return
    for nb in course.lesson_notebooks():
        if nb.resolve() not in listed:
            stem = course.rel(nb.with_suffix(""))
            yield Problem(course.rel(nb), "lesson is not in _toc.yml, so the site would skip it",
                          f"add '- file: {stem}' under the right part of _toc.yml")
