"""Run grading jobs: a local pool of threads (one warm kernel zygote each) or a Dask cluster."""

from __future__ import annotations

import ast
import atexit
import threading
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import nbformat

from cerdas.grading import kernels
from cerdas.grading.worker import Job, grade_job

ALWAYS = ["numpy", "pandas", "matplotlib", "matplotlib_inline.backend_inline", "cerdas.datasets", "cerdas.periksa"]
_zygotes: list[kernels.Zygote] = []
_guard = threading.Lock()
_local = threading.local()


def preload_for(source_dir: Path) -> list[str]:
    """Modules worth importing once: the source notebooks' top-level imports plus the usual ones."""
    found = list(ALWAYS)
    for path in sorted(Path(source_dir).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            try:
                tree = ast.parse("\n".join(l for l in cell.source.splitlines() if not l.lstrip().startswith(("!", "%"))))
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found += [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.append(node.module)
    return list(dict.fromkeys(found))


def _thread_zygote(preload: tuple[str, ...], sandbox: kernels.Sandbox, owner: list | None = None) -> None:
    """Give this thread its own zygote (started once per thread and preload set); ``owner``
    collects it so whoever owns the thread can close it."""
    current = getattr(_local, "zygote", None)
    if getattr(_local, "preload", None) != preload or current is None or current.proc.poll() is not None:
        if current is not None and current.proc.poll() is None:
            current.close()  # this thread now grades something else
        zygote = kernels.Zygote(list(preload))
        with _guard:
            _zygotes.append(zygote)
        if owner is not None:
            owner.append(zygote)
        _local.zygote, _local.preload = zygote, preload
    kernels.use(_local.zygote, sandbox)


def run_job(job: Job, preload: tuple[str, ...], sandbox: kernels.Sandbox, owner: list | None = None) -> dict:
    """Entry point for any executor (a local thread or a Dask worker thread)."""
    _thread_zygote(preload, sandbox, owner)
    return grade_job(job)


@atexit.register
def close_zygotes() -> None:
    with _guard:
        for zygote in _zygotes:
            zygote.close()
        _zygotes.clear()


@contextmanager
def owned_zygotes():
    """A list that threads register the zygotes they start in; all are closed when the block ends
    (the threads end with it, and each zygote holds a few hundred MB)."""
    created: list[kernels.Zygote] = []
    try:
        yield created
    finally:
        with _guard:
            for zygote in created:
                if zygote in _zygotes:
                    _zygotes.remove(zygote)
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
