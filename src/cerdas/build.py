"""``cerdas build``: the main job. Check the course, execute the lessons and build the site,
then release and verify every assignment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from cerdas.assignments import release, verify
from cerdas.check import check_course
from cerdas.course import Course
from cerdas.errors import CourseError, Problem


def jupyter_book() -> str:
    local = Path(sys.executable).with_name("jupyter-book")
    return str(local) if local.exists() else (shutil.which("jupyter-book") or "jupyter-book")


@dataclass
class BuildResult:
    index: Path
    seconds: dict[str, float] = field(default_factory=dict)
    verify: list = field(default_factory=list)


def build_site(*, course: Course, strict: bool = True, echo: bool = True, jobs: int = 2,
               force: bool = False) -> Path:
    """Execute the lessons (cached by content; those not cached ``jobs`` at a time, see
    :mod:`cerdas.execute`) and build the HTML site into ``_build/html``. ``force`` executes every
    lesson again."""
    from cerdas.execute import execute_lessons, kernel_env

    executed = execute_lessons(course=course, jobs=jobs, echo=echo, force=force).executed
    for rel in executed:  # Sphinx reads a page again only when its source is newer than its last read:
        os.utime(course.root / rel)  # new outputs (data, quiz or toolkit changed) must reach the page
    cmd = [jupyter_book(), "build", str(course.root), "--builder", "html", "--keep-going"]
    if strict:
        cmd.append("-W")
    env = kernel_env(course)  # the kernels myst-nb would start get the same environment as ours
    proc = subprocess.run(cmd, cwd=course.root, env=env, text=True,
                          stdout=None if echo else subprocess.PIPE, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        # Sphinx reads again only pages that changed, and repeats no warning of an unchanged page: a
        # saved environment would let the next -W build pass without fixing anything.
        (course.build_dir / ".doctrees" / "environment.pickle").unlink(missing_ok=True)
        lines = (proc.stdout or "").strip().splitlines()
        shown = [line for line in lines if "WARNING:" in line or "ERROR:" in line][:25] or lines[-25:]
        tail = "" if echo else "\n    " + "\n    ".join(shown)  # the warnings, not jupyter-book's traceback
        reports = course.build_dir / "html" / "reports"
        raise CourseError(Problem(course.rel(course.toc_file), f"the site build failed{tail}",
                                  "read the warnings above (warnings count as errors); execution logs of "
                                  f"failed lessons are in {course.rel(reports)}"))
    index = course.html_dir / "index.html"
    if not index.is_file():
        raise CourseError(Problem(course.rel(course.html_dir), "the build wrote no index.html", "check _toc.yml's root"))
    return index


def published_current(*, course: Course) -> None:
    """book/tugas/ must equal the release just made (the thorough form of the check's digest test)."""
    from cerdas.assignments.publish import drift
    from cerdas.check.published import publishes

    if not publishes(course):
        return
    differing = drift(course=course, released_dir=course.release_dir)
    if differing:
        raise CourseError([Problem(f"book/tugas/{d}", "differs from a fresh release of assignments/source",
                                   "run `cerdas assignments publish` and commit book/tugas/") for d in differing])


def build(*, course: Course | None = None, jobs: int = 2, echo: bool = True, force: bool = False) -> BuildResult:
    """The whole pipeline; raises :class:`CourseError` at the first step that fails.

    What did not change since the last build is not done again: lessons whose code, datasets and
    toolkit are unchanged keep their executed outputs, an unchanged assignment is not released again
    and keeps its verify result (printed as cached). ``force`` redoes everything."""
    course = course or Course.find()
    seconds: dict[str, float] = {}

    def step(label: str, func):
        if echo:
            print(f"==> {label}", flush=True)
        start = time.perf_counter()
        value = func()
        seconds[label] = time.perf_counter() - start
        return value

    problems = step("check", lambda: check_course(course=course))
    if problems:
        raise CourseError(problems)
    index = step("execute lessons and build the site",
                 lambda: build_site(course=course, echo=echo, jobs=jobs, force=force))
    step("release assignments", lambda: release(course=course, skip_unchanged=not force))
    step("compare the published assignments with the release", lambda: published_current(course=course))
    results = step("verify assignments", lambda: verify(course=course, jobs=jobs, cache=not force,
                                                       progress=echo and sys.stderr.isatty()))
    if echo:
        for r in results:
            print(r.table())
    failed = [p for r in results for p in r.problems]
    if failed:
        raise CourseError(failed)
    return BuildResult(index=index, seconds=seconds, verify=results)
