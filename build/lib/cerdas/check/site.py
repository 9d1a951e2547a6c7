"""The vendored widget renderer is intact (the site serves it instead of a CDN)."""

from __future__ import annotations

from pathlib import Path

from cerdas.course import Course
from cerdas.datasets.card import sha256
from cerdas.errors import Problem

VENDOR = Path(__file__).resolve().parents[1] / "site" / "assets" / "vendor"


def vendored_assets_intact(course: Course):
    sums = VENDOR / "SHA256SUMS"
    rel = course.rel(sums)
    if not sums.is_file():
        yield Problem(rel, "missing", "restore the vendored widget renderer (see its README.md)")
        return
    for line in sums.read_text().splitlines():
        digest, _, name = line.partition("  ")
        path = VENDOR / name
        if not path.is_file():
            yield Problem(course.rel(path), "vendored file is missing", "restore it from npm (see vendor/README.md)")
        elif sha256(path) != digest:
            yield Problem(course.rel(path), "vendored file differs from the npm release",
                          "restore it from npm (see vendor/README.md)")
