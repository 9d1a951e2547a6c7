"""Run grading jobs: a local pool of threads (one warm kernel zygote each) or a Dask cluster."""

from __future__ import annotations

import ast
import atexit
import threading
from contextlib import contextmanager
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import nbformat

from cerdas.codeparse import parse_cell
from cerdas.grading import kernels
from cerdas.grading.worker import Job, grade_job

ALWAYS = ["numpy", "pandas", "matplotlib", "matplotlib_inline.backend_inline", "cerdas.datasets", "cerdas.periksa"]
_zygotes: dict[tuple[str, ...], kernels.Zygote] = {}  # one warm zygote per preload set, shared by threads
_guard = threading.Lock()
_scope: dict = {"depth": 0, "owner": None, "preload": ()}


def preload_for(source_dir: Path) -> list[str]:
    """Modules worth importing once: the source notebooks' top-level imports plus the usual ones."""
    found = list(ALWAYS)
    for path in sorted(Path(source_dir).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            tree = parse_cell(cell.source)
            if tree is None:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found += [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.append(node.module)
    return list(dict.fromkeys(found))


def _thread_zygote(preload: tuple[str, ...], sandbox: kernels.Sandbox, owner: list | None = None) -> None:
    """Point this thread's kernels at the warm zygote for ``preload``, starting it if needed.

    A zygote only forks: student code runs in its children, never in it, so one zygote serves every
    thread and every submission. Inside :func:`owned_zygotes` the scope's preload is merged in, so
    verifying a whole course starts one zygote instead of one per assignment and thread.
    """
    with _guard:
        key = tuple(dict.fromkeys([*_scope["preload"], *preload]))
        zygote = _zygotes.get(key)
        if zygote is None or zygote.proc.poll() is not None:
            zygote = _zygotes[key] = kernels.Zygote(list(key))
            for sink in (owner, _scope["owner"]):
                if sink is not None and zygote not in sink:
                    sink.append(zygote)
    kernels.use(zygote, sandbox)


def run_job(job: Job, preload: tuple[str, ...], sandbox: kernels.Sandbox, owner: list | None = None) -> dict:
    """Entry point for any executor (a local thread or a Dask worker thread)."""
    _thread_zygote(preload, sandbox, owner)
    return grade_job(job)


@atexit.register
def close_zygotes() -> None:
    with _guard:
        for zygote in _zygotes.values():
            zygote.close()
        _zygotes.clear()


@contextmanager
def owned_zygotes(preload: Iterable[str] = ()):
    """A list that collects the zygotes started inside the block; all are closed when it ends (each
    holds a few hundred MB). Nested blocks join the outermost one, so its zygotes live until it ends;
    ``preload`` (outermost block only) is imported by every zygote started inside it."""
    with _guard:
        outer = _scope["depth"] > 0
        if not outer:
            _scope.update(owner=[], preload=tuple(preload))
        _scope["depth"] += 1
        created = _scope["owner"]
    try:
        yield created
    finally:
        with _guard:
            _scope["depth"] -= 1
            last = _scope["depth"] == 0
            if last:
                for key in [k for k, z in _zygotes.items() if z in created]:
                    del _zygotes[key]
                _scope.update(owner=None, preload=())
        if last:
            for zygote in created:
                zygote.close()


def run_local(jobs: list[Job], *, workers: int, preload: list[str], sandbox: kernels.Sandbox) -> Iterator[dict]:
    with owned_zygotes() as owner, ThreadPoolExecutor(max_workers=max(1, workers),
                                                      thread_name_prefix="cerdas-grade") as pool:
        futures = [pool.submit(run_job, job, tuple(preload), sandbox, owner) for job in jobs]
        for future in as_completed(futures):
            yield future.result()


def run_dask(jobs: list[Job], *, scheduler: str, preload: list[str], sandbox: kernels.Sandbox) -> Iterator[dict]:
    from dask.distributed import Client, as_completed as dask_completed

    with Client(scheduler) as client:
        futures = [client.submit(run_job, job, tuple(preload), sandbox, pure=False) for job in jobs]
        for future in dask_completed(futures):
            yield future.result()


def execute(jobs: list[Job], *, workers: int, preload: list[str], sandbox: kernels.Sandbox,
            scheduler: str | None = None) -> Iterable[dict]:
    if scheduler:
        return run_dask(jobs, scheduler=scheduler, preload=preload, sandbox=sandbox)
    return run_local(jobs, workers=workers, preload=preload, sandbox=sandbox)
