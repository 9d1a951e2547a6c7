"""Benchmark: `cerdas grade` against serial `nbgrader autograde` on the same 30 submissions.

    .venv/bin/python benchmarks/grading.py [--assignment m02-apa-itu-ai] [--n 30]

Builds N submissions of a real course assignment that imports scikit-learn (1/3 correct, 1/3
partly wrong, 1/6 raising errors, 1/10 blank, 2 infinite loops), grades copies with both tools in
the same run, checks that the scores are identical, and prints the speed-up ratio, seconds per
submission for each, the floor (plain nbclient execution of the solution notebook) and the peak
memory of the grading process tree. Prints ratios; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import psutil
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cerdas.assignments.nbgrader import run_nbgrader  # noqa: E402
from cerdas.coursedir import CourseDir  # noqa: E402
from cerdas.grading.gradebook import scores  # noqa: E402

CELL_TIMEOUT = 30  # nbgrader's default per-cell timeout; both tools get the same


def build_submissions(course_dir: Path, assignment: str, n: int) -> None:
    source = nbformat.read(course_dir / "source" / assignment / f"{assignment}.ipynb", as_version=4)
    released = nbformat.read(course_dir / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    mutants = yaml.safe_load((ROOT / "assignments" / "source" / assignment / "mutants.yml").read_text())["mutants"]
    answers = [c for c in source.cells if (c.metadata.get("nbgrader") or {}).get("solution")
               and c.cell_type == "code"]
    plan = (["correct"] * (n // 3) + ["wrong"] * (n // 3) + ["error"] * (n // 6) + ["loop"] * 2)
    plan += ["blank"] * (n - len(plan))
    for index, kind in enumerate(plan):
        if kind == "blank":
            nb = copy.deepcopy(released)
        else:
            nb = copy.deepcopy(source)
            target = answers[index % len(answers)]
            for cell in nb.cells:
                if (cell.metadata.get("nbgrader") or {}).get("grade_id") != target.metadata.nbgrader.grade_id:
                    continue
                if kind == "wrong":
                    same = [m for m in mutants if m["cell"] == target.metadata.nbgrader.grade_id]
                    cell.source = same[index % len(same)]["code"] if same else cell.source
                elif kind == "error":
                    cell.source = "raise ValueError('jawaban belum selesai')"
                elif kind == "loop":
                    cell.source = "while True:\n    pass"
        folder = course_dir / "submitted" / f"p{index:03d}" / assignment
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{assignment}.ipynb")


class PeakMemory:
    """Samples the RSS of this process and all its children every 0.2 s."""

    def __init__(self):
        self.peak, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assignment", default="m02-apa-itu-ai")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cerdas-bench-"))
    base = work / "base"
    base.mkdir()
    shutil.copytree(ROOT / "assignments" / "source" / args.assignment, base / "source" / args.assignment,
                    ignore=shutil.ignore_patterns("mutants.yml"))
    shutil.copy(ROOT / "assignments" / "nbgrader_config.py", base)
    run_nbgrader("generate_assignment", args.assignment, course=CourseDir.open(base))
    build_submissions(base, args.assignment, args.n)
    serial, ours = work / "nbgrader", work / "cerdas"
    shutil.copytree(base, serial)
    shutil.copytree(base, ours)

    env = {**os.environ, "CERDAS_ROOT": str(ROOT), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    with PeakMemory() as mem_serial:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "nbgrader", "autograde", args.assignment, "--force",
                        f"--CourseDirectory.root={serial}", f"--Execute.timeout={CELL_TIMEOUT}"],
                       cwd=serial, env=env, capture_output=True, check=True)
        t_serial = time.perf_counter() - start
    with PeakMemory() as mem_ours:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cerdas", "grade", args.assignment, "--course-dir", str(ours),
                        "--jobs", str(args.jobs), "--cell-timeout", str(CELL_TIMEOUT)],
                       cwd=ROOT, env=env, capture_output=True, check=True)
        t_ours = time.perf_counter() - start

    from nbclient import NotebookClient

    solution = nbformat.read(base / "source" / args.assignment / f"{args.assignment}.ipynb", as_version=4)
    start = time.perf_counter()
    NotebookClient(solution, kernel_name="python3", timeout=CELL_TIMEOUT, allow_errors=True,
                   resources={"metadata": {"path": str(base / "release" / args.assignment)}}).execute()
    t_floor = time.perf_counter() - start

    a = scores(f"sqlite:///{serial / 'gradebook.db'}", args.assignment)
    b = scores(f"sqlite:///{ours / 'gradebook.db'}", args.assignment)
    print(f"assignment            {args.assignment}, {args.n} submissions, {args.jobs} workers")
    print(f"scores identical      {a == b} ({len(a)} vs {len(b)} students)")
    print(f"nbgrader autograde    {t_serial:7.1f} s  ({t_serial / args.n:.2f} s per submission)")
    print(f"cerdas grade          {t_ours:7.1f} s  ({t_ours / args.n:.2f} s per submission)")
    print(f"speed-up              {t_serial / t_ours:7.2f}x")
    print(f"floor (nbclient, 1)   {t_floor:7.1f} s  per solution notebook, kernel start included")
    print(f"peak memory           nbgrader {mem_serial.peak / 2**20:.0f} MiB, cerdas {mem_ours.peak / 2**20:.0f} MiB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
