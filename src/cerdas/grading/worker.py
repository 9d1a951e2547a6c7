"""Grade one submission: sanitise like nbgrader, execute in a forked, confined kernel, score.

Runs in a worker thread (or on a Dask worker) and touches no gradebook for writing: it reads a
snapshot of the gradebook (for the source cells nbgrader restores) and returns a result that the
single writer applies. Cells nbgrader would restore are restored; grade cells the student deleted
are put back from the source; a kernel that dies or hangs leaves every test it did not finish
with an error output, so it scores zero, never full marks (nbgrader #427).
"""

from __future__ import annotations

import copy
import os
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from nbclient.exceptions import DeadKernelError
from nbgrader.preprocessors import (CheckCellMetadata, ClearOutput, DeduplicateIds, Execute, IgnorePattern,
                                    LimitOutput, OverwriteCells, OverwriteKernelspec)
from nbconvert.preprocessors import ClearMetadataPreprocessor
from traitlets.config import Config

from cerdas import cells
from cerdas.grading import kernels
from cerdas.grading.results import Outcome

SANITIZE = [ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata]
FINISH = [IgnorePattern, ClearMetadataPreprocessor, LimitOutput]


@dataclass
class Limits:
    cell_seconds: int = 60
    notebook_seconds: int = 300
    output_bytes: int = 1_000_000
    memory_bytes: int | None = 2 * 1024**3
    processes: int | None = 256


@dataclass
class Job:
    student: str
    assignment: str
    notebooks: dict[str, str]          # notebook name -> submitted file
    source_dir: str                    # the source assignment (data files are copied from here)
    snapshot_db: str                   # read-only copy of the gradebook (a path) or a database URL
    limits: Limits = field(default_factory=Limits)
    user: dict | None = None           # {"uid", "gid"} of the unprivileged kernel user, when root
    digest: str = ""
    work_dir: str = ""                 # parent of the throwaway sandboxes (listable by no one)
    # verify only: notebook -> grade_id of the last cell whose score is wanted. Cells after it are not
    # run (they cannot change an earlier cell's outcome) and get no score; never used for real grading.
    stop_after: dict[str, str] = field(default_factory=dict)


def restore_deleted(nb, source_nb) -> list[str]:
    """Put back grade cells missing from ``nb`` after the nearest preceding cell they follow in the source."""
    present = {cells.grade_id(c) for c in nb.cells}
    restored = []
    for position, cell in enumerate(source_nb.cells):
        gid = cells.grade_id(cell)
        if gid and gid not in present and cells.is_grade(cell) and not cells.is_solution(cell):
            anchor = next((cells.grade_id(c) for c in reversed(source_nb.cells[:position])
                           if cells.grade_id(c) in present), None)
            index = next((i + 1 for i, c in enumerate(nb.cells) if cells.grade_id(c) == anchor), len(nb.cells))
            nb.cells.insert(index, copy.deepcopy(cell))
            present.add(gid)
            restored.append(gid)
    return restored


def duplicates(nb) -> list[str]:
    """grade_ids that occur more than once; later copies become ordinary cells (the first is graded)."""
    seen, dup = set(), []
    for cell in nb.cells:
        gid = cells.grade_id(cell)
        if gid and gid in seen:
            dup.append(gid)
            cells.unmark(cell)
        seen.add(gid)
    return dup


# Ways to change how Python runs the test cells that no check running inside the kernel can stop:
# swapping a function's code or namespace, import and trace hooks, IPython's input transformers,
# writing through a module's or the interpreter's own dictionaries. Any cell that names one is
# flagged for manual review (cerdas.periksa guards against the plainer ways to patch the helpers).
_INTERPRETER_HOOKS = frozenset({
    "__code__", "__globals__", "__closure__", "__defaults__", "__kwdefaults__", "__builtins__", "__dict__",
    "__setattr__", "__class__", "modules", "meta_path", "path_hooks", "settrace", "setprofile", "_getframe",
    "input_transformers_cleanup", "input_transformers_post", "ast_transformers", "set_custom_exc", "events",
})


