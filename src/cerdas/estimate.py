"""How long a lesson takes a first-time programmer, estimated from what the notebook contains.

    minutes = prose words / READING_WPM + CODE_CELL_MINUTES per code cell
              + TRY_MINUTES per "Coba sendiri" + EXERCISE_MINUTES per exercise, rounded up to ROUND_TO

The constants and their sources (README "Lesson times"; book/membuat-kursus.md for authors):

- READING_WPM = 120: Carver's "learning" gear. Carver (1992, "Reading rate: theory, research, and
  practical implications", Journal of Reading 36(2), 84-95) puts college readers at about 300 words
  a minute when reading for understanding, 200 when reading to learn and 138 when reading to
  memorise. Brysbaert (2019, "How many words do we read per minute?", Journal of Memory and
  Language 109, 104047) finds 238 for silent reading of English non-fiction, lower for readers in a
  second language, and rates in other languages that follow how many words they need for the same
  message. A first-time programmer studies (learning gear, at most 200), meets code words and
  terms for the first time, and Indonesian words are long ("pengelompokan", "menskalakannya"):
  the course takes 120, a little below Carver's memorising gear.
- CODE_CELL_MINUTES = 2: read the cell, run it, read its output.
- TRY_MINUTES = 5: a "Coba sendiri" asks for a new cell, a change, a run and a comparison.
- EXERCISE_MINUTES = 10: an exercise block (``{exercise}``) is solved, not read.

Prose is the markdown cells' text without code fences, MyST directive option lines
(``:class: warning``), HTML comments, images and link targets; directive titles and bodies
(admonitions, exercises) are prose and count. A "Coba sendiri" is a line that starts with it (bold,
a heading or an admonition title); an exercise is an ``{exercise}`` or ``{exercise-start}`` directive.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

READING_WPM = 120
CODE_CELL_MINUTES = 2
TRY_MINUTES = 5
EXERCISE_MINUTES = 10
ROUND_TO = 5
TOLERANCE = 0.25  # `cerdas check` fails a lesson whose `menit` is further than this from the estimate

FENCE = re.compile(r"^\s*(`{3,}|~{3,}|:{3,})\s*(\{[\w:-]+\})?")
CODE_DIRECTIVES = {"{code}", "{code-block}", "{code-cell}", "{sourcecode}", "{literalinclude}", "{math}"}
OPTION = re.compile(r"^\s*:[\w-]+:(\s|$)")
TRY = re.compile(r"^\s*(?:#{1,6}\s*|[*_]{1,2}|(?:`{3,}|:{3,})\s*\{admonition\}\s*)coba sendiri\b", re.I | re.M)
EXERCISE = re.compile(r"^\s*(?:`{3,}|:{3,})\s*\{exercise(?:-start)?\}", re.M)
COMMENT = re.compile(r"<!--.*?-->", re.S)
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
ROLE = re.compile(r"\{[\w:-]+\}`([^`<]*)(?:<[^>]*>)?`")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
WORD = re.compile(r"\w", re.U)


@dataclass(frozen=True)
class Estimate:
    words: int
    code_cells: int
    tries: int
    exercises: int

    @property
    def exact(self) -> float:
        return (self.words / READING_WPM + CODE_CELL_MINUTES * self.code_cells
                + TRY_MINUTES * self.tries + EXERCISE_MINUTES * self.exercises)

    @property
    def minutes(self) -> int:
        return max(ROUND_TO, ROUND_TO * math.ceil(round(self.exact, 6) / ROUND_TO))

    def explain(self) -> str:
        return (f"{self.words} words of prose at {READING_WPM} per minute, {self.code_cells} code cells x "
                f"{CODE_CELL_MINUTES}, {self.tries} 'Coba sendiri' x {TRY_MINUTES}, {self.exercises} "
                f"exercises x {EXERCISE_MINUTES}")


def prose(markdown: str) -> str:
    """The text a learner reads in one markdown cell (see the module docstring)."""
    kept, stack = [], []  # stack: the open fences, each (marker, is_code)
    for line in markdown.splitlines():
        fence = FENCE.match(line)
        if fence and stack and fence.group(1)[0] == stack[-1][0][0] and len(fence.group(1)) >= len(stack[-1][0]) \
                and not fence.group(2) and not line.strip()[len(fence.group(1)):].strip():
            stack.pop()
            continue
        if stack and stack[-1][1]:
            continue  # inside code
        if fence:
            directive = fence.group(2)
            stack.append((fence.group(1), directive is None or directive in CODE_DIRECTIVES))
            if directive and directive not in CODE_DIRECTIVES:
                kept.append(line[fence.end():])  # the directive's title ("Latihan 1", "Kesalahan umum") is read
            continue
        if stack and OPTION.match(line):
            continue
        kept.append(line)
    text = "\n".join(kept)
    for pattern, repl in ((COMMENT, " "), (IMAGE, " "), (LINK, r"\1"), (ROLE, r"\1"), (TAG, " ")):
        text = pattern.sub(repl, text)
    return text


def count_words(text: str) -> int:
    return sum(1 for token in text.split() if WORD.search(token) and not re.fullmatch(r"\d+[.)]", token))


def estimate(nb) -> Estimate:
    """The estimate for a notebook node (nbformat 4)."""
    words = tries = exercises = code = 0
    for cell in nb.cells:
        if cell.cell_type == "code":
            code += bool(cell.source.strip())
        elif cell.cell_type == "markdown":
            words += count_words(prose(cell.source))
            tries += len(TRY.findall(cell.source))
            exercises += len(EXERCISE.findall(cell.source))
    return Estimate(words, code, tries, exercises)


def estimate_file(path: Path) -> Estimate:
    return estimate(nbformat.read(path, as_version=4))


def off_by(minutes: int, estimated: int) -> float:
    """Signed relative difference of the stated minutes from the estimate (0.3 = 30% more)."""
    return (minutes - estimated) / estimated
