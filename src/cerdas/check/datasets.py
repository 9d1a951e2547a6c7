"""Every dataset has a complete data card whose checksums and columns match the shipped files."""

from __future__ import annotations

import csv

from cerdas.course import Course
from cerdas.datasets.card import Card, sha256
from cerdas.errors import CourseError, Problem

DATA_SUFFIXES = (".csv", ".tsv", ".json", ".parquet")


def cards_and_checksums(course: Course):
    if not course.datasets_dir.is_dir():
        return
    for folder in sorted(p for p in course.datasets_dir.iterdir() if p.is_dir()):
        card_path = folder / "CARD.md"
        rel_card = course.rel(card_path)
        if not card_path.is_file():
            yield Problem(course.rel(folder), "has no data card (CARD.md)",
                          "write CARD.md with front matter and the sections of a data card")
            continue
        try:
            card = Card.read(card_path)
        except CourseError as exc:
            yield from (Problem(rel_card, p.what, p.hint) for p in exc.problems)
            continue
        except Exception as exc:
            yield Problem(rel_card, f"cannot be read: {exc}", "fix the YAML front matter between '---' lines")
            continue
        for field in card.missing_fields():
            yield Problem(rel_card, f"front matter lacks '{field}'", f"add '{field}:' to the front matter")
        listed = card.meta.get("files") or {}
        for name, digest in listed.items():
            path = folder / name
            if not path.is_file():
                yield Problem(rel_card, f"lists {name}, which does not exist", "ship the file or remove it from 'files'")
                continue
            actual = sha256(path)
            if actual != digest:
                yield Problem(course.rel(path), f"checksum mismatch (card says {str(digest)[:12]}…, file is {actual[:12]}…)",
                              "regenerate it with 'cerdas datasets build' or, if the change is intended, "
                              "update the card's sha256")
            elif path.suffix == ".csv":
                yield from _header_matches(course, path, card)
        for path in sorted(folder.iterdir()):
            if path.suffix in DATA_SUFFIXES and path.name not in listed:
                yield Problem(course.rel(path), "is not listed on the data card",
                              "add it under 'files' in CARD.md with its sha256")


def _header_matches(course: Course, path, card: Card):
    try:
        described = list(card.table_columns(path.name))
    except CourseError as exc:
        yield from (Problem(course.rel(card.path), p.what, p.hint) for p in exc.problems)
        return
    with open(path, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh), [])
    if not described:
        yield Problem(course.rel(card.path), f"does not describe the columns of {path.name}",
                      f"add them under 'tables: {path.name}: columns:' (type and arti for each)")
    elif header != described:
        yield Problem(course.rel(path), f"columns {header} differ from the card's {described}",
                      "describe every column on the card, in file order")
