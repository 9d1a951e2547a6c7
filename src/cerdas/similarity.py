"""``cerdas similarity``: which pairs of submissions of one assignment look copied, for the instructor to look at.

Every pair of learners who submitted the assignment is compared, question by question (answer cells
aligned by notebook and nbgrader grade id):

* **Code answers** by winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003) over a normalised
  Python token stream: :mod:`tokenize` tokens without comments, docstrings, newlines, indentation or
  whitespace; every name the learner binds (assignment and loop targets, ``def``/``lambda``
  parameters, function and class names, ``with``/``except``/``import ... as`` names, found with
  :mod:`ast`) becomes one placeholder, so renaming hides nothing; attribute names, library calls,
  keywords and literals stay, so two answers that call different library functions stay different.
  Hashes of ``k`` consecutive tokens are winnowed with a window of ``window`` hashes; each fingerprint
  keeps the source lines it covers, for highlighting. The code score of a pair is its shared
  fingerprints over the fingerprints of the learner who has fewer (so a copy inside a longer answer
  still counts), and is not given when the two answers are too short to judge.
* **Written answers** (markdown answer cells that are manually graded) by TF-IDF cosine
  (scikit-learn's ``TfidfVectorizer``), fitted per question on all learners' answers; answers under
  ``min_words`` words are not compared.

**Starter code and text are excluded.** The released notebook (``release/``, or when there is none,
the source notebook with its solutions cut out as nbgrader's release cuts them,
:func:`cerdas.cells.strip_solutions`) gives each answer cell's starter. Every token k-gram of the
starter is dropped from the learner's fingerprints, starter lines are never highlighted, and starter
lines are removed from written answers before they are compared: two learners who kept only the
starter are not a pair.

**Why not copydetect.** ``copydetect`` (PyPI) implements the same winnowing on files, with template
exclusion, but it replaces *every* name (``df.groupby``, ``len``, ``print``) with one letter and
hashes character k-grams of the whole file: short notebook answers to the same question then look
alike whatever library calls they make, and a notebook has to be split into files per question first.
The algorithm itself is a few dozen lines; keeping it here keeps the tokens Python's own and the
matching lines exact.

The check only reads: submissions and the gradebook are never written, and no grade changes. A high
score is a reason to look at two submissions, not proof of copying.
"""

from __future__ import annotations

import ast
import builtins
import csv
import difflib
import hashlib
import io
import keyword
import re
import tokenize
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

import nbformat

from cerdas import cells, report
from cerdas.coursedir import CourseDir
from cerdas.errors import CourseError, Problem

PLACEHOLDER = "V"
SKIPPED_TOKENS = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                  tokenize.ENCODING, tokenize.ENDMARKER}


@dataclass(frozen=True)
class Settings:
    """Thresholds (a pair is flagged at ``code`` or above, or at ``text`` or above on any written
    question) and the fingerprint parameters."""

    code: float = 0.8
    text: float = 0.85
    k: int = 5
    window: int = 4
    min_fingerprints: int = 15  # the two code answers together; the shorter needs a third of it
    min_words: int = 12


@dataclass
class Question:
    notebook: str
    grade_id: str
    kind: str  # "kode" or "tulisan"
    starter: str


@dataclass
class Pair:
    a: str
    b: str
    code: float | None = None
    shared: int = 0
    fingerprints: tuple[int, int] = (0, 0)
    text: dict[tuple[str, str], float] = field(default_factory=dict)
    flagged: bool = False
    passages: list[dict] = field(default_factory=list)


@dataclass
class Result:
    assignment: str
    step: str
    learners: list[str]
    questions: dict[tuple[str, str], Question]
    pairs: list[Pair]
    settings: Settings
    unreadable: list[str]

    @property
    def flagged(self) -> list[Pair]:
        return [p for p in self.pairs if p.flagged]


# --- code: normalised tokens and winnowing ----------------------------------------------------------

def bound_names(source: str) -> set[str]:
    """Names the code binds (see the module docstring); for code that does not parse, every name
    that is neither a keyword, a builtin nor an attribute."""
    try:
        tree = ast.parse(_blank_magics(source))
    except SyntaxError:
        return {t.string for t in _raw_tokens(source) if t.type == tokenize.NAME
                and not keyword.iskeyword(t.string) and not hasattr(builtins, t.string)}
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.alias) and node.asname:
            names.add(node.asname)
    return names


