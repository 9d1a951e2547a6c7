"""The site build's check that numbers in a lesson's prose agree with the values its code records.

A lesson records a value in a code cell with :func:`cerdas.angka.catat` (during the site build that
leaves a hidden myst-nb glue record in the cell's outputs) and quotes it in a markdown cell as the
number shown to the reader, followed by an HTML comment naming it::

    turun dari 4,3<!--angka:mae_awal--> menjadi 2,8<!--angka:mae_baru-->

The shown number is in Indonesian format: ``.`` groups thousands, ``,`` starts the decimals, an
optional leading ``-`` or ``−``, an optional ``%`` after (a percentage is recorded as the number
shown, ``100 * akurasi``). It agrees when the recorded value, rounded to the decimals shown, is that
number: ``|recorded - shown| <= half a unit of the last decimal shown``. A quote whose name was never
recorded is a problem too; a recorded value that the prose never quotes is fine.

Pure functions over notebook cells (dicts as nbformat writes them); :mod:`cerdas.site.render` turns
each :class:`Problem` into a Sphinx warning, which fails the build (it runs with ``-W``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GLUE_PREFIX = "application/papermill.record/"  # myst_nb.ext.glue.GLUE_PREFIX
COMMENT = re.compile(r"<!--\s*angka\s*:\s*(?P<name>[^\s>]*)\s*-->")
# The number right before the comment: sign, integer part (plain or grouped by dots), decimals, then an
# optional percent sign and closing emphasis (**4,3**<!--angka:x-->). A unit may stand before it
# (Rp1.234). A '-' only counts as a sign when it does not join two words or numbers ("2019-2020").
NUMBER = re.compile(r"(?:(?<![\w.,])(?P<sign>[-−]))?(?P<digits>(?<![\d.,])\d[\d.]*(?:,\d+)?)"
                    r"(?P<percent>[ \u00a0]?%)?(?P<closing>[*_]{0,3})$")
GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
EPSILON = 1e-9


@dataclass(frozen=True)
class Shown:
    """A number as the prose shows it."""

    text: str
    value: float
    decimals: int

    @property
    def tolerance(self) -> float:
        """Half a unit of the last decimal shown, plus a little for binary floating point."""
        return 0.5 * 10.0 ** -self.decimals + EPSILON * max(1.0, abs(self.value))


@dataclass(frozen=True)
class Problem:
    cell: int  # 0-based index of the markdown cell in the notebook
    name: str
    what: str


def parse(text: str) -> Shown:
    """``'1.234,5'`` -> 1234.5 with 1 decimal; ``'−0,25%'`` -> -0.25 with 2. ValueError when it is not
    a number in Indonesian format (``'4.3'``: a dot groups thousands, so it needs three digits after it)."""
    raw = text.strip()
    body = raw.rstrip("%").rstrip(" \u00a0")
    sign = 1.0
    if body[:1] in ("-", "−"):
        sign, body = -1.0, body[1:]
    integer, _, decimals = body.partition(",")
    if not GROUPED.fullmatch(integer) or (decimals and not decimals.isdigit()) or body.endswith(","):
        raise ValueError(f"{raw!r} is not a number in Indonesian format: write thousands with '.' in groups "
                         "of three and decimals after ',' (1.234,5; 4,3; 12%)")
    value = float(integer.replace(".", "") + ("." + decimals if decimals else ""))
    return Shown(raw, sign * value, len(decimals))


def indonesian(value: float, decimals: int) -> str:
    """``1234.567, 1`` -> ``'1.234,6'``: how the prose should show a recorded value."""
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return ("-" if round(value, decimals) < 0 else "") + text


def _number(output: dict, mime: str) -> float | None:
    text = (output.get("data") or {}).get(mime)
    try:
        return float("".join(text) if isinstance(text, list) else text)
    except (TypeError, ValueError):
        return None  # a glue record of something else than a number: not ours


def records(cells: list[dict]) -> dict[str, float]:
    """The values recorded with ``angka.catat`` (hidden glue records) in an executed notebook's outputs."""
    found: dict[str, float] = {}
    for cell in (c for c in cells if c.get("cell_type") == "code"):
        for output in cell.get("outputs") or []:
            name = ((output.get("metadata") or {}).get("scrapbook") or {}).get("name")
            value = _number(output, GLUE_PREFIX + "text/plain")
            if name is not None and value is not None:
                found[name] = value
    return found


def glued(glue_data: dict[str, dict]) -> dict[str, float]:
    """The same values once myst-nb has taken the glue records out of the outputs (its client's
    ``glue_data``: name -> output with the prefix dropped from the mime types)."""
    return {name: value for name, output in glue_data.items() if (value := _number(output, "text/plain")) is not None}


def quotes(markdown: str) -> list[tuple[str, Shown | str]]:
    """Each ``<number><!--angka:name-->`` in a markdown cell: (name, the number shown), or (name, why
    the text before the comment is not a number)."""
    found: list[tuple[str, Shown | str]] = []
    for comment in COMMENT.finditer(markdown):
        name = comment["name"]
        if not NAME.match(name):
            found.append((name, f"the name {name!r} after 'angka:' is not a Python name like mae_awal"))
            continue
        before = NUMBER.search(markdown[:comment.start()])
        if before is None:
            found.append((name, "no number right before the comment: write it as 4,3<!--angka:" + name + "-->"))
            continue
        text = (before["sign"] or "") + before["digits"] + (before["percent"] or "")
        try:
            found.append((name, parse(text)))
        except ValueError as why:
            found.append((name, str(why)))
    return found


def check(cells: list[dict], recorded: dict[str, float] | None = None) -> list[Problem]:
    """Every quote in the markdown cells whose number differs from its record, or that has no record;
    ``recorded`` defaults to the records in the cells' outputs."""
    recorded = records(cells) if recorded is None else recorded
    problems = []
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source") or ""
        for name, shown in quotes("".join(source) if isinstance(source, list) else source):
            if isinstance(shown, str):
                problems.append(Problem(index, name, shown))
            elif name not in recorded:
                problems.append(Problem(index, name, (
                    f"shows {shown.text} but no code cell records '{name}': add `angka.catat(\"{name}\", value)` "
                    "(after `from cerdas import angka`) to the code cell that computes it, or fix the name")))
            elif abs(recorded[name] - shown.value) > shown.tolerance:
                problems.append(Problem(index, name, (
                    f"shows {shown.text} but the code records {recorded[name]!r}, which is "
                    f"{indonesian(recorded[name], shown.decimals)} at the {shown.decimals} decimal(s) shown: "
                    "the output changed since the prose was written; update the prose (and the sentence "
                    "around it) or fix the code")))
    return problems
