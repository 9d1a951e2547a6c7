"""``cerdas assignments verify``: prove that each assignment's tests can tell right from wrong.

In a throwaway course directory (never the instructor's gradebook) the assignment is released and
these submissions are auto-graded by nbgrader itself:

* ``solusi``: the source notebook with its reference solutions: must earn every automatic point;
* ``kosong``: the released blank version: must earn none (a test that passes before any answer
  is written can catch nothing);
* ``mutan-<id>``: the solution with one answer cell replaced by a mutant from ``mutants.yml``:
  must lose points on the tests of the cell it replaces (exactly ``loses`` points if declared);
* ``mutan-curang-<kind>-<cell>``: a cheat mutant generated for every answer cell
  (:mod:`cerdas.assignments.cheats`: an object equal to everything, a subclass of the answer's
  type equal to everything, the test helpers patched): must earn *none* of the cell's points.

A mutant marked ``hardcoded`` must also pass the *visible* tests (run with nbclient on the released
test cells), so that only a hidden test can be what catches it. Submissions are graded by
``cerdas grade``'s engine (nbgrader's preprocessors and scoring, forked kernels, ``jobs`` at a time).

``cerdas build`` and ``cerdas assignments verify`` keep each passing result (``cache=True``) in the
course directory's ``.cerdas/verify/``, with the digest of what decides it (:func:`cache_key`), and
reuse it, marked ``(cached)``, until one of those inputs changes.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from tqdm import tqdm

from cerdas import cells
from cerdas import fingerprint as fp
from cerdas.assignments import cheats
from cerdas.assignments import mutants as mut
from cerdas.assignments.nbgrader import read_scores, resolve_names, run_nbgrader
from cerdas.assignments.visible import passes_visible_tests
from cerdas.coursedir import CONFIG_FILE, CourseDir, as_coursedir, content_course
from cerdas.errors import CourseError, Problem

SOLUTION, BLANK = "solusi", "kosong"
_THROUGH_PERIKSA = ("check the learner's value through cerdas.periksa (`hasil = periksa.bertipe(...)` gives a plain copy; "
                    "periksa.sama/mendekati/panjang compare exact types, expected value first) instead of ==, in, "
                    "isinstance or len on the learner's object")
HINTS = {"objek": _THROUGH_PERIKSA, "subkelas": _THROUGH_PERIKSA,
         "pemeriksa": "start the test cell with `from cerdas import periksa` (never rely on a name the notebook can "
                      "rebind) and make every verdict a periksa check, which refuses shadowed builtins"}


@dataclass
class TestRow:
    notebook: str
    grade_id: str
    cell: int
    points: float
    solution: float | None = None
    blank: float | None = None
    caught: int = 0
    mutants: int = 0
    cheats_caught: int = 0       # generated cheat mutants of the answer cell these tests follow
    cheats: int = 0


@dataclass
class VerifyResult:
    assignment: str
    rows: list[TestRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # (notebook, answer cell) -> {cheat kind: caught}, for every answer cell with tests
    cheat_cells: dict[tuple[str, str], dict[str, bool]] = field(default_factory=dict)
    cached: bool = False  # read from the verify cache, not run (nothing it depends on changed)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def cheat_counts(self) -> tuple[int, int]:
        """(generated, caught) cheat mutants over the whole assignment."""
        kinds = [caught for cell in self.cheat_cells.values() for caught in cell.values()]
        return len(kinds), sum(kinds)

    def table(self) -> str:
        lines = [f"{self.assignment}: {'OK' if self.ok else 'FAILED'}{' (cached)' if self.cached else ''}",
                 f"  {'test cell':<32} {'points':>6} {'solution':>9} {'blank':>6} {'mutants caught':>15} "
                 f"{'cheats caught':>14}"]
        for r in self.rows:
            caught = f"{r.caught}/{r.mutants}" if r.mutants else "-"
            cheated = f"{r.cheats_caught}/{r.cheats}" if r.cheats else "-"
            lines.append(f"  {r.grade_id:<32} {r.points:>6g} {_fmt(r.solution):>9} {_fmt(r.blank):>6} {caught:>15} "
                         f"{cheated:>14}")
        generated, caught = self.cheat_counts
        if generated:
            lines.append(f"  generated cheat mutants: {caught}/{generated} caught, "
                         f"{len(self.cheat_cells)} answer cell(s)")
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {"assignment": self.assignment, "rows": [asdict(r) for r in self.rows],
                "cheat_cells": [[nb, cell, kinds] for (nb, cell), kinds in self.cheat_cells.items()]}

    @classmethod
    def from_json(cls, data: dict, *, cached: bool = True) -> "VerifyResult":
        return cls(data["assignment"], rows=[TestRow(**r) for r in data["rows"]],
                   cheat_cells={(nb, cell): kinds for nb, cell, kinds in data["cheat_cells"]}, cached=cached)


def _fmt(score: float | None) -> str:
    return "-" if score is None else f"{score:g}"


def _student_id(mutant: mut.Mutant) -> str:
    return "mutan-" + re.sub(r"[^a-z0-9_-]+", "-", mutant.id.lower())


def _error_of(autograded: Path, grade_id: str) -> str:
    if not autograded.is_file():
        return ""
    nb = nbformat.read(autograded, as_version=4)
    for cell in nb.cells:
        if cells.grade_id(cell) == grade_id:
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    return f"{out.get('ename')}: {out.get('evalue')}"[:200]
    return ""


@dataclass
class Plan:
    """Everything one assignment's verification needs, prepared before any grading starts."""

    name: str
    root: Path
    notebooks: dict[str, object]
    mutants: list[mut.Mutant]
    submissions: dict[str, dict[str, object]] = field(default_factory=dict)
    workers: list[Path] = field(default_factory=list)
    jobs: int = 2
    visible: dict[str, bool] = field(default_factory=dict)
    cheat_results: dict[tuple[str, str], dict[str, bool]] = field(default_factory=dict)
    tick: object = None  # called once per graded submission and per visible-test run (progress)

    def steps(self) -> int:
        """How many times :attr:`tick` is called while its tasks run."""
        return len(self.submissions) + sum(1 for m in self.mutants if m.hardcoded)


