"""``cerdas datasets list``: one line per dataset, read from the data cards."""

from __future__ import annotations

from cerdas.course import Course
from cerdas.datasets import dataset_names, read_card


def users_of(course: Course) -> dict[str, list[str]]:
    """Which lessons and assignments load each dataset, read from the notebooks themselves."""
    import re

    found: dict[str, set[str]] = {}
    paths = [*course.lesson_notebooks(), *sorted(course.source_dir.glob("*/*.ipynb"))]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        number = re.match(r"[A-Za-z]*(\d+)", path.parent.name)  # 01-..., m01-..., t01-...: the number
        label = number.group(1) if number else path.parent.name
        label = f"{'tugas ' if path.parent.parent == course.source_dir else ''}{label}"
        named = re.findall(r"load_([a-z0-9_]+)\(", text)
        generic = re.findall(r"\bload\(\s*\\?[\"']([A-Za-z0-9_-]+)\\?[\"']", text)  # load("name") in the notebook's JSON
        for name in set(named) | set(generic):
            found.setdefault(name, set()).add(label)
    return {name: sorted(labels) for name, labels in found.items()}


def dataset_table(*, course: Course | None = None) -> list[dict]:
    course = course or Course.find()
    users = users_of(course)
    rows = []
    for name in dataset_names(course):
        meta = read_card(name, course=course).meta
        rows.append({
            "name": name,
            "rows": meta.get("rows", "?"),
            "columns": len(meta.get("columns") or {}),
            "kind": "synthetic" if meta.get("synthetic") else "real",
            "licence": meta.get("licence", "?"),
            "lessons": " ".join(u for u in users.get(name, []) if not u.startswith("tugas")) or "-",
            "assignments": " ".join(u[6:] for u in users.get(name, []) if u.startswith("tugas")) or "-",
        })
    return rows


def format_table(rows: list[dict]) -> str:
    if not rows:
        return "no datasets"
    keys = list(rows[0])
    widths = {k: max(len(k), *(len(str(r[k])) for r in rows)) for k in keys}
    line = lambda r: "  ".join(str(r[k]).ljust(widths[k]) for k in keys)  # noqa: E731
    return "\n".join([line({k: k for k in keys}), line({k: "-" * widths[k] for k in keys}), *map(line, rows)])
