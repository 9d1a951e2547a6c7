"""Benchmark: the author's build loop and what a reader downloads (issue 15's table).

    .venv/bin/python benchmarks/site.py                      # build a throwaway copy, then measure it
    .venv/bin/python benchmarks/site.py --site /path/course  # measure a site already built there

Build loop, on a throwaway copy of the course (no caches): a cold ``cerdas build``; the same again
with nothing changed; after editing a code cell of one lesson (it must re-execute); after touching
one assignment's mutants.yml (it must be re-verified). Each is printed as a ratio to cold (goals:
no-op <= 0.10, cold <= 300 s on 2 cores).

Pages, loaded in Chromium at 360 px over HTTP with gzip, nothing cached (tests/pageweight.py, the
same loader as the byte-budget tests): bytes per page at first load, max and median, for lessons
and for other pages, the heaviest pages, and each lesson's time to its load event over an emulated
1 Mbit/s, 100 ms link. Prints figures and ratios; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from cerdas.course import Course  # noqa: E402
from conftest import copy_course  # noqa: E402
from pageweight import SLOW_LINK, Loader, chromium, lesson_pages, pages_of, serve  # noqa: E402

KB = 1024
GOALS = {"heaviest lesson": 400 * KB, "typical lesson": 300 * KB, "other pages": 150 * KB}
NOOP_GOAL, COLD_GOAL_S = 0.10, 300


def timed(label: str, func) -> float:
    print(f"==> {label}", flush=True)
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    print(f"    {seconds:.1f} s", flush=True)
    for step, step_seconds in getattr(result, "seconds", {}).items():  # cerdas build's own steps
        print(f"      {step_seconds:7.1f} s  {step}", flush=True)
    return seconds


def edit_code_cell(path: Path) -> None:
    """Change the first code cell's source so the lesson's execution cache no longer matches."""
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code")
    cell.source += f"\n# benchmark edit {time.time():.0f}"
    nbformat.write(nb, path)


def touch_assignment(course: Course) -> Path:
    """Append a comment to one assignment's mutants.yml (or its notebook when it has none)."""
    source = course.root / "assignments" / "source"
    mutants = sorted(source.glob("*/mutants.yml"))
    if mutants:
        with mutants[0].open("a", encoding="utf-8") as f:
            f.write(f"\n# benchmark edit {time.time():.0f}\n")
        return mutants[0]
    notebook = sorted(source.glob("*/*.ipynb"))[0]
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata["benchmark_edit"] = time.time()
    nbformat.write(nb, notebook)
    return notebook


def build_loop(course: Course, lesson: str) -> dict[str, float]:
    from cerdas.build import build

    run = lambda: build(course=course, echo=False)  # noqa: E731
    times = {"cold build": timed("cold cerdas build (nothing cached)", run)}
    times["no-op build"] = timed("cerdas build again, nothing changed", run)
    edit_code_cell(course.root / lesson)
    times["one-lesson edit"] = timed(f"cerdas build after editing a code cell of {lesson}", run)
    touched = touch_assignment(course)
    times["one-assignment edit"] = timed(f"cerdas build after touching {course.rel(touched)}", run)
    return times


def measure_pages(course: Course, *, slow: bool = True) -> dict:
    site = course.html_dir
    pages = pages_of(site)
    lessons = sorted(lesson_pages(course, pages))
    sizes, slow_ms = {}, {}
    with serve(site) as base, chromium() as browser:
        loader = Loader(browser, base)
        for rel in pages:
            sizes[rel] = loader.load(rel).bytes
        if slow:
            for rel in lessons:
                print(f"    slow link: {rel}", flush=True)
                slow_ms[rel] = loader.load(rel, link=SLOW_LINK, timeout_ms=300_000).load_ms
        loader.close()
    return {"sizes": sizes, "lessons": lessons, "slow_ms": slow_ms}


def kb(n: float) -> str:
    return f"{n / KB:,.0f} KB"