def tokens(source: str, bound: set[str]) -> list[tuple[str, int, int]]:
    """The normalised token stream of ``source``: (text, first line, last line) per token."""
    found: list[tuple[str, int, int]] = []
    raw = _raw_tokens(source)
    for i, t in enumerate(raw):
        if t.type in SKIPPED_TOKENS or not t.string.strip():
            continue
        if t.type == tokenize.STRING and _is_docstring(raw, i):
            continue
        text = t.string
        after_dot = bool(found) and found[-1][0] == "."
        if t.type == tokenize.NAME and text in bound and not after_dot:
            text = PLACEHOLDER
        found.append((text, t.start[0], t.end[0]))
    return found


def kgrams(toks: list[tuple[str, int, int]], k: int) -> list[tuple[int, set[int]]]:
    """(hash, source lines) of every run of ``k`` tokens (one run when there are fewer)."""
    runs = [toks[i:i + k] for i in range(max(1, len(toks) - k + 1))] if toks else []
    return [(_hash(t[0] for t in run), {n for t in run for n in range(t[1], t[2] + 1)}) for run in runs]


def winnow(grams: list[tuple[int, set[int]]], window: int) -> dict[int, set[int]]:
    """The winnowed fingerprints: in every window of ``window`` k-gram hashes the smallest (the
    rightmost on a tie), each mapped to the lines of every k-gram it came from."""
    chosen: dict[int, set[int]] = {}
    previous = None
    for start in range(max(1, len(grams) - window + 1)) if grams else []:
        hashes = [h for h, _ in grams[start:start + window]]
        low = min(hashes)
        position = start + max(i for i, h in enumerate(hashes) if h == low)
        if position != previous:
            chosen.setdefault(low, set()).update(grams[position][1])
            previous = position
    return chosen


def fingerprints(source: str, *, bound: set[str], starter: str, settings: Settings) -> dict[int, set[int]]:
    """A code answer's fingerprints, less every k-gram of its starter code."""
    toks = tokens(source, bound)
    starter_hashes = {h for h, _ in kgrams(tokens(starter, bound_names(starter)), settings.k)}
    return {h: lines for h, lines in winnow(kgrams(toks, settings.k), settings.window).items()
            if h not in starter_hashes}


def _hash(texts) -> int:
    return int.from_bytes(hashlib.blake2b("\x1f".join(texts).encode(), digest_size=8).digest(), "big")


def _blank_magics(source: str) -> str:
    """IPython ``!``/``%`` lines emptied (line numbers kept)."""
    return "\n".join("" if l.lstrip().startswith(("!", "%")) else l for l in source.splitlines())


def _raw_tokens(source: str) -> list[tokenize.TokenInfo]:
    """tokenize's tokens; for code that does not tokenize to the end, those before the error."""
    found = []
    try:
        for t in tokenize.generate_tokens(io.StringIO(_blank_magics(source) + "\n").readline):
            found.append(t)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return found


def _is_docstring(raw: list[tokenize.TokenInfo], i: int) -> bool:
    """A string that is a statement of its own (a docstring or a bare string): it says what a comment says."""
    before = next((t for t in reversed(raw[:i]) if t.type not in (tokenize.NL, tokenize.COMMENT)), None)
    after = next((t for t in raw[i + 1:] if t.type != tokenize.COMMENT), None)
    return ((before is None or before.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT))
            and (after is None or after.type in (tokenize.NEWLINE, tokenize.ENDMARKER)))


# --- written answers -------------------------------------------------------------------------------

