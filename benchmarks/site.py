"""Benchmark: the site build and what a reader downloads.

    .venv/bin/python benchmarks/site.py [--lesson notebooks/01-literasi-data/literasi-data-pelayanan-publik.ipynb]

On a throwaway copy of the course (no execution cache): the cold build time; the rebuild time
after editing one lesson's prose (target: at most 15% of cold); and, loading the built pages in
Chromium over HTTP (text gzip-compressed, as web hosts serve it), the bytes transferred for the landing page and for the heaviest lesson page
(target: at most 1.5 MB each). Prints figures and ratios; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import http.server
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from cerdas.build import build_site  # noqa: E402
from conftest import copy_course  # noqa: E402

REBUILD_TARGET = 0.15
BYTES_TARGET = 1.5e6
CHROMIUM = "/usr/bin/chromium"
TEXT = {".html", ".js", ".css", ".svg", ".json", ".txt"}


def timed(label: str, func) -> float:
    print(f"==> {label}", flush=True)
    start = time.perf_counter()
    func()
    seconds = time.perf_counter() - start
    print(f"    {seconds:.1f} s", flush=True)
    return seconds


def edit_prose(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "markdown")
    cell.source += "\n\n(Catatan tambahan untuk uji kecepatan pembangunan ulang.)"
    nbformat.write(nb, path)


def page_bytes(site: Path, pages: list[str]) -> dict[str, int]:
    """Bytes of every response while each page loads (fresh cache per page)."""
    from playwright.sync_api import sync_playwright

    class Gzipping(http.server.SimpleHTTPRequestHandler):
        """Serves text files gzip-compressed when asked, as web hosts do (GitHub Pages, nginx)."""

        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path.split("?")[0]))
            if path.suffix in TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(path.read_bytes())
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
            return super().send_head()

    handler = functools.partial(Gzipping, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sizes = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        for rel in pages:
            context = browser.new_context()
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda r: finished.append(r))
            page.goto(f"{base}/{rel}", wait_until="networkidle")
            sizes[rel] = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished)
            context.close()
        browser.close()
    server.shutdown()
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lesson", default="notebooks/01-literasi-data/literasi-data-pelayanan-publik.ipynb")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cerdas-site-bench-") as tmp:
        course = copy_course(Path(tmp) / "course")
        cold = timed("cold build (every lesson executed, no cache)", lambda: build_site(course=course, echo=False))
        edit_prose(course.root / args.lesson)
        warm = timed(f"rebuild after editing {args.lesson}", lambda: build_site(course=course, echo=False))
        lessons = [course.rel(p.with_suffix(".html")) for p in course.lesson_notebooks()]
        sizes = page_bytes(course.html_dir, ["book/intro.html", *lessons])
    heaviest = max(lessons, key=sizes.get)
    print()
    print(f"cold build            {cold:8.1f} s")
    print(f"rebuild (one lesson)  {warm:8.1f} s   ratio {warm / cold:.3f} (target <= {REBUILD_TARGET})")
    print(f"landing page          {sizes['book/intro.html'] / 1e6:8.2f} MB  ratio {sizes['book/intro.html'] / BYTES_TARGET:.2f} of target")
    print(f"heaviest lesson       {sizes[heaviest] / 1e6:8.2f} MB  ratio {sizes[heaviest] / BYTES_TARGET:.2f} of target ({heaviest})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
