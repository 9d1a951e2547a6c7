"""Read a ``<lesson>.kuis.yml`` and report every problem in it, each naming the file and the item.

A quiz file is a YAML list of 5-8 items. An item is a choice question (``pertanyaan`` and
``pilihan``, each option with ``teks``, ``benar`` and ``penjelasan``; more than one right option makes
it a multiple-answer question) or a number question (``pertanyaan``, ``jawaban``, ``toleransi``,
``penjelasan``). :func:`read` returns the items as :class:`Soal` objects when the file is valid, and
the list of :class:`~cerdas.errors.Problem` otherwise (never both).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import yaml

from cerdas.errors import Problem

SUFFIX = ".kuis.yml"
MIN_ITEMS, MAX_ITEMS = 5, 8
CHOICE_KEYS = {"pertanyaan", "pilihan"}
NUMBER_KEYS = {"pertanyaan", "jawaban", "toleransi", "penjelasan"}
OPTION_KEYS = {"teks", "benar", "penjelasan"}
FORMAT_HINT = "see the quiz format in book/membuat-kursus.md"


@dataclass(frozen=True)
class Pilihan:
    teks: str
    benar: bool
    penjelasan: str


@dataclass(frozen=True)
class Soal:
    """One question: ``pilihan`` for a choice question, else ``jawaban``/``toleransi``/``penjelasan``."""

    pertanyaan: str
    pilihan: tuple[Pilihan, ...] = ()
    jawaban: float | None = None
    toleransi: float = 0.0
    penjelasan: str = ""

    @property
    def jenis(self) -> str:
        """``"satu"`` (one right option), ``"banyak"`` (several) or ``"angka"`` (a number)."""
        if not self.pilihan:
            return "angka"
        return "banyak" if sum(p.benar for p in self.pilihan) > 1 else "satu"


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _unknown(keys, known: set[str], where: str, problem):
    for key in sorted(set(keys) - known, key=str):
        close = [k for k in sorted(known) if _similar(str(key), k)]
        yield problem(f"{where} has an unknown key '{key}'",
                      f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(sorted(known))}")


def _similar(a: str, b: str) -> bool:
    """A misspelling: same letters give or take one or two (``penjelsan`` for ``penjelasan``)."""
    import difflib

    return difflib.SequenceMatcher(None, a.lower(), b).ratio() >= 0.8


def _option(raw, number: int, item: str, problem) -> list[Problem]:
    where = f"{item}, option {number}"
    if not isinstance(raw, dict):
        return [problem(f"{where} is not a mapping", "write it as 'teks:', 'benar:' and 'penjelasan:' lines")]
    found = list(_unknown(raw, OPTION_KEYS, where, problem))
    if not _text(raw.get("teks")):
        found.append(problem(f"{where} has no 'teks'", "write the option's text"))
    if not isinstance(raw.get("benar"), bool):
        found.append(problem(f"{where}: 'benar' must be true or false, not {raw.get('benar')!r}",
                             "write 'benar: true' for a right option, 'benar: false' for a wrong one"))
    if not _text(raw.get("penjelasan")):
        found.append(problem(f"{where} has no 'penjelasan'",
                             "explain in a sentence why this option is right or wrong"))
    return found


def _item(raw, number: int, problem) -> tuple[Soal | None, list[Problem]]:
    item = f"item {number}"
    if not isinstance(raw, dict):
        return None, [problem(f"{item} is not a mapping", "start the item with '- pertanyaan: ...'")]
    found: list[Problem] = []
    if not _text(raw.get("pertanyaan")):
        found.append(problem(f"{item} has no 'pertanyaan'", "write the question's text"))
    number_keys = {"jawaban", "toleransi"} & set(raw)
    if "pilihan" in raw and (number_keys or "penjelasan" in raw):
        extra = sorted(number_keys | ({"penjelasan"} & set(raw)))
        return None, found + [problem(f"{item} mixes a choice question ('pilihan') with a number question "
                                      f"({', '.join(repr(k) for k in extra)})",
                                      "keep one kind: options each with their own 'penjelasan', or "
                                      "'jawaban', 'toleransi' and 'penjelasan'")]
    if "pilihan" in raw:
        found += _unknown(raw, CHOICE_KEYS, item, problem)
        options = raw["pilihan"]
        if not isinstance(options, list) or len(options) < 2:
            return None, found + [problem(f"{item}: 'pilihan' must list at least two options",
                                          "add the options, each with 'teks', 'benar' and 'penjelasan'")]
        for index, option in enumerate(options, start=1):
            found += _option(option, index, item, problem)
        if found:
            return None, found
        if not any(o["benar"] for o in options):
            found.append(problem(f"{item} has no right option", "mark the right option(s) 'benar: true'"))
        seen: dict[str, int] = {}
        for index, option in enumerate(options, start=1):
            key = " ".join(option["teks"].split())  # case counts: `Jalan` and `jalan` are different answers
            if key in seen:
                found.append(problem(f"{item}: options {seen[key]} and {index} have the same 'teks'",
                                     "make every option of a question different"))
            seen.setdefault(key, index)
        soal = Soal(raw["pertanyaan"].strip(), tuple(Pilihan(o["teks"].strip(), o["benar"], o["penjelasan"].strip())
                                                     for o in options))
        return (None if found else soal), found
    if "jawaban" in raw or "toleransi" in raw:
        found += _unknown(raw, NUMBER_KEYS, item, problem)
        if not _number(raw.get("jawaban")):
            found.append(problem(f"{item}: 'jawaban' must be a number, not {raw.get('jawaban')!r}",
                                 "write the exact answer with a decimal point, e.g. 'jawaban: 0.75'"))
        if not _number(raw.get("toleransi")) or raw.get("toleransi") < 0:
            found.append(problem(f"{item}: 'toleransi' must be a number >= 0, not {raw.get('toleransi')!r}",
                                 "write how far an answer may be from 'jawaban', e.g. 'toleransi: 0.01' (0: exact)"))
        if not _text(raw.get("penjelasan")):
            found.append(problem(f"{item} has no 'penjelasan'", "explain how to find the answer"))
        if found:
            return None, found
        return Soal(raw["pertanyaan"].strip(), jawaban=float(raw["jawaban"]), toleransi=float(raw["toleransi"]),
                    penjelasan=raw["penjelasan"].strip()), []
    found += _unknown(raw, CHOICE_KEYS | NUMBER_KEYS, item, problem)
    found.append(problem(f"{item} is neither a choice question nor a number question",
                         "give it 'pilihan' (options), or 'jawaban' and 'toleransi' (a number)"))
    return None, found


def parse(text: str, rel: str) -> tuple[list[Soal], list[Problem]]:
    """The items of a quiz file's text (``rel`` names it in the problems), or its problems."""
    def problem(what: str, hint: str = "") -> Problem:
        return Problem(rel, what, hint)

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        reason = getattr(exc, "problem", None) or exc.__class__.__name__
        return [], [problem(f"is not valid YAML ({line}{reason})",
                            "check the indentation and put text containing ':' or '#' in quotes")]
    if not isinstance(data, list):
        return [], [problem(f"must be a YAML list of questions, not {type(data).__name__}",
                            f"start each question with '- pertanyaan: ...' ({FORMAT_HINT})")]
    found: list[Problem] = []
    if not MIN_ITEMS <= len(data) <= MAX_ITEMS:
        found.append(problem(f"has {len(data)} questions; a quiz has {MIN_ITEMS} to {MAX_ITEMS}",
                             "add or remove questions"))
    items = []
    for number, raw in enumerate(data, start=1):
        soal, problems = _item(raw, number, problem)
        found += problems
        if soal is not None:
            items.append(soal)
    return ([] if found else items), found


def read(path: Path, *, rel: str | None = None) -> tuple[list[Soal], list[Problem]]:
    """The items of the quiz file at ``path``, or its problems (``rel``: the name shown, default the path)."""
    rel = rel or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], [Problem(rel, "does not exist", f"write the lesson's quiz ({FORMAT_HINT})")]
    except UnicodeDecodeError:
        return [], [Problem(rel, "is not UTF-8 text", "save it as UTF-8")]
    return parse(text, rel)
