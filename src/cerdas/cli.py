"""The ``cerdas`` command: a thin layer that parses arguments and calls keyword-only functions."""

from __future__ import annotations

import argparse
import sys
import time

from cerdas.course import Course
from cerdas.errors import CourseError


def _course(args) -> Course:
    return Course.find(args.root)


def _grading(args):
    """The nbgrader course directory: ``--course-dir``, else ``--root``'s assignments/, else found
    from the working directory; ``--db`` overrides its gradebook."""
    from cerdas.coursedir import CourseDir

    return CourseDir.find(course_dir=getattr(args, "course_dir", None), db_url=getattr(args, "db", None),
                          course_root=args.root)


def cmd_check(args) -> int:
    from cerdas.check import check_course

    course = _course(args)
    if args.waktu:
        from cerdas.check.syllabus import time_table

        print("\n".join(time_table(course)))
    problems = check_course(course=course)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("course OK")
    return 0


def cmd_build(args) -> int:
    from cerdas.build import build

    start = time.perf_counter()
    result = build(course=_course(args), jobs=args.jobs, force=args.force)
    print(f"\nDone in {time.perf_counter() - start:.0f} s. The site is at {result.index}")
    print(f"Open it in a browser: file://{result.index}")
    return 0


def cmd_release(args) -> int:
    from cerdas.assignments import release

    for path in release(course=_grading(args), names=args.names or None):
        print(f"released {path}")
    return 0


def cmd_verify(args) -> int:
    from cerdas.assignments import verify

    results = verify(course=_grading(args), names=args.names or None, jobs=args.jobs, cheats=not args.no_cheats,
                     cache=not args.force, progress=sys.stderr.isatty())
    for r in results:
        print(r.table())
    problems = [p for r in results for p in r.problems]
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


def cmd_publish(args) -> int:
    from cerdas.assignments.publish import publish

    for path in publish(course=_course(args), names=args.names or None):
        print(f"published {path}")
    return 0


def cmd_bundle(args) -> int:
    from pathlib import Path

    from cerdas.bundle import bundle

    path = bundle(course=_course(args), out=Path(args.out) if args.out else None, build=not args.no_build)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


def cmd_feedback(args) -> int:
    from cerdas.assignments.feedback import feedback

    paths = feedback(course=_grading(args), assignment=args.assignment, students=args.student or None)
    for path in paths:
        print(f"wrote {path}")
    return 0


def cmd_validate(args) -> int:
    from pathlib import Path

    from cerdas.assignments.validate import validate

    status = 0
    for name in args.notebooks:
        result = validate(Path(name), released=Path(args.released) if args.released else None)
        print(result.report())
        status = status or (0 if result.ok else 1)
    return status


def cmd_grade(args) -> int:
    from pathlib import Path


    from cerdas.grading import GradingIncomplete, grade
    from cerdas.grading.worker import Limits

    course = _grading(args)
    limits = Limits(cell_seconds=args.cell_timeout, notebook_seconds=args.notebook_timeout,
                    memory_bytes=args.memory_mb * 1024**2)
    if args.no_sandbox:
        print("warning: --no-sandbox: kernels are NOT confined; each submission's code can read and change "
              "what this account can (the gradebook, other submissions, the source, your home) and use the "
              "network, and a fork storm is not stopped. Grade only work you trust this way.", file=sys.stderr)
    try:
        run = grade(course=course, assignment=args.assignment, source=Path(args.source) if args.source else None,
                    roster=Path(args.roster) if args.roster else None, workers=args.jobs, force=args.force,
                    scheduler=args.scheduler, limits=limits, sandbox=not args.no_sandbox)
    except GradingIncomplete as exc:  # the batch's own lines first, then the one line saying what failed
        for line in exc.run.report():
            print(line, file=sys.stderr)
        raise
    for line in run.report():
        print(line, file=sys.stderr)
    print(f"graded {len(run.graded)}, unchanged {len(run.skipped)}, "
          + (f"applied from saved results {len(run.reapplied)}, " if run.reapplied else "")
          + f"input problems {len(run.issues)} in {run.seconds:.0f} s")
    for path in run.reports:
        print(f"wrote {path}")
    if run.feedback:
        print(f"wrote {len(run.feedback)} feedback files under {course.step_dir('feedback')}")
    return 0


def cmd_certificates(args) -> int:
    from pathlib import Path

    from cerdas import certificates

    course, grading = _course(args), _grading(args)
    if args.action == "verify":
        ok, message = certificates.verify_code(course=course, grading=grading, code=args.code)
        print(message, file=sys.stdout if ok else sys.stderr)
        return 0 if ok else 1
    paths = certificates.issue(course=course, grading=grading, out_dir=Path(args.out) if args.out else None)
    print(f"issued {len(paths)} certificate(s)" + (f" in {paths[0].parent}" if paths else ""))
    return 0


