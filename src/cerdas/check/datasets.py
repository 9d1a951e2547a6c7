"""Every dataset has a complete data card whose checksums and columns match the shipped files,
a dataset with its own generator (``datasets/<name>/generate.py``) is named by its card, and every
row of a real (published, not synthetic) table cites its source."""

from __future__ import annotations

import ast
import csv
import datetime
import re

from cerdas.course import Course
from cerdas.datasets.build import GENERATOR, is_dataset_folder
from cerdas.datasets.card import Card, sha256
from cerdas.errors import CourseError, Problem

DATA_SUFFIXES = (".csv", ".tsv", ".json", ".parquet")


def cards_and_checksums(course: Course):
    if not course.datasets_dir.is_dir():
        return
    for folder in sorted(p for p in course.datasets_dir.iterdir() if is_dataset_folder(p)):
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
        yield from _generator_matches(course, folder, card)


def _generator_matches(course: Course, folder, card: Card):
    """The card's ``generator`` and ``seed`` agree with the folder's ``generate.py``, read without running it."""
    path = folder / GENERATOR
    rel_card, rel_gen = course.rel(card.path), course.rel(path)
    named = card.meta.get("generator")
    if not path.is_file():
        if named:
            yield Problem(rel_card, f"names generator {named!r}, but {rel_gen} does not exist",
                          f"put the generator in {rel_gen} (SEED and generate(seed)) and run "
                          f"'cerdas datasets build {folder.name}', or remove 'generator:' from the card")
        return
    if named != rel_gen:
        yield Problem(rel_card, f"'generator' is {named!r}, but the set is built by {rel_gen}",
                      f"set 'generator: {rel_gen}' (or run 'cerdas datasets build {folder.name}')")
    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
    except SyntaxError as exc:
        yield Problem(rel_gen, f"is not valid Python (line {exc.lineno}): {exc.msg}", "fix the syntax error")
        return
    seeds = [node.value for node in tree.body if isinstance(node, ast.Assign)
             and any(isinstance(t, ast.Name) and t.id == "SEED" for t in node.targets)]
    if not any(isinstance(node, ast.FunctionDef) and node.name == "generate" for node in tree.body):
        yield Problem(rel_gen, "defines no generate(seed) function",
                      "define generate(seed) returning a DataFrame or {file name: DataFrame}")
    if not seeds:
        yield Problem(rel_gen, "defines no SEED", "add 'SEED = <int>' at module level")
    elif isinstance(seeds[-1], ast.Constant) and seeds[-1].value != card.meta.get("seed"):
        yield Problem(rel_card, f"'seed' is {card.meta.get('seed')!r}, but {rel_gen} has SEED = {seeds[-1].value!r}",
                      f"run 'cerdas datasets build {folder.name}' to rebuild the files with that seed")


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


# A real (not synthetic) table cites, on every row, where its figure was published: an official
# quoting it in a memo needs the publisher, the document and its date, and how sure the course is.
SOURCE_REQUIRED = ("sumber_penerbit", "sumber_dokumen", "sumber_tanggal", "keyakinan")
SOURCE_COLUMNS = (*SOURCE_REQUIRED, "sumber_alamat")
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def real_rows_cite_sources(course: Course):
    """Every row of a real dataset (card ``synthetic: false``) names its publisher, document, date
    (ISO: year, year-month or full date) and confidence; the address column exists (may be empty)."""
    if not course.datasets_dir.is_dir():
        return
    for folder in sorted(p for p in course.datasets_dir.iterdir() if is_dataset_folder(p)):
        try:
            card = Card.read(folder / "CARD.md")
        except Exception:  # cards_and_checksums reports unreadable cards
            continue
        if card.meta.get("synthetic") is not False:
            continue
        for name in card.meta.get("files") or {}:
            path = folder / name
            if path.suffix == ".csv" and path.is_file():
                yield from _rows_cite(course.rel(path), path)


def _rows_cite(rel: str, path):
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in SOURCE_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            yield Problem(rel, f"is real data (synthetic: false) but lacks the source column(s) {', '.join(missing)}",
                          "give every row its publisher (sumber_penerbit), document (sumber_dokumen), date "
                          "(sumber_tanggal, e.g. 2023-03-28), address (sumber_alamat, may be empty) and "
                          "confidence (keyakinan), and describe the columns on the card")
            return
        for line, row in enumerate(reader, start=2):
            empty = [c for c in SOURCE_REQUIRED if not (row.get(c) or "").strip()]
            if empty:
                yield Problem(f"{rel}:{line}", f"names no {' and no '.join(empty)}",
                              "cite the document that published this figure and its date, or drop the row")
            elif not _is_date(row["sumber_tanggal"].strip()):
                yield Problem(f"{rel}:{line}", f"sumber_tanggal {row['sumber_tanggal']!r} is not a date",
                              "write it as YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no more")


def _is_date(text: str) -> bool:
    match = ISO_DATE.match(text)
    if not match:
        return False
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return 1900 <= year <= 2100
