"""What must never leave the instructors: the lines of solution regions, hidden tests and mark schemes.

Used by ``cerdas check`` (published notebooks), the bundle and the no-leak tests, so all of them
agree on what a leak is.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from cerdas import cells

MARKERS = [m for region in cells.SECRET_REGIONS for m in region.markers]
# A line shorter than this (after stripping) is not evidence of a leak: `pass`, `else:`, `return x`,
# `)` or a blank line also occur in the released scaffolding, the lessons and ordinary prose.
MIN_CHARS = 12
WORDISH = re.compile(r"[A-Za-z0-9_]{3}")


def split_notebook(nb) -> tuple[set[str], set[str]]:
    """(secret, visible) lines of one source notebook. A solution cell without delimiters is
    replaced whole by nbgrader, so all its lines are secret."""
    secret: set[str] = set()
    visible: set[str] = set()
    for cell in nb.cells:
        if cells.markers_in(cell.source):
            s, v = cells.split_secret(cell.source)
            secret |= s
            visible |= v
        elif cells.is_answer(cell):
            secret.update(line.strip() for line in cell.source.splitlines())
        else:
            visible.update(line.strip() for line in cell.source.splitlines())
    return secret, visible


def secret_lines_of(nb) -> set[str]:
    return split_notebook(nb)[0]


def public_lines(paths) -> set[str]:
    """Lines the course shows on purpose (lessons, released scaffolding): matching them is no leak."""
    lines: set[str] = set()
    for path in paths:
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # an unreadable lesson is reported by its own check
            continue
        for cell in nb.cells:
            lines.update(line.strip() for line in cell.source.splitlines())
    return lines


def significant(lines: set[str], public: set[str]) -> set[str]:
    """Drop lines too short or too common to prove a leak, and lines published on purpose elsewhere.

    A secret line that is part of a public line (``toleransi=1e-9,`` inside a visible test call) can
    not be told apart from the text the course shows on purpose, so it proves nothing either.
    """
    shown = "\n".join(public)
    return {l for l in lines if len(l) >= MIN_CHARS and WORDISH.search(l) and l not in shown}


def course_secrets(course) -> set[str]:
    """The significant secret lines of every source assignment of ``course``.

    What counts as shown on purpose: the lessons, and the lines of each source outside its secret
    regions (what the release keeps). Never the published notebooks: they are what is checked.
    """
    secrets: set[str] = set()
    visible: set[str] = set()
    for name in course.assignment_names():
        for path in sorted((course.source_dir / name).glob("*.ipynb")):
            try:
                s, v = split_notebook(nbformat.read(path, as_version=4))
            except Exception:  # reported by the assignment checks
                continue
            secrets |= s
            visible |= v
    return significant(secrets, public_lines(course.lesson_notebooks()) | visible)


def leaks_in_text(text: str, secrets: set[str]) -> list[str]:
    """Secret lines (and region markers) found in ``text``."""
    found = cells.markers_in(text)
    return found + sorted(s for s in secrets if s in text)


TAG = re.compile(r"<[^>]+>")
ATTRIBUTE = re.compile(r'\s[\w:-]+="([^"]{12,})"')


def readable_text(path: Path) -> str:
    """The text of a site or bundle file as a reader would see it.

    Notebooks: their cell sources and text outputs (JSON escapes undone). HTML: tags removed and
    entities decoded, which joins syntax-highlighted code back into its original lines. Other text
    files as they are; binary files give "".
    """
    import html
    import json

    data = path.read_bytes()
    if b"\0" in data[:4096]:
        return ""
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".ipynb":
        try:
            nb = json.loads(text)
        except json.JSONDecodeError:
            return text
        parts = []
        for cell in nb.get("cells", []):
            parts.append("".join(cell.get("source", "")))
            for out in cell.get("outputs", []):
                parts.append("".join(out.get("text", "")))
                for value in (out.get("data") or {}).values():
                    parts.append(value if isinstance(value, str) else "".join(value) if isinstance(value, list) else "")
        return "\n".join(parts)
    if path.suffix in (".html", ".htm", ".xml"):
        # Text with tags removed, plus the tags' own attribute values (title, alt, data-*).
        attributes = "\n".join(html.unescape(v) for v in ATTRIBUTE.findall(text))
        return html.unescape(TAG.sub("", text)) + "\n" + attributes
    return text


def scan_tree(root: Path, secrets: set[str]) -> dict[str, list[str]]:
    """Leaks per file (relative path) under ``root``."""
    found = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if path.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif", ".woff", ".woff2", ".ttf", ".eot", ".ico",
                                   ".pickle", ".doctree", ".zip", ".parquet", ".sqlite", ".db"):
            continue
        leaks = leaks_in_text(readable_text(path), secrets)
        if leaks:
            found[path.relative_to(root).as_posix()] = leaks
    return found