def prepare(name: str, *, course: CourseDir, tmp: Path, jobs: int, cheats_too: bool = True) -> Plan:
    source = course.source(name)
    root = tmp / name / "w0"
    root.mkdir(parents=True)
    config = course.config_dir / "nbgrader_config.py"
    if config.is_file():
        shutil.copy(config, root / "nbgrader_config.py")
    scratch = CourseDir.throwaway(root)
    shutil.copytree(source, scratch.source(name), ignore=shutil.ignore_patterns(mut.FILE_NAME, ".ipynb_checkpoints"))
    notebooks = {p.stem: nbformat.read(p, as_version=4) for p in sorted(source.glob("*.ipynb"))}
    generated = [m for stem, nb in notebooks.items()
                 for m in cheats.cheat_mutants(nb, stem, several=len(notebooks) > 1)] if cheats_too else []
    plan = Plan(name, root, notebooks, mut.load_mutants(source, course=course) + generated)
    students: dict[str, str] = {}
    for mutant in plan.mutants:
        other = students.setdefault(_student_id(mutant), mutant.id)
        if other != mutant.id:
            raise CourseError(Problem(course.rel(source / mut.FILE_NAME),
                                      f"mutant ids '{other}' and '{mutant.id}' name the same submission folder "
                                      f"'{_student_id(mutant)}'", "make the ids differ in letters or digits"))
    run_nbgrader("generate_assignment", name, course=scratch)
    released = {stem: nbformat.read(scratch.release(name) / f"{stem}.ipynb", as_version=4) for stem in notebooks}
    plan.submissions[SOLUTION] = dict(notebooks)
    plan.submissions[BLANK] = released
    for mutant in plan.mutants:
        plan.submissions[_student_id(mutant)] = {**notebooks, mutant.notebook: mut.apply(mutant, notebooks[mutant.notebook])}
    for student, notebooks in plan.submissions.items():
        folder = scratch.submitted(student, name)
        folder.mkdir(parents=True)
        for stem, nb in notebooks.items():
            nbformat.write(nb, folder / f"{stem}.ipynb")
    plan.workers.append(root)
    plan.jobs = jobs
    return plan


