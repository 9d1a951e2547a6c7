"""What a reader downloads, for the byte-budget tests and benchmarks/site.py: the built site served
over HTTP as web hosts serve it (text gzip-compressed), each page loaded in Chromium with nothing
cached, the bytes of every response counted, requests to other hosts aborted and recorded, and the
time to the load event, optionally over an emulated slow link.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 780}
TEXT = {".html", ".js", ".css", ".svg", ".json", ".txt", ".map", ".xml"}
# Folders of assets and reports, not pages a reader opens.
SKIP_DIRS = ("_static", "_sources", "_images", "reports", "_sphinx_design_static", "cerdas", "vendor")
# The slow mobile link: 1 Mbit/s both ways, 100 ms latency.
SLOW_LINK = {"offline": False, "latency": 100, "downloadThroughput": 1e6 / 8, "uploadThroughput": 1e6 / 8}
LOCAL_SCHEMES = ("data", "blob", "about")


class Gzipping(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzip-compressed when the browser asks, as web hosts do (GitHub Pages, nginx)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.suffix in TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site on 127.0.0.1 with gzip; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzipping, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def pages_of(site: Path) -> list[str]:
    """Every HTML page of the built site a reader can open, relative to its root (redirect stubs such
    as index.html left out: the page they lead to is one of these)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] not in SKIP_DIRS and not _redirect(p))


def _redirect(path: Path) -> bool:
    head = path.read_bytes()[:2000].decode("utf-8", "replace").lower()
    return 'http-equiv="refresh"' in head and "<body" not in head


def lesson_pages(course, pages: list[str]) -> set[str]:
    """The pages built from the course's lesson notebooks."""
    notebooks = {course.rel(p.with_suffix(".html")) for p in course.lesson_notebooks()}
    return {p for p in pages if p in notebooks}


@dataclass
class Load:
    """One page's first load: bytes on the wire (gzip, headers included) per URL, foreign requests,
    and milliseconds from navigation to the load event."""

    page: str
    responses: dict[str, int] = field(default_factory=dict)
    foreign: list[str] = field(default_factory=list)
    load_ms: float = 0.0

    @property
    def bytes(self) -> int:
        return sum(self.responses.values())


class Loader:
    """One Chromium page, reused for every load with the cache disabled (each load is a first visit)."""

    def __init__(self, browser, base: str, *, viewport: dict = PHONE):
        self.base = base
        self.context = browser.new_context(viewport=viewport)
        self.context.route("**/*", self._route)  # routing also turns Chromium's HTTP cache off
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.urls: dict[str, str] = {}
        self.done: dict[str, int] = {}
        self.foreign: list[str] = []
        self.cdp.on("Network.requestWillBeSent", lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"]))
        self.cdp.on("Network.loadingFinished",
                    lambda e: self.done.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        self.cdp.on("Network.loadingFailed", lambda e: self.done.__setitem__(e["requestId"], 0))

    def _route(self, route):
        url = route.request.url
        if urlparse(url).scheme in LOCAL_SCHEMES or url.startswith(self.base):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def load(self, rel: str, *, link: dict | None = None, quiet_ms: int = 300, timeout_ms: int = 120_000) -> Load:
        """Open ``rel`` and wait for its load event, then until the network is quiet (a widget renderer
        or lazy asset fetched after load counts too)."""
        self.cdp.send("Network.emulateNetworkConditions",
                      link or {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        self.urls.clear()
        self.done.clear()
        self.foreign.clear()
        self.page.goto("about:blank")
        self.urls.clear()
        self.done.clear()
        self.page.goto(f"{self.base}/{rel}", wait_until="load", timeout=timeout_ms)
        load_ms = self.page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
        quiet_since, deadline = time.monotonic(), time.monotonic() + timeout_ms / 1000
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            if set(self.urls) - set(self.done):
                quiet_since = time.monotonic()
            elif (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
                break
        responses: dict[str, int] = {}
        for rid, size in self.done.items():
            if not self.urls.get(rid, "").startswith(("http:", "https:")):
                continue
            url = self.urls.get(rid, rid)
            responses[url] = responses.get(url, 0) + size
        return Load(page=rel, responses=responses, foreign=list(self.foreign), load_ms=load_ms)

    def close(self) -> None:
        self.context.close()


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
