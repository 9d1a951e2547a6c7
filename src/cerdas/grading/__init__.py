"""``cerdas grade``: auto-grade every submission of an assignment in parallel, safely.

The flow: collect and check the inputs (each problem one report line; the batch goes on), skip
submissions already graded unchanged (unless ``force``), grade the rest with a pool of workers
(each with a warm kernel zygote) or on a Dask cluster, write one result file per submission
atomically, and apply results to the gradebook from this one thread, the single writer.

A result is done only once the gradebook holds it (see :class:`~cerdas.grading.gradebook.Ledger`):
when the gradebook cannot be written, grading goes on, every result is kept, and the run ends
with one :class:`GradingIncomplete` line; the next run applies the kept results without regrading.
Every learner known from the roster or the inputs gets a status (:attr:`GradeRun.status`).
"""

from __future__ import annotations

import os
import pwd
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from tqdm import tqdm

from cerdas.coursedir import CourseDir
from cerdas import cells
from cerdas.errors import CourseError, Problem
from cerdas.grading import inputs as inp
from cerdas.grading.gradebook import GradebookUnavailable, Ledger, Writer, failure, shown_url, stored, unavailable
from cerdas.grading.kernels import Sandbox
from cerdas.grading.results import LearnerStatus, NotebookResult, Outcome, Standing, SubmissionResult
from cerdas.grading.runner import execute, preload_for
from cerdas.grading.worker import Job, Limits

__all__ = ["grade", "GradeRun", "GradingIncomplete", "SubmissionResult", "NotebookResult", "Outcome",
           "LearnerStatus", "Standing"]

KERNEL_USER = "nobody"