def tasks(plan: Plan, *, course: CourseDir, owner: list | None = None):
    """Independent units of work: grading every submission (cerdas' parallel engine, nbgrader's own
    preprocessors and scoring), and one visible-test run per hardcoded mutant."""
    yield lambda: _grade_all(plan, course=course)
    release = CourseDir.throwaway(plan.root).release(plan.name)
    for mutant in plan.mutants:
        if mutant.hardcoded:
            def visible(m=mutant):
                tests = cells.tests_by_answer(plan.notebooks[m.notebook])[m.cell]
                plan.visible[m.id] = passes_visible_tests(
                    release / f"{m.notebook}.ipynb", solution=plan.notebooks[m.notebook],
                    mutant_cell=m.cell, mutant_code=m.code, owner=owner, tests=[g for _, g, _ in tests],
                    content=content_course())
                if plan.tick is not None:
                    plan.tick()
            yield visible


def _grade_all(plan: Plan, *, course: CourseDir) -> None:
    from cerdas.grading import grade

    # A mutant is judged only on the tests of the cell it replaces, and later cells cannot change
    # those outcomes, so its run stops after the last of them (about a third less work per course).
    stop_after = {}
    for mutant in plan.mutants:
        tests = cells.tests_by_answer(plan.notebooks[mutant.notebook]).get(mutant.cell) or []
        if tests:
            stop_after[_student_id(mutant)] = {mutant.notebook: max(tests)[1]}
    run = grade(course=CourseDir.throwaway(plan.root), assignment=plan.name, workers=plan.jobs, progress=False,
                outputs=False, stop_after=stop_after, on_result=plan.tick)
    broken = [f"{student}/{nb.name}: {nb.message}" for student, nb in run.ungradable()]
    if broken:
        raise CourseError([Problem(course.rel(course.source(plan.name)), line,
                                   "fix the notebook so it can be graded") for line in broken])


def evaluate(plan: Plan, *, course: CourseDir) -> VerifyResult:
    result = VerifyResult(plan.name)
    scores = {}
    for worker in plan.workers:
        for student in plan.submissions:
            scores.setdefault(student, {}).update(read_scores(CourseDir.throwaway(worker), plan.name, student))
    rows: dict[tuple[str, str], TestRow] = {}
    for stem, nb in plan.notebooks.items():
        rel = course.rel(course.source(plan.name) / f"{stem}.ipynb")
        for index, cell in cells.nbgrader_cells(nb):
            if not cells.is_test(cell):
                continue
            gid, points = cells.grade_id(cell), cells.points(cell)
            sol, blank = scores[SOLUTION].get((stem, gid)), scores[BLANK].get((stem, gid))
            row = TestRow(stem, gid, index, points, sol.auto_score if sol else None, blank.auto_score if blank else None)
            rows[(stem, gid)] = row
            result.rows.append(row)
            if row.solution is None or row.solution < points:
                graded = [CourseDir.throwaway(w).autograded(SOLUTION, plan.name) for w in plan.workers]
                folder = next((g for g in graded if g.is_dir()), graded[0])
                why = _error_of(folder / f"{stem}.ipynb", gid)
                result.problems.append(Problem(
                    rel, f"test '{gid}' gives the reference solution {_fmt(row.solution)} of {points:g} points"
                    + (f" ({why})" if why else ""), "fix the solution or the test so the solution earns full points",
                    cell=index))
            if row.blank is None or row.blank > 0:
                result.problems.append(Problem(
                    rel, f"test '{gid}' gives the blank released version {_fmt(row.blank)} points",
                    "a test that passes before any answer is written cannot catch anything: "
                    "make it check the answer's value", cell=index))
    plan.cheat_results.clear()
    for mutant in plan.mutants:
        result.problems.extend(_judge(mutant, plan, scores.get(_student_id(mutant), {}), rows, course=course))
    result.cheat_cells = dict(plan.cheat_results)
    if not result.rows:
        result.problems.append(Problem(course.rel(course.source(plan.name)), "has no auto-graded test cells",
                                       "add test cells"))
    return result