def cmd_cohort(args) -> int:
    from pathlib import Path

    from cerdas import cohort
    from cerdas.certificates import _settings
    from cerdas.grading.inputs import read_roster

    grading = _grading(args)
    try:
        course = _course(args)
    except (CourseError, FileNotFoundError):  # an nbgrader course without Cerdas lessons: no JP to count
        course = None
    roster = read_roster(Path(args.roster)) if args.roster else None
    found = cohort.collect(grading=grading, roster=roster, assignments=args.assignments or None, course=course)
    title = _settings(course).get("nama", grading.root.name) if course else grading.root.name
    out = Path(args.out) if args.out else grading.root / "reports" / "kohort"
    for path in cohort.write(found, out, title=title):
        print(f"wrote {path}")
    at_risk = int(found.summary["berisiko"].sum())
    print(f"{len(found.summary)} learners, {len(found.assignments)} assignments, {at_risk} at risk; "
          "give leadership only dasbor-pimpinan.html / ringkasan-pimpinan.csv / kohort-pimpinan.xlsx (no names)")
    return 0


def cmd_export(args) -> int:
    from pathlib import Path

    from cerdas.export import export
    from cerdas.grading.inputs import read_roster

    grading = _grading(args)
    roster = read_roster(Path(args.roster)) if args.roster else None
    path = export(grading=grading, assignments=args.assignments, to=args.to, roster=roster,
                  out=Path(args.out) if args.out else None)
    print(f"wrote {path}")
    return 0


def cmd_similarity(args) -> int:
    from pathlib import Path

    from cerdas import similarity

    grading = _grading(args)
    settings = similarity.Settings(code=args.code_threshold, text=args.text_threshold,
                                   min_fingerprints=args.min_fingerprints, min_words=args.min_words)
    result = similarity.compare(grading=grading, assignment=args.assignment, settings=settings)
    for path in similarity.write(result, out=Path(args.out) if args.out else grading.reports(args.assignment)):
        print(f"wrote {path}")
    for path in result.unreadable:
        print(f"not compared (unreadable): {path}", file=sys.stderr)
    print(similarity.summary(result))
    return 0


def cmd_links(args) -> int:
    from cerdas.links import links

    found = links(course=_course(args), hub=args.hub)
    for link in found:
        print(f"{link.path}\t{link.url}")
    missing = [link.path for link in found if not link.published]
    if missing:
        print(f"{len(missing)} released notebook(s) not in the repository yet (run `cerdas assignments publish`), "
              f"e.g. {missing[0]}", file=sys.stderr)
    return 0


def cmd_lab(args) -> int:
    from pathlib import Path

    from cerdas.lab import setup_lab

    for path in setup_lab(prefix=Path(args.prefix) if args.prefix else None,
                          keep_instructor_tools=args.keep_instructor_tools):
        print(f"wrote {path}")
    return 0


def cmd_new(args) -> int:
    from cerdas.new import new_course

    root = new_course(target=args.dir, title=args.title, toolkit=args.toolkit)
    print(f"wrote a new course in {root}\nnext: cd {root} && git init && python3 make.py build")
    return 0


def cmd_datasets_list(args) -> int:
    from cerdas.datasets.listing import dataset_table, format_table

    print(format_table(dataset_table(course=_course(args))))
    return 0


def cmd_datasets_build(args) -> int:
    from cerdas.datasets.build import build_datasets

    for name, path in build_datasets(course=_course(args), names=args.names or None).items():
        print(f"{name}: wrote {path}")
    return 0