def without_starter(text: str, starter: str) -> str:
    """A written answer without the lines the release put in the cell."""
    given = {line.strip() for line in starter.splitlines() if line.strip()}
    return "\n".join(line for line in text.splitlines() if line.strip() not in given).strip()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def text_scores(answers: dict[str, str], *, settings: Settings) -> dict[tuple[str, str], float]:
    """TF-IDF cosine of every pair of learners whose answers to one question have enough words."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    kept = {who: text for who, text in answers.items() if len(_words(text)) >= settings.min_words}
    if len(kept) < 2:
        return {}
    who = sorted(kept)
    matrix = TfidfVectorizer().fit_transform([kept[w] for w in who])
    cosine = (matrix @ matrix.T).toarray()
    return {(who[i], who[j]): float(cosine[i, j]) for i, j in combinations(range(len(who)), 2)}


# --- the course directory ---------------------------------------------------------------------------

def questions(*, grading: CourseDir, assignment: str) -> dict[tuple[str, str], Question]:
    """Every code answer and written answer of the assignment, with its starter, from the released
    notebooks (or the source ones with solutions cut out as the release cuts them)."""
    released = sorted(grading.release(assignment).glob("*.ipynb"))
    notebooks = released or sorted(grading.source(assignment).glob("*.ipynb"))
    if not notebooks:
        raise CourseError(Problem(str(grading.source(assignment)), f"assignment '{assignment}' has no notebook "
                                  "in release/ or source/", "name an assignment of this course directory"))
    found = {}
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            kind = ("kode" if cell.cell_type == "code" and cells.is_answer(cell)
                    else "tulisan" if cell.cell_type == "markdown" and cells.is_answer(cell) and cells.is_manual(cell)
                    else None)
            if kind:
                starter = cell.source if released else cells.strip_solutions(cell.source, cell_type=cell.cell_type)
                found[(path.name, cells.grade_id(cell))] = Question(path.name, cells.grade_id(cell), kind, starter)
    return found


def submissions(*, grading: CourseDir, assignment: str) -> tuple[str, dict[str, dict[tuple[str, str], str]], list[str]]:
    """(step, {learner: {question key: cell source}}, unreadable notebooks) from submitted/, else autograded/."""
    step = "submitted" if grading.students_in("submitted", assignment) else "autograded"
    if not grading.students_in(step, assignment):
        raise CourseError(Problem(str(grading.step_dir("submitted")), f"no submission of '{assignment}' in submitted/ "
                                  "or autograded/", "collect the submissions first (nbgrader collect or zip_collect)"))
    answers: dict[str, dict[tuple[str, str], str]] = {}
    unreadable = []
    for learner, folder in grading.students_in(step, assignment).items():
        answers[learner] = {}
        for path in sorted(folder.glob("*.ipynb")):
            try:
                nb = nbformat.read(path, as_version=4)
            except Exception as exc:  # one mangled notebook must not stop the check of the others
                unreadable.append(f"{grading.rel(path)}: {exc.__class__.__name__}")
                continue
            for cell in nb.cells:
                if cells.is_answer(cell) and cells.grade_id(cell):
                    answers[learner][(path.name, cells.grade_id(cell))] = cell.source
    return step, answers, unreadable


# --- comparing --------------------------------------------------------------------------------------

def compare(*, grading: CourseDir, assignment: str, settings: Settings = Settings()) -> Result:
    """Score every pair of learners who submitted ``assignment``; flag those at a threshold."""
    asked = questions(grading=grading, assignment=assignment)
    step, answers, unreadable = submissions(grading=grading, assignment=assignment)
    learners = sorted(answers)
    code_keys = [key for key, q in asked.items() if q.kind == "kode"]
    prints, bounds = {}, {}
    for who in learners:
        mine = {key: answers[who].get(key, "") for key in code_keys}
        bounds[who] = bound = set().union(*(bound_names(s) for s in mine.values())) if mine else set()
        prints[who] = {key: fingerprints(src, bound=bound, starter=asked[key].starter, settings=settings)
                       for key, src in mine.items()}
    written = {key: text_scores({who: without_starter(answers[who].get(key, ""), q.starter) for who in learners},
                                settings=settings)
               for key, q in asked.items() if q.kind == "tulisan"}
    pairs = []
    for a, b in combinations(learners, 2):
        pair = Pair(a, b, text={key: s[(a, b)] for key, s in written.items() if (a, b) in s})
        na, nb = (sum(len(f) for f in prints[w].values()) for w in (a, b))
        pair.shared = sum(len(prints[a][key].keys() & prints[b][key].keys()) for key in code_keys)
        pair.fingerprints = (na, nb)
        if na + nb >= settings.min_fingerprints and min(na, nb) >= settings.min_fingerprints // 3:
            pair.code = pair.shared / min(na, nb)
        pair.flagged = (pair.code or 0) >= settings.code or any(s >= settings.text for s in pair.text.values())
        if pair.flagged:
            pair.passages = passages(pair, asked=asked, answers=answers, prints=prints, bounds=bounds,
                                     settings=settings)
        pairs.append(pair)
    pairs.sort(key=lambda p: (not p.flagged, -max([p.code or 0, *p.text.values()])))
    return Result(assignment, step, learners, asked, pairs, settings, unreadable)


def passages(pair: Pair, *, asked, answers, prints, bounds, settings: Settings) -> list[dict]:
    """The matching passages of a flagged pair: per question, both learners' cells with the matching
    lines (code; never a line the starter holds, names normalised) or word runs (writing) marked."""
    shown = []
    for key, q in asked.items():
        if q.kind == "kode":
            shared = prints[pair.a][key].keys() & prints[pair.b][key].keys()
            if not shared:
                continue
            starter_lines = set(_line_forms(q.starter, bound_names(q.starter)).values())
            sides = []
            for who in (pair.a, pair.b):
                source = answers[who].get(key, "")
                marked = set().union(*(prints[who][key][h] for h in shared))
                forms = _line_forms(source, bounds[who])
                sides.append([{"no": n, "awal": line[:len(line) - len(line.lstrip())], "teks": line.lstrip(),
                               "tanda": n in marked and forms.get(n) not in starter_lines}
                              for n, line in enumerate(source.splitlines(), start=1)])
            shown.append({"soal": _title(key, asked), "jenis": "kode", "sisi": sides,
                          "skor": len(shared)})
        elif pair.text.get(key, 0) >= settings.text:
            left, right = (without_starter(answers[w].get(key, ""), q.starter) for w in (pair.a, pair.b))
            shown.append({"soal": _title(key, asked), "jenis": "tulisan", "sisi": _word_runs(left, right),
                          "skor": pair.text[key]})
    return shown


def _line_forms(source: str, bound: set[str]) -> dict[int, str]:
    """Each line's normalised tokens, joined (a line is the one its tokens start on)."""
    forms: dict[int, list[str]] = {}
    for text, first, _ in tokens(source, bound):
        forms.setdefault(first, []).append(text)
    return {n: " ".join(t) for n, t in forms.items()}


