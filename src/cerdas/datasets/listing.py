"""``cerdas datasets list``: one line per dataset, read from the data cards."""

from __future__ import annotations

from cerdas.course import Course
from cerdas.datasets import dataset_names, read_card


def dataset_table(*, course: Course | None = None) -> list[dict]:
    course = course or Course.find()
    rows = []
    for name in dataset_names(course):
        meta = read_card(name, course=course).meta
        rows.append({
            "name": name,
            "rows": meta.get("rows", "?"),
            "columns": len(meta.get("columns") or {}),
            "kind": "synthetic" if meta.get("synthetic") else "real",
            "licence": meta.get("licence", "?"),
            "lessons": ", ".join(meta.get("lessons") or []) or "-",
        })
    return rows


def format_table(rows: list[dict]) -> str:
    if not rows:
        return "no datasets"
    keys = list(rows[0])
    widths = {k: max(len(k), *(len(str(r[k])) for r in rows)) for k in keys}
    line = lambda r: "  ".join(str(r[k]).ljust(widths[k]) for k in keys)  # noqa: E731
    return "\n".join([line({k: k for k in keys}), line({k: "-" * widths[k] for k in keys}), *map(line, rows)])