def report(measured: dict) -> None:
    sizes, lessons = measured["sizes"], measured["lessons"]
    search = [p for p in sizes if p == "search.html"]  # the one page that loads the search index
    others = [p for p in sizes if p not in lessons and p not in search]
    lesson_sizes = sorted(sizes[p] for p in lessons)
    other_sizes = sorted(sizes[p] for p in others)
    print("\nBytes per page at first load (gzip, 360 px, nothing cached):")
    for label, group in (("lessons", lesson_sizes), ("other pages", other_sizes)):
        if group:
            print(f"  {label:12s} {len(group):3d} pages   max {kb(max(group)):>9s}   median {kb(statistics.median(group)):>9s}"
                  f"   min {kb(min(group)):>9s}")
    for rel in search:
        print(f"  search page  {kb(sizes[rel]):>9s} (with its index)")
    over = sorted((p for p in others if sizes[p] > GOALS["other pages"]), key=sizes.get, reverse=True)
    if over:
        print(f"  other pages over {kb(GOALS['other pages'])}: " + ", ".join(f"{p} {kb(sizes[p])}" for p in over))
    print("\nHeaviest pages:")
    for rel in sorted(sizes, key=sizes.get, reverse=True)[:5]:
        print(f"  {kb(sizes[rel]):>9s}  {rel}")
    print("\n| page | bytes | goal | ratio to goal |\n|---|---|---|---|")
    if lesson_sizes:
        heaviest = max(lessons, key=sizes.get)
        print(f"| heaviest lesson ({heaviest.split('/')[-1].removesuffix('.html')}) | {kb(sizes[heaviest])} | "
              f"≤ {kb(GOALS['heaviest lesson'])} | {sizes[heaviest] / GOALS['heaviest lesson']:.2f} |")
        print(f"| typical lesson ({len(lesson_sizes)} pages; median, range) | {kb(statistics.median(lesson_sizes))} "
              f"({kb(lesson_sizes[0])}–{kb(lesson_sizes[-1])}) | ≤ {kb(GOALS['typical lesson'])} | "
              f"{statistics.median(lesson_sizes) / GOALS['typical lesson']:.2f} |")
    if other_sizes:
        print(f"| landing, book, Tugas pages ({len(other_sizes)}; max, range) | {kb(other_sizes[-1])} "
              f"({kb(other_sizes[0])}–{kb(other_sizes[-1])}) | ≤ {kb(GOALS['other pages'])} | "
              f"{other_sizes[-1] / GOALS['other pages']:.2f} |")
    if measured["slow_ms"]:
        print("\nTime to load event over 1 Mbit/s, 100 ms latency (360 px):")
        for rel, ms in measured["slow_ms"].items():
            print(f"  {ms / 1000:6.1f} s  {kb(sizes[rel]):>9s}  {rel}")
        values = list(measured["slow_ms"].values())
        print(f"  max {max(values) / 1000:.1f} s, median {statistics.median(values) / 1000:.1f} s")


def report_builds(times: dict[str, float]) -> None:
    cold = times["cold build"]
    print("\n| build | seconds | ratio to cold |\n|---|---|---|")
    for label, seconds in times.items():
        print(f"| {label} | {seconds:.1f} | {seconds / cold:.2f} |")
    print(f"(goals: cold ≤ {COLD_GOAL_S} s on 2 cores, no-op ≤ {NOOP_GOAL:.2f} of cold)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a course root whose site is already built (_build/html): "
                                                   "measure its pages, build nothing")
    parser.add_argument("--lesson", default="notebooks/01-literasi-data/literasi-data-pelayanan-publik.ipynb",
                        help="the lesson whose code cell is edited (relative to the course root)")
    parser.add_argument("--no-slow-link", action="store_true", help="skip the emulated 1 Mbit/s loads")
    args = parser.parse_args()
    if args.site:
        course = Course(args.site.resolve())
        if not (course.html_dir / "index.html").is_file():
            parser.error(f"{course.html_dir} holds no built site (index.html); build it or pass the course root")
        report(measure_pages(course, slow=not args.no_slow_link))
        return 0
    with tempfile.TemporaryDirectory(prefix="cerdas-site-bench-") as tmp:
        course = copy_course(Path(tmp) / "course")
        times = build_loop(course, args.lesson)
        measured = measure_pages(course, slow=not args.no_slow_link)
    report_builds(times)
    report(measured)
    return 0


if __name__ == "__main__":
    sys.exit(main())