def _word_runs(left: str, right: str, shortest: int = 3) -> list[list[dict]]:
    """Both texts as segments, the runs of at least ``shortest`` words they share marked."""
    pieces = [re.findall(r"\w+|\W+", text) for text in (left, right)]
    words = [[(i, p.lower()) for i, p in enumerate(ps) if re.match(r"\w", p)] for ps in pieces]
    matcher = difflib.SequenceMatcher(None, [w for _, w in words[0]], [w for _, w in words[1]], autojunk=False)
    marked: list[set[int]] = [set(), set()]
    for block in matcher.get_matching_blocks():
        if block.size >= shortest:
            for side, start in ((0, block.a), (1, block.b)):
                first, last = words[side][start][0], words[side][start + block.size - 1][0]
                marked[side].update(range(first, last + 1))
    return [[{"teks": p, "tanda": i in marked[side]} for i, p in enumerate(pieces[side])] for side in (0, 1)]


def _title(key: tuple[str, str], asked: dict) -> str:
    several = len({notebook for notebook, _ in asked}) > 1
    return f"{key[0]} · {key[1]}" if several else key[1]


# --- writing the report -----------------------------------------------------------------------------

def write(result: Result, *, out: Path) -> list[Path]:
    """``kemiripan-<assignment>.html`` (flagged pairs, passages side by side) and ``.csv`` (every pair)."""
    name = f"kemiripan-{result.assignment}"
    written_keys = [key for key, q in result.questions.items() if q.kind == "tulisan"]
    out.mkdir(parents=True, exist_ok=True)
    table = out / f"{name}.csv"
    with table.open("w", newline="", encoding="utf-8") as handle:
        rows = csv.writer(handle)
        rows.writerow(["peserta_a", "peserta_b", "skor_kode", "sidik_bersama", "sidik_a", "sidik_b",
                       *[f"tulisan:{_title(k, result.questions)}" for k in written_keys], "ditandai"])
        for p in result.pairs:
            rows.writerow([p.a, p.b, "" if p.code is None else f"{p.code:.3f}", p.shared, *p.fingerprints,
                           *["" if k not in p.text else f"{p.text[k]:.3f}" for k in written_keys],
                           "ya" if p.flagged else "tidak"])
    page = report.write(out / f"{name}.html", "kemiripan.html", r=result, dibuat=date.today().isoformat(),
                        tulisan=[(k, _title(k, result.questions)) for k in written_keys])
    return [page, table]


def summary(result: Result) -> str:
    s = result.settings
    return (f"{result.assignment}: {len(result.learners)} learners ({result.step}), {len(result.pairs)} pairs, "
            f"{len(result.flagged)} flagged (code >= {s.code:g} or a written answer >= {s.text:g}); "
            "no grade was changed")