def tampering(nb) -> list[str]:
    """Student cells that rebind attributes of imported modules or builtins (what tests may call),
    or reach for the interpreter's hooks (:data:`_INTERPRETER_HOOKS`)."""
    import ast

    from cerdas.codeparse import parse_cell

    found = []
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code" or cells.is_test(cell):
            continue
        tree = parse_cell(cell.source)
        if tree is None:
            continue
        modules = {a.asname or a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        modules |= {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        modules |= {"builtins", "__builtins__", "sys"}
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AugAssign) else []
            for target in targets:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id in modules:
                    found.append(f"sel {index} mengubah {target.value.id}.{target.attr}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "setattr" and node.args \
                    and isinstance(node.args[0], ast.Name) and node.args[0].id in modules:
                found.append(f"sel {index} memanggil setattr pada {node.args[0].id}")
        hooks = sorted({n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr in _INTERPRETER_HOOKS}
                       | {"__builtins__" for n in ast.walk(tree) if (isinstance(n, ast.Name) and n.id == "__builtins__")
                          or (isinstance(n, ast.Constant) and n.value == "__builtins__")})
        found += [f"sel {index} memakai {hook}" for hook in hooks]
    return list(dict.fromkeys(found))


class ConfinedExecute(Execute):
    """nbgrader's Execute with a forked, confined kernel, an output budget and execution tracking."""

    def __init__(self, *args, output_bytes: int, **kwargs):
        kwargs["kernel_manager_class"] = kernels.ForkKernelManager
        super().__init__(*args, **kwargs)
        self.output_budget = output_bytes
        self.output_used = 0
        self.finished: set[int] = set()
        self.started = False
        self.running: int | None = None  # the last cell sent to the kernel

    def preprocess_cell(self, cell, resources, index):
        self.started = True  # the kernel is up and answered kernel_info
        self.running = index
        return super().preprocess_cell(cell, resources, index)

    def on_cell_executed(self, **kwargs):
        super().on_cell_executed(**kwargs)
        self.finished.add(kwargs["cell_index"])

    def output(self, outs, msg, display_id, cell_index):
        size = len(str(msg.get("content", "")))
        self.output_used += size
        if self.output_used > self.output_budget:
            if not getattr(self, "_truncated", False):
                self._truncated = True
                outs.append(nbformat.v4.new_output("stream", name="stdout",
                                                   text="\n[keluaran dipotong: melebihi batas ukuran]\n"))
            return None
        return super().output(outs, msg, display_id, cell_index)


def _mark_unfinished(nb, finished: set[int], reason: str, running: int | None = None) -> list[str]:
    """Give every test cell that did not finish an error output, so it scores zero; the other cell
    that was running when the kernel stopped gets one too, so feedback can name it as the cause."""
    if running is not None and running not in finished and running < len(nb.cells):
        cell = nb.cells[running]
        if cell.cell_type == "code" and not cells.is_test(cell):
            cell.outputs.append(nbformat.v4.new_output("error", ename="KernelStopped", evalue=reason,
                                                       traceback=[f"KernelStopped: {reason}"]))
    unfinished = []
    for index, cell in enumerate(nb.cells):
        if cells.is_test(cell) and index not in finished:
            if not any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                cell.outputs.append(nbformat.v4.new_output("error", ename="KernelStopped", evalue=reason,
                                                           traceback=[f"KernelStopped: {reason}"]))
            unfinished.append(cells.grade_id(cell))
    return unfinished


def _sandbox(job: Job, name: str, submitted: Path) -> Path:
    """A throwaway directory holding only this submission and the files the assignment ships."""
    root = Path(tempfile.mkdtemp(prefix="kotak-", dir=job.work_dir or None))
    for item in Path(job.source_dir).iterdir():
        if item.suffix == ".ipynb" or item.name in ("mutants.yml",) or item.name.startswith("."):
            continue
        (shutil.copytree if item.is_dir() else shutil.copy)(item, root / item.name)
    shutil.copy(submitted, root / f"{name}.ipynb")
    if job.user:
        for path in [root, *root.rglob("*")]:
            os.chown(path, job.user["uid"], job.user["gid"])
    return root


def grade_notebook(job: Job, name: str, submitted: Path) -> dict:
    flags: list[str] = []
    nb = nbformat.read(submitted, as_version=4)
    source_nb = nbformat.read(Path(job.source_dir) / f"{name}.ipynb", as_version=4)
    for gid in duplicates(nb):
        flags.append(f"sel '{gid}' digandakan; hanya salinan pertama yang dinilai")
    for gid in restore_deleted(nb, source_nb):
        flags.append(f"sel tes '{gid}' dihapus peserta dan dipulihkan dari sumber")
    for what in tampering(nb):
        flags.append(f"{what}, yang bisa dipakai tes; periksa secara manual")
    resources = {"nbgrader": {"notebook": name, "assignment": job.assignment, "student": job.student,
                              "db_url": job.snapshot_db if "://" in job.snapshot_db else f"sqlite:///{job.snapshot_db}"},
                 "metadata": {}}
    config = Config()
    for step in SANITIZE:
        nb, resources = step(config=config)(nb, resources)
    last = job.stop_after.get(name)
    cut = next((i for i, cell in enumerate(nb.cells) if cells.grade_id(cell) == last), None) if last else None
    if cut is not None:
        nb.cells = nb.cells[:cut + 1]
    status, outcome, started = "ok", Outcome.OK, time.monotonic()
    for attempt in range(1, START_ATTEMPTS + 1):
        execute, ran, status, outcome = _execute_once(job, name, submitted, nb, resources, config)
        if execute.started or status == "ok" or attempt == START_ATTEMPTS:
            break
        flags.append(f"kernel gagal dimulai (percobaan {attempt}: {status}); dicoba lagi")
        time.sleep(0.5 * attempt)
    nb = ran
    if not execute.started and status != "ok":
        status = f"kernel gagal dimulai setelah {START_ATTEMPTS} percobaan: {status}"
        outcome = Outcome.KERNEL_START_FAILED
    if time.monotonic() - started >= job.limits.notebook_seconds:
        status = f"melewati batas waktu notebook ({job.limits.notebook_seconds} detik)"
        outcome = Outcome.NOTEBOOK_TIMEOUT
    unfinished = _mark_unfinished(nb, execute.finished, status if status != "ok" else "sel tidak selesai dijalankan",
                                  execute.running)
    if unfinished and status == "ok":
        status, outcome = "sebagian sel tidak selesai", Outcome.UNFINISHED
    for step in FINISH:
        nb, resources = step(config=config)(nb, resources)
    return {"notebook": nbformat.writes(nb), "status": status, "outcome": outcome.value, "flags": flags,
            "unfinished": unfinished,
            "seconds": round(time.monotonic() - started, 3)}


START_ATTEMPTS = 3


def _execute_once(job: Job, name: str, submitted: Path, nb, resources: dict, config: Config):
    """Run the notebook once in a fresh sandbox; returns the executor, the notebook and a status.

    A kernel that fails to start (nothing ran yet: ``execute.started`` is false) may be retried on a
    fresh copy; one that started is never run twice.
    """
    nb = copy.deepcopy(nb)
    sandbox = _sandbox(job, name, submitted)
    resources = {**resources, "metadata": {**resources["metadata"], "path": str(sandbox)}}
    execute = ConfinedExecute(config=config, timeout=job.limits.cell_seconds, output_bytes=job.limits.output_bytes)
    status, outcome = "ok", Outcome.OK
    deadline = threading.Timer(job.limits.notebook_seconds, lambda: _kill(execute))
    deadline.start()
    try:
        nb, _ = execute.preprocess(nb, resources)
    except DeadKernelError:
        status, outcome = "kernel mati", Outcome.KERNEL_DIED
    except Exception as exc:  # noqa: BLE001 - one broken submission must never stop the batch
        status, outcome = f"gagal dijalankan: {exc.__class__.__name__}: {str(exc)[:200]}", Outcome.FAILED
    finally:
        deadline.cancel()
        shutil.rmtree(sandbox, ignore_errors=True)
    return execute, nb, status, outcome


def _kill(execute: ConfinedExecute) -> None:
    km = getattr(execute, "km", None)
    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is not None:
        process.send_signal(signal.SIGKILL)


def grade_job(job: Job) -> dict:
    """Grade every notebook of one submission; never raises for a bad submission."""
    started = time.monotonic()
    notebooks = {}
    for name, path in job.notebooks.items():
        try:
            notebooks[name] = grade_notebook(job, name, Path(path))
        except Exception as exc:  # noqa: BLE001
            notebooks[name] = {"notebook": None, "status": f"tidak dapat dinilai: {exc.__class__.__name__}: {exc}"[:300],
                               "outcome": Outcome.UNGRADABLE.value, "flags": [], "unfinished": [], "seconds": 0}
    return {"job": asdict(job), "notebooks": notebooks, "seconds": round(time.monotonic() - started, 3)}