COURSE_DIR_HELP = ("nbgrader course directory (default: found from the working directory: the folder with "
                   "nbgrader_config.py, or a Cerdas course's assignments/)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cerdas", description="Validate, build and grade the Cerdas course.")
    p.add_argument("--root", help="course root (default: found from the current folder)")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="validate the course; report every problem")
    c.add_argument("--waktu", action="store_true",
                   help="first print every lesson's minutes: menit, the estimate from its content, difference, JP")
    c.set_defaults(func=cmd_check)
    b = sub.add_parser("build", help="check, execute lessons, build the site, release and verify assignments")
    b.add_argument("--jobs", type=int, default=2, help="lessons executed and assignments verified at once")
    b.add_argument("--force", action="store_true", help="execute, release and verify everything again, even "
                   "what did not change since the last build")
    b.set_defaults(func=cmd_build)

    a = sub.add_parser("assignments", help="release, publish or verify nbgrader assignments").add_subparsers(
        dest="action", required=True)
    r = a.add_parser("release", help="write the student versions into assignments/release/")
    r.add_argument("names", nargs="*")
    r.add_argument("--db", help="gradebook database URL to register the assignment in "
                   "(default: the course's nbgrader_config.py, else sqlite in the course directory; "
                   "e.g. postgresql://user:pw@host/db)")
    r.add_argument("--course-dir", help=COURSE_DIR_HELP)
    r.set_defaults(func=cmd_release)
    pb = a.add_parser("publish", help="release afresh into book/tugas/ (outputs stripped) for the site and launch links")
    pb.add_argument("names", nargs="*")
    pb.set_defaults(func=cmd_publish)
    v = a.add_parser("verify", help="solution earns full points, blank version earns none")
    v.add_argument("names", nargs="*")
    v.add_argument("--jobs", type=int, default=2)
    v.add_argument("--force", action="store_true", help="verify again even when nothing the result depends on "
                   "changed since it last passed (results are kept in the course directory's .cerdas/verify/)")
    v.add_argument("--course-dir", help=COURSE_DIR_HELP)
    v.add_argument("--no-cheats", action="store_true", help="skip the generated cheat mutants (tests written "
                   "with plain assert on the learner's objects cannot stop them; see cerdas.periksa)")
    v.set_defaults(func=cmd_verify)

    bu = sub.add_parser("bundle", help="one zip for offline rooms: site, released notebooks, datasets, requirements, checksums")
    bu.add_argument("--out", help="zip path (default: _build/cerdas-offline.zip)")
    bu.add_argument("--no-build", action="store_true", help="bundle the site already in _build/html")
    bu.set_defaults(func=cmd_bundle)

    gr = sub.add_parser("grade", help="auto-grade every submission in parallel, with reports and feedback")
    gr.add_argument("assignment")
    gr.add_argument("--from", dest="source", help="an LMS zip/folder or an exchange inbound folder "
                    "(default: the course's submitted/ tree)")
    gr.add_argument("--roster", help="CSV with an id column (and name/email) to match students")
    gr.add_argument("--jobs", type=int, default=None, help="parallel workers (default: number of cores)")
    gr.add_argument("--force", action="store_true", help="grade again even unchanged submissions")
    gr.add_argument("--scheduler", help="run on a Dask cluster, e.g. tcp://10.0.0.5:8786")
    gr.add_argument("--db", help="gradebook database URL (default: sqlite in the course directory)")
    gr.add_argument("--course-dir", help=COURSE_DIR_HELP)
    gr.add_argument("--cell-timeout", type=int, default=60, help="seconds per cell")
    gr.add_argument("--notebook-timeout", type=int, default=300, help="seconds per notebook")
    gr.add_argument("--memory-mb", type=int, default=2048, help="memory limit per kernel")
    gr.add_argument("--no-sandbox", action="store_true", help="grade even where kernels cannot be confined "
                    "(they then reach all this account can: see the README's 'Grading safely')")
    gr.set_defaults(func=cmd_grade)

    ce = sub.add_parser("certificates", help="PDF certificates for learners who pass; verify a code")
    ce.add_argument("action", nargs="?", choices=["issue", "verify"], default="issue")
    ce.add_argument("code", nargs="?", help="with verify: the code printed on the certificate")
    ce.add_argument("--course-dir", help=COURSE_DIR_HELP)
    ce.add_argument("--db", help="gradebook database URL")
    ce.add_argument("--out", help="folder for the PDFs (default: <course-dir>/sertifikat)")
    ce.set_defaults(func=cmd_certificates)

    co = sub.add_parser("cohort", help="cohort dashboard: completion, scores, JP, certificates, at-risk learners "
                        "per agency and intake (HTML, CSV, Excel; a leadership view without names)")
    co.add_argument("assignments", nargs="*", help="assignments to include (default: all in the gradebook)")
    co.add_argument("--roster", help="CSV with an id column and optional instansi, jabatan/kelas, angkatan")
    co.add_argument("--out", help="folder for the reports (default: <course-dir>/reports/kohort)")
    co.add_argument("--course-dir", help=COURSE_DIR_HELP)
    co.add_argument("--db", help="gradebook database URL")
    co.set_defaults(func=cmd_cohort)

    ex = sub.add_parser("export", help="grade files for a learning platform: Moodle's grade import, Google "
                        "Classroom, or a plain CSV (empty cell = no grade, never 0)")
    ex.add_argument("assignments", nargs="+")
    ex.add_argument("--to", choices=["moodle", "classroom", "csv"], required=True)
    ex.add_argument("--roster", help="CSV with an id column (Moodle's ID number) and email (needed for Classroom)")
    ex.add_argument("--out", help="folder for the file (default: <course-dir>/reports/ekspor)")
    ex.add_argument("--course-dir", help=COURSE_DIR_HELP)
    ex.add_argument("--db", help="gradebook database URL")
    ex.set_defaults(func=cmd_export)

    si = sub.add_parser("similarity", help="flag pairs of submissions that look copied (code with names, comments and "
                        "whitespace ignored; written answers by TF-IDF); reads only, never changes a grade")
    si.add_argument("assignment")
    si.add_argument("--code-threshold", type=float, default=0.8,
                    help="flag a pair whose share of common code fingerprints is at least this (default 0.8)")
    si.add_argument("--text-threshold", type=float, default=0.85,
                    help="flag a pair whose written answer to any question has at least this TF-IDF cosine (default 0.85)")
    si.add_argument("--min-fingerprints", type=int, default=15,
                    help="code of a pair with fewer fingerprints together is too short to judge (default 15)")
    si.add_argument("--min-words", type=int, default=12, help="written answers with fewer words are not compared (default 12)")
    si.add_argument("--out", help="folder for the report (default: <course-dir>/reports/<assignment>)")
    si.add_argument("--course-dir", help=COURSE_DIR_HELP)
    si.set_defaults(func=cmd_similarity)

    f = sub.add_parser("feedback", help="per-student HTML feedback in Indonesian, hidden tests never shown")
    f.add_argument("assignment")
    f.add_argument("--student", action="append", help="only this student (repeatable)")
    f.add_argument("--course-dir", help=COURSE_DIR_HELP)
    f.add_argument("--db", help="gradebook database URL the submissions were graded into "
                   "(default: sqlite in the course directory; e.g. postgresql://user:pw@host/db)")
    f.set_defaults(func=cmd_feedback)
    val = sub.add_parser("validate", help="run a notebook and report its tests in Indonesian; exit 1 on failure")
    val.add_argument("notebooks", nargs="+")
    val.add_argument("--released", help="the released notebook, to detect deleted cells (found automatically in a course)")
    val.set_defaults(func=cmd_validate)

    li = sub.add_parser("links", help="nbgitpuller links (JupyterHub) for every lesson and released assignment")
    li.add_argument("--hub", help="the hub's URL (default: launch_buttons.jupyterhub_url in _config.yml)")
    li.set_defaults(func=cmd_links)

    la = sub.add_parser("lab", help="set up JupyterLab for learners: Indonesian by default, instructor tools hidden")
    la.add_argument("--prefix", help="the Python environment to configure (default: this one)")
    la.add_argument("--keep-instructor-tools", action="store_true",
                    help="only set the language (a hub hides the instructor tools per group)")
    la.set_defaults(func=cmd_lab)

    nw = sub.add_parser("new", help="start a course repository of your own in DIR (new or empty)")
    nw.add_argument("dir")
    nw.add_argument("--title", help="the course title (default: made from DIR's name)")
    nw.add_argument("--toolkit", help="requirement line that installs cerdas, e.g. 'cerdas @ file:///path/cerdas.whl' "
                    "(default: how this cerdas is installed)")
    nw.set_defaults(func=cmd_new)

    d = sub.add_parser("datasets", help="list or regenerate the datasets").add_subparsers(dest="action", required=True)
    d.add_parser("list", help="one line per dataset").set_defaults(func=cmd_datasets_list)
    g = d.add_parser("build", help="regenerate synthetic datasets from their seeds")
    g.add_argument("names", nargs="*")
    g.set_defaults(func=cmd_datasets_build)
    return p


