"""Every dataset has a complete data card whose checksums and columns match the shipped files,
and a dataset with its own generator (``datasets/<name>/generate.py``) is named by its card."""

from __future__ import annotations

import ast
import csv

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
