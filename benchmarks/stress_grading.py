"""Stress: does a hostile neighbour ever cost an innocent learner points?

    .venv/bin/python benchmarks/stress_grading.py [--runs 20] [--jobs 2]

Grades one batch of hostile submissions (fork bomb, 300-process storm, 6 GB allocation, memory bomb,
infinite loop, os._exit, output flood, a probe of the sandbox) next to correct submissions, ``--runs``
times in a row, with ``cerdas grade --force`` in a separate process each time: first alone, then
while a second copy of the batch is graded again and again beside it (another instructor on the same
machine). Prints, for each phase, how many innocent submissions lost points (goal 0), how many
kernels failed to start, and seconds per run; the ratio of the neighbour phase to the alone phase.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cerdas.assignments.nbgrader import run_nbgrader  # noqa: E402
from cerdas.coursedir import CourseDir  # noqa: E402
from cerdas.grading.gradebook import scores  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
HOSTILE = {"bom": "fork-bomb.ipynb", "badai": "fork-storm-300.ipynb", "rakus": "allocates-6gb.ipynb",
           "memori": "memory-bomb.ipynb", "loop": "infinite-loop.ipynb", "keluar": "os-exit.ipynb",
           "banjir": "huge-output.ipynb", "intip": "reads-source-and-gradebook.ipynb"}
INNOCENT = {f"benar{i}": "correct.ipynb" for i in range(1, 5)}
FULL = 2.0  # points of the kuadrat fixture's test cell


def make_batch(root: Path) -> Path:
    """The 'kuadrat' fixture released into a fresh course directory, with the hostile batch submitted."""
    course = root / "kursus"
    shutil.copytree(FIXTURES / "assignments" / "sound", course / "source")
    shutil.copy(ROOT / "assignments" / "nbgrader_config.py", course)
    run_nbgrader("generate_assignment", "kuadrat", course=CourseDir.open(course))
    for student, fixture in {**HOSTILE, **INNOCENT}.items():
        folder = course / "submitted" / student / "kuadrat"
        folder.mkdir(parents=True)
        text = (FIXTURES / "grading" / fixture).read_text(encoding="utf-8")
        for key, value in {"COURSE_DIR": str(course), "HOME_DIR": str(Path.home()), "SECRET_FILE": "/nonexistent",
                           "PORT": "9"}.items():
            text = text.replace(key, value)
        (folder / "kuadrat.ipynb").write_text(text, encoding="utf-8")
    return course


def grade_once(course: Path, jobs: int) -> tuple[int, int, float]:
    """(innocent learners below full points, kernels that failed to start, seconds)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cerdas", "grade", "kuadrat", "--course-dir", str(course),
                           "--force", "--jobs", str(jobs), "--cell-timeout", "10", "--notebook-timeout", "60",
                           "--memory-mb", "1024"], capture_output=True, text=True,
                          env={**os.environ, "CERDAS_ROOT": str(ROOT)})
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return len(INNOCENT), 0, seconds
    table = scores(f"sqlite:///{course / 'gradebook.db'}", "kuadrat")
    lost = sum(1 for s in INNOCENT if sum(v or 0 for k, v in table.get(s, {}).items() if k.endswith("_tes")) < FULL)
    failed_starts = done.stderr.count("kernel gagal dimulai")
    return lost, failed_starts, seconds


def phase(course: Path, runs: int, jobs: int, label: str) -> tuple[int, int, float]:
    lost = starts = 0
    seconds = []
    for run in range(1, runs + 1):
        n, f, s = grade_once(course, jobs)
        lost, starts = lost + n, starts + f
        seconds.append(s)
        print(f"  {label} run {run:>2}/{runs}: innocent lost points {n}, kernel start retries {f}, {s:.1f} s",
              flush=True)
    return lost, starts, sum(seconds) / len(seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cerdas-stress-"))
    try:
        mine, theirs = make_batch(work / "a"), make_batch(work / "b")
        print(f"batch: {len(HOSTILE)} hostile + {len(INNOCENT)} correct submissions, {args.runs} runs per phase")
        alone = phase(mine, args.runs, args.jobs, "alone")
        stop = threading.Event()

        def neighbour() -> None:
            while not stop.is_set():
                grade_once(theirs, args.jobs)

        thread = threading.Thread(target=neighbour, daemon=True)
        thread.start()
        beside = phase(mine, args.runs, args.jobs, "beside a second batch")
        stop.set()
        thread.join()
        total = args.runs * len(INNOCENT)
        print("\n| phase | innocent submissions that lost points | kernel start retries | s per run |")
        print("|---|---|---|---|")
        for label, (lost, starts, secs) in (("alone", alone), ("beside a second batch", beside)):
            print(f"| {label} | {lost} of {total} (goal 0) | {starts} | {secs:.1f} |")
        print(f"\nneighbour slowdown: {beside[2] / alone[2]:.2f}x seconds per run")
        return 0 if alone[0] == beside[0] == 0 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