def _judge(mutant: mut.Mutant, plan: Plan, scores: dict, rows: dict, *, course: CourseDir) -> list[Problem]:
    rel = course.rel(course.source(plan.name) / mut.FILE_NAME)
    tests = cells.tests_by_answer(plan.notebooks[mutant.notebook])[mutant.cell]
    if not tests:
        return [Problem(rel, f"mutant '{mutant.id}': answer cell '{mutant.cell}' has no test cell after it",
                        "add a test cell after the answer cell")]
    full = sum(points for _, _, points in tests)
    earned = 0.0
    for _, gid, _ in tests:
        score = scores.get((mutant.notebook, gid))
        earned += (score.auto_score or 0.0) if score else 0.0
    if mutant.cheat:
        return _judge_cheat(mutant, plan, earned, full, tests, rows, course=course)
    for _, gid, _ in tests:
        rows[(mutant.notebook, gid)].mutants += 1
    problems = []
    caught = earned < full
    if caught:
        for _, gid, _ in tests:
            rows[(mutant.notebook, gid)].caught += 1
    else:
        problems.append(Problem(rel, f"mutant '{mutant.id}' survives: it earns all {full:g} points of cell "
                                f"'{mutant.cell}' ({mutant.why or 'no reason given'})",
                                "add a test (hidden if it must not reveal the answer) that rejects this answer"))
    if mutant.loses is not None and caught and abs((full - earned) - float(mutant.loses)) > 1e-9:
        problems.append(Problem(rel, f"mutant '{mutant.id}' loses {full - earned:g} points on cell '{mutant.cell}', "
                                f"but its entry declares loses: {mutant.loses:g}",
                                "adjust the tests' points or the declared loss"))
    if mutant.hardcoded and not plan.visible.get(mutant.id, False):
        problems.append(Problem(rel, f"mutant '{mutant.id}' is marked hardcoded but fails the visible tests of cell "
                                f"'{mutant.cell}', so it does not prove that a hidden test guards the answer",
                                "make it return the expected output literally so it passes the visible tests"))
    return problems


def _judge_cheat(mutant: mut.Mutant, plan: Plan, earned: float, full: float, tests, rows: dict, *,
                 course: CourseDir) -> list[Problem]:
    """A generated cheat is caught only when it earns none of its cell's points."""
    caught = earned <= 0
    for _, gid, _ in tests:
        rows[(mutant.notebook, gid)].cheats += 1
        rows[(mutant.notebook, gid)].cheats_caught += caught
    plan.cheat_results.setdefault((mutant.notebook, mutant.cell), {})[mutant.cheat] = caught
    if caught:
        return []
    first_test = min(tests)[0]
    return [Problem(course.rel(course.source(plan.name) / f"{mutant.notebook}.ipynb"),
                    f"generated cheat mutant '{mutant.id}' earns {earned:g} of {full:g} points of cell "
                    f"'{mutant.cell}': {mutant.why}",
                    HINTS[mutant.cheat], cell=first_test)]


CACHE_VERSION = 1  # bump when what a cached result holds, or what decides it, changes


def cache_key(name: str, *, course: CourseDir, cheats: bool) -> str:
    """Digest of everything that decides ``name``'s verification: its source folder (notebooks,
    mutants.yml, any file beside them), the course's nbgrader_config.py, the datasets its notebooks
    load (see :mod:`cerdas.fingerprint`), the toolkit and verify's own options."""
    source = course.source(name)
    read: set[str] = set()
    for path in sorted(source.glob("*.ipynb")):
        read |= fp.datasets_read(nbformat.read(path, as_version=4))
    content = content_course()
    return fp.combine(version=CACHE_VERSION, source=fp.tree(source), config=fp.file(course.config_dir / CONFIG_FILE),
                      datasets=fp.datasets(read, datasets_dir=content.datasets_dir if content else None),
                      toolkit=fp.toolkit(), cheats=cheats)


