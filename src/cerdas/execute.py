"""Execute the lessons before the site build, several at a time, into the cache the site build reads.

``jupyter-book build`` (myst-nb, ``execute_notebooks: cache``) executes the notebooks it finds no
cached outputs for one after another. :func:`execute_lessons` runs first: it executes the lessons
of ``_toc.yml`` that the cache lacks ``jobs`` at a time, with what myst-nb would use (the kernel
named by the notebook, the notebook's folder as working directory, ``execute:`` timeout and
allow_errors of ``_config.yml`` or the notebook's own ``execution`` metadata, the build's kernel
environment of :func:`kernel_env`), and stores each executed notebook in the same jupyter-cache
(``execute: cache:``, default ``_build/.jupyter_cache``) as myst-nb would. The site build then
finds every lesson cached and executes none.

jupyter-cache matches a notebook by its code cells (source and metadata) and kernelspec only, so a
regenerated dataset or a new toolkit would leave stale outputs on the site. Here a lesson is also
executed again when the datasets it loads, the quiz files it shows (``<stem>.kuis.yml``), the toolkit (:func:`cerdas.fingerprint.toolkit`) or the
execution settings changed since its outputs were cached: the digest of those is recorded per cached
notebook in the cache folder (``cerdas-inputs.json``).

A lesson that fails stops the build with a :class:`CourseError` naming the notebook and the cell,
after every other lesson ran; its traceback is written where myst-nb writes one
(``_build/html/reports/<page>.err.log``). Notebooks excluded from execution, and notebooks whose
metadata sets their own myst-nb execution options, are left to myst-nb.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import nbformat
import yaml

from cerdas import fingerprint as fp
from cerdas.course import Course
from cerdas.errors import CourseError, Problem

MYST_NB_DEFAULT_TIMEOUT = 30  # myst-nb's own default when _config.yml sets none
RECORD_VERSION = 1
RECORD = "cerdas-inputs.json"


def kernel_env(course: Course) -> dict[str, str]:
    """The environment of the site build and of every kernel it starts: the course root, and an
    IPython profile that gives every plot Indonesian alt text (:mod:`cerdas.site.alt`), and the flag
    that makes :func:`cerdas.angka.catat` leave its records for the prose check."""
    from cerdas.angka import SITE_BUILD_ENV
    from cerdas.site.alt import ipython_dir

    return {**os.environ, "CERDAS_ROOT": str(course.root), "IPYTHONDIR": str(ipython_dir(course.build_dir)),
            SITE_BUILD_ENV: "1"}


@dataclass(frozen=True)
class Settings:
    """The execution settings myst-nb reads from ``_config.yml`` (``execute:``, then ``sphinx: config:``)."""

    mode: str = "off"
    cache: Path | None = None
    timeout: int = MYST_NB_DEFAULT_TIMEOUT
    allow_errors: bool = False
    in_temp: bool = False
    exclude: tuple[str, ...] = ()

    @classmethod
    def read(cls, course: Course) -> "Settings":
        data = yaml.safe_load(course.config_file.read_text(encoding="utf-8")) if course.config_file.is_file() else {}
        data = data or {}
        execute = dict(data.get("execute") or {})
        names = {"execute_notebooks": "mode", "cache": "cache", "timeout": "timeout", "allow_errors": "allow_errors",
                 "run_in_temp": "in_temp", "exclude_patterns": "exclude"}
        values = {ours: execute[theirs] for theirs, ours in names.items() if theirs in execute}
        sphinx = ((data.get("sphinx") or {}).get("config") or {})
        for key, ours in {"nb_execution_mode": "mode", "nb_execution_cache_path": "cache",
                          "nb_execution_timeout": "timeout", "nb_execution_allow_errors": "allow_errors",
                          "nb_execution_in_temp": "in_temp", "nb_execution_excludepatterns": "exclude"}.items():
            if key in sphinx:
                values[ours] = sphinx[key]
        mode = values.get("mode", "auto")  # jupyter-book's default
        values["mode"] = "off" if mode is False else str(mode)
        cache = values.get("cache") or ""
        # myst-nb: an empty cache path means <outdir>/../.jupyter_cache; a relative one counts from
        # the folder jupyter-book runs in (build_site runs it in the course root).
        values["cache"] = (course.root / cache) if cache else course.build_dir / ".jupyter_cache"
        values["exclude"] = tuple(values.get("exclude") or ())
        return cls(**values)

    def excludes(self, path: Path) -> bool:
        posix = PurePosixPath(path.resolve().as_posix())
        return any(posix.match(pattern) for pattern in self.exclude)


def lessons(course: Course, settings: Settings) -> list[Path]:
    """The notebooks of ``_toc.yml`` the site build would execute (``.ipynb`` pages not excluded)."""
    from cerdas.check.toc import resolve, toc_files

    found = []
    for entry in toc_files(course):
        path = resolve(course, entry)
        if path is not None and path.suffix == ".ipynb" and not settings.excludes(path) and path not in found:
            found.append(path)
    return found


@dataclass
class Executed:
    """What :func:`execute_lessons` did: the course-relative paths it executed, and those found cached."""

    executed: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    left_to_site_build: list[str] = field(default_factory=list)
    spans: dict[str, tuple[float, float]] = field(default_factory=dict)  # executed: (start, end), perf_counter


@dataclass
class _Job:
    path: Path
    nb: object
    inputs: str
    start: float = 0.0
    end: float = 0.0
    cell: int | None = None  # index (from 0) of the cell executing when it failed
    error: str = ""
    trace: str = ""


def _inputs(nb, *, path: Path, course: Course, settings: Settings) -> str:
    """Digest of what decides a lesson's outputs beside its code: datasets it loads, the quiz files it
    shows (:func:`cerdas.kuis.digest`), toolkit, settings."""
    from cerdas import kuis

    return fp.combine(version=RECORD_VERSION, datasets=fp.datasets(fp.datasets_read(nb), datasets_dir=course.datasets_dir),
                      quizzes=kuis.digest(nb, folder=path.parent, notebooks=course.notebooks_dir),
                      toolkit=fp.toolkit(), timeout=settings.timeout, allow_errors=settings.allow_errors)


def _own_options(nb) -> bool:
    """The notebook sets myst-nb execution options in its metadata: myst-nb decides, not us."""
    options = nb.metadata.get("mystnb") or {}
    return any(str(k).startswith("execution_") for k in options)


def execute_lessons(*, course: Course, jobs: int = 2, echo: bool = True, force: bool = False) -> Executed:
    """Execute the lessons the execution cache lacks (all of them with ``force``), ``jobs`` at a time;
    raise :class:`CourseError` naming every lesson that failed (its notebook and cell)."""
    from jupyter_cache import get_cache

    settings = Settings.read(course)
    report = Executed()
    if settings.mode != "cache" or not course.toc_file.is_file():
        return report
    cache = get_cache(str(settings.cache))
    record_path = settings.cache / RECORD  # lives and goes with the cache it describes
    record = fp.load_record(record_path) or {}
    kept: dict[str, str] = {}
    todo: list[_Job] = []
    for path in lessons(course, settings):
        rel = course.rel(path)
        nb = nbformat.read(path, as_version=4)
        if _own_options(nb):
            report.left_to_site_build.append(rel)
            continue
        _, hashkey = cache.create_hashed_notebook(nb)
        inputs = _inputs(nb, path=path, course=course, settings=settings)
        try:
            cache.match_cache_notebook(nb)
            hit = not force and record.get(hashkey) == inputs
        except KeyError:
            hit = False
        if hit:
            kept[hashkey] = inputs
            report.cached.append(rel)
        else:
            todo.append(_Job(path, nb, inputs))
    if todo:
        _run_all(todo, course=course, settings=settings, jobs=jobs, echo=echo)
    problems = []
    for job in todo:
        rel = course.rel(job.path)
        report.spans[rel] = (job.start, job.end)
        if job.error:
            problems.append(_failure(job, course=course))
            continue
        from jupyter_cache.base import CacheBundleIn

        stored = cache.cache_notebook_bundle(CacheBundleIn(job.nb, str(job.path), data={"execution_seconds": job.end - job.start}),
                                             check_validity=False, overwrite=True)
        kept[stored.hashkey] = job.inputs
        report.executed.append(rel)
    fp.save_record(record_path, kept)
    if problems:
        raise CourseError(problems)
    return report


def _failure(job: _Job, *, course: Course) -> Problem:
    """The Problem for a lesson that failed, and its traceback where myst-nb writes one."""
    rel = course.rel(job.path)
    log = course.html_dir / "reports" / Path(rel).with_suffix(".err.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(job.trace, encoding="utf-8")
    return Problem(rel, f"the lesson fails: {job.error}",
                   f"fix the cell and build again; the full traceback is in {course.rel(log)}",
                   cell=None if job.cell is None else job.cell + 1)


def _run_all(todo: list[_Job], *, course: Course, settings: Settings, jobs: int, echo: bool) -> None:
    from tqdm import tqdm

    env = kernel_env(course)
    show = echo and sys.stderr.isatty()
    with tqdm(total=len(todo), desc="lessons", unit="nb", disable=not show, leave=False) as bar:
        async def all_of_them():
            gate = asyncio.Semaphore(max(1, jobs))

            async def one(job: _Job):
                async with gate:
                    await _execute(job, settings=settings, env=env)
                bar.set_postfix_str(job.path.stem[:30])
                bar.update()

            await asyncio.gather(*(one(job) for job in todo))

        # In a thread of its own, so that a caller already running an event loop (Jupyter) works too.
        with ThreadPoolExecutor(1) as thread:
            thread.submit(asyncio.run, all_of_them()).result()


async def _execute(job: _Job, *, settings: Settings, env: dict[str, str]) -> None:
    """Execute one notebook in place as jupyter-cache's ``single_nb_execution`` does for myst-nb."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    timeout, allow_errors = settings.timeout, settings.allow_errors
    overrides = job.nb.metadata.get("execution") or {}  # single_nb_execution(meta_override=True)
    timeout = overrides.get("timeout", timeout)
    allow_errors = overrides.get("allow_errors", allow_errors)

    def started(cell, cell_index, **_):
        job.cell = cell_index

    with tempfile.TemporaryDirectory(prefix="cerdas-lesson-") as temp, \
            tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as kernel_log:
        cwd = os.path.abspath(temp if settings.in_temp else str(job.path.parent))
        client = NotebookClient(job.nb, resources={"metadata": {"path": cwd}}, timeout=timeout,
                                allow_errors=allow_errors, record_timing=False, on_cell_execute=started)
        job.start = time.perf_counter()
        try:
            # The kernel's own stderr (ipykernel's start-up warnings) goes to a log, not the author's
            # terminal; a failing lesson's traceback ends with it.
            await client.async_execute(env=env, stderr=kernel_log)
        except CellExecutionError as exc:
            job.error = f"{exc.ename}: {exc.evalue}"[:300]
            job.trace = traceback.format_exc()
        except CellTimeoutError:
            job.error = f"a cell ran longer than the {timeout} s timeout (execute: timeout in _config.yml)"
            job.trace = traceback.format_exc()
        except Exception as exc:  # the kernel died or could not start: the lesson did not run
            job.error = f"{type(exc).__name__}: {exc}"[:300]
            job.trace = traceback.format_exc()
        job.end = time.perf_counter()
        if job.error:
            kernel_log.seek(0)
            if text := kernel_log.read().strip():
                job.trace += f"\n--- kernel stderr ---\n{text}\n"