def _add_debug(p: argparse.ArgumentParser, *, top: bool = True) -> None:
    """``--debug`` on every (sub)command, so it may be given anywhere on the line."""
    p.add_argument("--debug", action="store_true", default=False if top else argparse.SUPPRESS,
                   help="on an unexpected error, show the full traceback instead of one line")
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _add_debug(child, top=False)


def unexpected(exc: BaseException, command: str) -> str:
    """One line for an error no check anticipated: the command, where in cerdas it happened, what."""
    import traceback
    from pathlib import Path

    package = Path(__file__).resolve().parent
    where = ""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(package):
            where = f" in cerdas/{path.relative_to(package).as_posix()}:{frame.lineno} ({frame.name})"
            break
    message = " ".join(str(exc).split())
    message = message if len(message) <= 300 else message[:297] + "..."
    return (f"error: cerdas {command} failed{where}: {exc.__class__.__name__}"
            + (f": {message}" if message else "") + " (run again with --debug to see the traceback)")


def main(argv: list[str] | None = None) -> int:
    import warnings

    # nbgrader's gradebook API trips SQLAlchemy autoflush warnings that say nothing to an instructor
    warnings.filterwarnings("ignore", message=r".*not in session, add operation along")
    p = parser()
    _add_debug(p)
    args = p.parse_args(argv)
    try:
        return args.func(args)
    except CourseError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI never ends in a traceback unless asked to
        if args.debug:
            raise
        if isinstance(exc, FileNotFoundError):
            print(f"error: {exc}", file=sys.stderr)
            return 1
        command = " ".join(filter(None, [args.command, getattr(args, "action", None)]))
        print(unexpected(exc, command), file=sys.stderr)
        return 1