def _record(course: CourseDir, name: str) -> Path:
    return course.state_dir / "verify" / f"{name}.json"


def _from_cache(name: str, key: str, *, course: CourseDir) -> VerifyResult | None:
    record = fp.load_record(_record(course, name))
    if not record or record.get("key") != key:
        return None
    try:
        return VerifyResult.from_json(record["result"])
    except (KeyError, TypeError, ValueError):
        return None


def verify(*, course=None, names: list[str] | None = None, jobs: int = 2, cheats: bool = True,
           progress: bool = False, cache: bool = False) -> list[VerifyResult]:
    """Verify the named assignments (all by default) of an nbgrader course directory (a
    :class:`CourseDir`; a Cerdas Course means its ``assignments/``; by default the one found from the
    working directory), with ``jobs`` gradings at a time. ``cheats=False`` leaves out the generated
    cheat mutants (for a course whose tests do not use :mod:`cerdas.periksa`).

    ``cache=True`` reuses the result of an assignment that passed before with exactly the same inputs
    (:func:`cache_key`; kept in the course directory's ``.cerdas/verify/``) and marks it ``cached``;
    only passing results are kept. ``progress=True`` shows a progress bar on stderr."""
    course = as_coursedir(course)
    names = resolve_names(course, names)
    results: dict[str, VerifyResult] = {}
    keys: dict[str, str] = {}
    if cache:
        for name in names:
            keys[name] = cache_key(name, course=course, cheats=cheats)
            hit = _from_cache(name, keys[name], course=course)
            if hit is not None:
                results[name] = hit
    todo = [n for n in names if n not in results]
    if todo:
        results.update(_verify(course=course, names=todo, jobs=jobs, cheats=cheats, progress=progress))
    for name in todo:
        if cache and results[name].ok:
            fp.save_record(_record(course, name), {"key": keys[name], "result": results[name].to_json()})
    return [results[n] for n in names]


def _verify(*, course: CourseDir, names: list[str], jobs: int, cheats: bool, progress: bool) -> dict[str, VerifyResult]:
    from cerdas.grading.runner import owned_zygotes, preload_for

    results: dict[str, VerifyResult] = {}
    preload = [m for n in names for m in preload_for(course.source(n))]  # one warm zygote serves all
    with owned_zygotes(preload=dict.fromkeys(preload)) as owner, tempfile.TemporaryDirectory(prefix="cerdas-verify-") as tmp, \
            ThreadPoolExecutor(max(1, jobs)) as pool, \
            tqdm(total=len(names), desc="verify", unit="step", disable=not progress, leave=False) as bar:
        plans: list[Plan] = []
        bar.set_postfix_str(f"releasing {len(names)} assignment(s)")
        prepared = {pool.submit(_try, prepare, n, course=course, tmp=Path(tmp), jobs=jobs, cheats_too=cheats): n
                    for n in names}
        for future in as_completed(prepared):
            outcome = future.result()
            if isinstance(outcome, CourseError):
                results[prepared[future]] = VerifyResult(prepared[future], problems=outcome.problems)
            else:
                plans.append(outcome)
            bar.update()
        plans.sort(key=lambda plan: names.index(plan.name))
        for plan in plans:
            plan.tick = bar.update
            bar.total += plan.steps()
        bar.set_postfix_str(f"grading {len(plans)} assignment(s)")
        bar.refresh()
        futures = {pool.submit(_try, task): plan for plan in plans for task in tasks(plan, course=course, owner=owner)}
        failures: dict[str, list[Problem]] = {}
        for future in as_completed(futures):
            outcome = future.result()
            if isinstance(outcome, CourseError):
                failures.setdefault(futures[future].name, []).extend(outcome.problems)
        for plan in plans:
            results[plan.name] = (VerifyResult(plan.name, problems=failures[plan.name]) if plan.name in failures
                                  else evaluate(plan, course=course))
    return results


def _try(func, *args, **kwargs):
    try:
        return func(*args, **kwargs)
    except CourseError as exc:
        return exc