@dataclass
class GradeRun:
    """What one ``cerdas grade`` run did; ``outputs`` are the reports and feedback it wrote."""

    assignment: str
    graded: list[SubmissionResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    reapplied: list[str] = field(default_factory=list)  # saved results put into the gradebook without regrading
    unsaved: list[str] = field(default_factory=list)    # results kept on disk that the gradebook did not take
    issues: list[inp.InputIssue] = field(default_factory=list)
    status: dict[str, LearnerStatus] = field(default_factory=dict)  # every known learner: graded, not submitted, or why not
    roster: dict | None = None
    store_error: Problem | None = None                  # why the gradebook did not take a result
    seconds: float = 0.0
    reports: list[Path] = field(default_factory=list)   # grades table, item analysis
    feedback: list[Path] = field(default_factory=list)  # one HTML file per graded notebook

    @property
    def outputs(self) -> list[Path]:
        return [*self.reports, *self.feedback]

    def ungradable(self) -> list[tuple[str, NotebookResult]]:
        """``(student, notebook)`` for each notebook that got no scores at all."""
        return [(r.student, nb) for r in self.graded for nb in r.notebooks.values() if not nb.outcome.scored]

    def report(self) -> list[str]:
        lines = [str(issue) for issue in self.issues]
        for result in self.graded:
            lines += result.lines()
        absent = sorted(s for s, said in self.status.items() if said.standing is Standing.NOT_SUBMITTED)
        if absent:
            lines.append(f"{len(absent)} peserta di daftar tidak mengumpulkan: {', '.join(absent[:10])}"
                         + (", …" if len(absent) > 10 else ""))
        return lines


class GradingIncomplete(GradebookUnavailable):
    """Some results could not be stored; they are kept and the next run applies them. ``run`` has the rest."""

    def __init__(self, problem: Problem, run: GradeRun):
        super().__init__(problem)
        self.run = run


def _kernel_user() -> dict | None:
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(KERNEL_USER)
    except KeyError:
        return None
    return {"uid": entry.pw_uid, "gid": entry.pw_gid}


def collect(*, course: CourseDir, assignment: str, source: Path | None, roster: Path | None,
            workdir: Path) -> tuple[inp.Collected, dict | None]:
    names = sorted(p.stem for p in course.source(assignment).glob("*.ipynb"))
    source_ids = {}
    for name in names:
        nb = nbformat.read(course.source(assignment) / f"{name}.ipynb", as_version=4)
        source_ids[name] = {cells.grade_id(c) for c in nb.cells} - {None}
    people = inp.read_roster(roster) if roster else None
    if source is None:
        collected = inp.from_submitted_tree(course, assignment, names)
    elif source.is_dir() and any("+" in p.name for p in source.iterdir()):
        collected = inp.from_exchange(source, assignment)
    else:
        collected = inp.from_lms(source, assignment, names, people, workdir)
    return inp.validate_all(collected, source_ids, people), people


def grade(*, course: CourseDir | str | Path, assignment: str, source: Path | None = None, roster: Path | None = None,
          workers: int | None = None, force: bool = False, scheduler: str | None = None,
          limits: Limits | None = None, progress: bool = True, outputs: bool = True,
          stop_after: dict[str, dict[str, str]] | None = None, sandbox: bool = True,
          on_result=None) -> GradeRun:
    """Grade every submission of ``assignment``; see the module docstring.

    ``course`` is any nbgrader course directory (a :class:`CourseDir`, or its folder). An assignment
    not yet in its gradebook is registered from ``source/`` first, as ``nbgrader generate_assignment``
    would (the release folder is left alone). With ``outputs`` (the default, as ``cerdas grade``) the
    grades table, the item analysis and every learner's feedback are written too (``run.outputs``).

    Kernels run confined (``confine.py``); where this host cannot confine them, grading is refused
    with a :class:`CourseError` that names what a submission could reach, unless ``sandbox=False``
    (``--no-sandbox``), which grades with resource limits only.

    ``stop_after`` ({student: {notebook: grade_id}}) is for ``cerdas assignments verify`` only: those
    students' notebooks run up to that cell, and later cells get no score. ``on_result()`` is called
    after each submission is graded (verify's progress bar).
    """
    course = course if isinstance(course, CourseDir) else CourseDir.open(course)
    course_dir, db_url = course.root, course.db_url
    started = time.perf_counter()
    bin_dir = os.path.dirname(os.path.abspath(__import__("sys").executable))  # nbgrader runs `alembic` from PATH
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    source_dir = course.source(assignment)
    if not source_dir.is_dir():
        known = ", ".join(course.assignment_names()) or "none"
        raise CourseError(Problem(str(source_dir), "no such source assignment",
                                  f"check the assignment name (in {course.step_dir('source')}: {known})"))
    _require_registered(course, assignment)
    root = _course_root()
    datasets = [str(Path(root) / "datasets")] if root and (Path(root) / "datasets").is_dir() else []
    hidden = [str(course_dir), str(Path.home())]
    if sandbox:
        _require_confinement(course, datasets, hidden)
    elif _kernel_user():
        _require_reachable_runtime()
    run = GradeRun(assignment)
    work = Path(tempfile.mkdtemp(prefix="cerdas-grade-"))
    os.chmod(work, 0o711)  # sandboxes inside can be entered by name, never listed
    try:
        collected, people = collect(course=course, assignment=assignment, source=source,
                                    roster=roster, workdir=work)
        run.issues, run.roster = collected.issues, people
        writer = Writer(course=course, roster=people)
        snapshot = _snapshot(course, work)
        results_dir = course.results(assignment)
        ledger, saved = Ledger(results_dir, db_url, _held(db_url, assignment)), []
        user = _kernel_user()
        jobs, stamps = [], {}
        for sub in collected.submissions:
            state = None if force else ledger.state(sub.student, sub.digest, sub.timestamp)
            if state == "applied":
                run.skipped.append(sub.student)
                continue
            if state == "saved":
                saved.append(sub.student)
                continue
            copies = _private_copies(sub, work, user)
            jobs.append(Job(sub.student, assignment, copies, str(source_dir), snapshot, limits or Limits(), user,
                            sub.digest, str(work), (stop_after or {}).get(sub.student, {})))
            stamps[sub.student] = sub.timestamp
        box = Sandbox(memory_bytes=(limits or Limits()).memory_bytes, processes=(limits or Limits()).processes,
                      user=user, confine=sandbox, read_only=datasets, hide=[*hidden, str(work)],
                      env={"CERDAS_ROOT": root}, log=os.environ.get("CERDAS_KERNEL_LOG"))
        failures = 0
        with tqdm(total=len(jobs), desc=f"grading {assignment}", unit="nb", disable=not progress or not jobs) as bar:
            for raw in execute(jobs, workers=workers or os.cpu_count() or 1, preload=preload_for(source_dir),
                               sandbox=box, scheduler=scheduler):
                ledger.save(raw)
                result = SubmissionResult.from_dict(raw)
                run.graded.append(result)
                _store(run, writer, ledger, result, stamps.get(result.student), db_url)
                failures += not result.ok
                bar.set_postfix(gagal=failures)
                bar.update()
                if on_result is not None:
                    on_result()
        times = {sub.student: sub.timestamp for sub in collected.submissions}
        for student in saved:  # graded before, but the gradebook never took it: apply, don't regrade
            if _store(run, writer, ledger, SubmissionResult.from_dict(ledger.result(student)), times[student], db_url):
                run.reapplied.append(student)
        run.status = inp.statuses(collected, people)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    run.seconds = time.perf_counter() - started
    if run.unsaved:
        problem = run.store_error
        raise GradingIncomplete(Problem(problem.path, f"{problem.what} ({len(run.unsaved)} result(s) kept in "
                                        f"{course.results(assignment)}, not yet in the gradebook)",
                                        problem.hint), run)
    if outputs:
        _write_outputs(run, course)
    return run


def _write_outputs(run: GradeRun, course: CourseDir) -> None:
    """What ``cerdas grade`` leaves for the instructor and the learners: reports, then feedback."""
    from cerdas.assignments.feedback import feedback
    from cerdas.grading.report import write_reports

    run.reports = write_reports(course=course, assignment=run.assignment, status=run.status, roster=run.roster)
    if run.graded or run.skipped or run.reapplied:
        run.feedback = feedback(course=course, assignment=run.assignment)


def _store(run: GradeRun, writer: Writer, ledger: Ledger, result: SubmissionResult, timestamp, db_url: str) -> bool:
    """Put one result into the gradebook; after a failure the rest wait on disk for the next run."""
    student = result.student
    if not run.unsaved:
        try:
            writer.apply(result, timestamp=timestamp)
            ledger.mark_applied(student, result.digest, timestamp)
            return True
        except Exception as exc:  # noqa: BLE001 - the result is kept on disk; one line says what failed
            run.store_error = failure(db_url, exc)
    run.unsaved.append(student)
    return False


def _course_root() -> str:
    from cerdas.course import find_root

    try:
        return str(find_root())
    except FileNotFoundError:
        return os.environ.get("CERDAS_ROOT", "")


UNCONFINED_HELP = ("allow unprivileged user namespaces (Debian: sysctl kernel.unprivileged_userns_clone=1; "
                   "Ubuntu 24.04 and later: sysctl kernel.apparmor_restrict_unprivileged_userns=0) or grade as "
                   "root; or pass --no-sandbox to grade anyway, unconfined")


def _require_confinement(course: CourseDir, datasets: list[str], hidden: list[str]) -> None:
    from cerdas.grading.confine import check

    why = check(extra_ro=datasets, hide=hidden)
    if why is None:
        return
    who = pwd.getpwuid(os.geteuid()).pw_name if os.geteuid() != 0 else KERNEL_USER
    exposed = (f"as {who}, a submission's code could read and change the gradebook ({shown_url(course.db_url)}) and its "
               f"copy, read the other submissions ({course.step_dir('submitted')}), the source and hidden tests "
               f"({course.step_dir('source')}), {Path.home()}, and open network connections")
    raise CourseError(Problem("cerdas grade", f"kernels cannot be confined on this host ({why}); unconfined, "
                              f"{exposed}", UNCONFINED_HELP))


def _require_reachable_runtime() -> None:
    """Unconfined kernels of a root grader run as ``nobody``, who must be able to reach Python."""
    import sys

    for start in {os.path.realpath(sys.executable), sys.prefix, str(Path(__file__).resolve().parents[1])}:
        folder = Path(start)
        for parent in [*reversed(folder.parents)]:
            if parent.is_dir() and not parent.stat().st_mode & 0o001:
                raise CourseError(Problem(str(parent), f"with --no-sandbox, kernels run as {KERNEL_USER}, who "
                                          f"cannot enter this folder to reach {start}",
                                          f"give others search permission (chmod o+x {parent}) or grade without "
                                          "--no-sandbox"))


def _require_registered(course: CourseDir, assignment: str) -> None:
    """The gradebook knows the assignment and its notebooks' cells; if not, register it from ``source/``
    (an assignment added with ``nbgrader db assignment add NAME --duedate=...`` keeps its due date)."""
    from nbgrader.api import Gradebook, MissingEntry

    from cerdas.assignments.nbgrader import register

    db_url = course.db_url
    try:
        if course.sqlite_path is None or course.sqlite_path.is_file():
            with Gradebook(db_url) as gb:
                try:
                    if gb.find_assignment(assignment).notebooks:
                        return  # registered; an assignment added with only its due date gets its notebooks below
                except MissingEntry:
                    pass
    except Exception as exc:  # noqa: BLE001 - a database that cannot be opened is one line, not a traceback
        raise unavailable(db_url, exc, "open it") from exc
    register(course, assignment)


def _held(db_url: str, assignment: str) -> dict:
    try:
        return stored(db_url, assignment)
    except Exception as exc:  # noqa: BLE001
        raise unavailable(db_url, exc, "read the submissions") from exc


def _snapshot(course: CourseDir, work: Path) -> str:
    """A private read-only copy of a SQLite gradebook for the workers (PostgreSQL is read in place)."""
    db_url = course.db_url
    if course.sqlite_path is None:
        return db_url
    target = work / "gradebook-snapshot.db"
    try:
        shutil.copy(course.sqlite_path, target)
    except OSError as exc:
        raise unavailable(db_url, exc, "copy it for the graders") from exc
    os.chmod(target, 0o600)
    return str(target)


def _private_copies(sub: inp.Submission, work: Path, user: dict | None) -> dict[str, str]:
    """Copy the submitted files so the originals are never touched."""
    folder = Path(tempfile.mkdtemp(prefix="masuk-", dir=work))
    copies = {}
    for name, path in sub.notebooks.items():
        target = folder / f"{name}.ipynb"
        shutil.copy(path, target)
        copies[name] = str(target)
    return copies
