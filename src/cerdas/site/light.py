"""Less for a page to wait for: its scripts deferred, its images sized and loaded lazily.

- Scripts: every external script Sphinx puts in the head is marked ``defer`` (downloaded in
  parallel, run in order once the page is parsed), so text shows before the scripts arrive. The
  one exception is ``documentation_options.js`` (0.4 KB): the inline scripts after it set its
  ``DOCUMENTATION_OPTIONS`` while the page is still being parsed. The search page keeps its
  scripts as they are: its template adds searchtools.js, which needs doctools.js at once.
- Extension assets a page never uses are left out of it: sphinx-design's stylesheet (render-
  blocking, 8 KB gzip) and tab script where the body has no ``sd-`` class, the copy button's
  scripts and style where it has no code block.
- Images: every ``<img>`` of the page body that points at a file Sphinx copies to ``_images``
  gets the file's ``width`` and ``height`` (nothing shifts when it arrives; the stylesheet scales it
  to the column keeping its proportions) and ``loading="lazy"`` (a phone downloads only the
  figures it scrolls near).
- A hidden cell's toggle (myst-nb's ``<summary aria-label="Toggle hidden content">``) keeps its
  visible label as its name: an English aria-label that differs from what a sighted reader sees
  fails WCAG 2.5.3 (axe: label-content-name-mismatch).
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from sphinx.application import Sphinx

KEEP_BLOCKING = ("documentation_options.js",)
# An asset (by a fragment of its file name) and what the page body must contain to need it.
ONLY_WHEN = {
    "sphinx-design": re.compile(r'class="[^"]*\bsd-'),
    "design-tabs.js": re.compile(r'class="[^"]*\bsd-tab'),
    "copybutton": re.compile(r"<pre\b"),
    "clipboard.min.js": re.compile(r"<pre\b"),
}
IMG = re.compile(r"<img\b[^>]*>")
TOGGLE_LABEL = '<summary aria-label="Toggle hidden content">'
SRC = re.compile(r'\bsrc="([^"]+)"')


def defer_scripts(context: dict) -> None:
    from sphinx.builders.html._assets import _JavaScript

    scripts = []
    for js in context.get("script_files", []):
        attrs = getattr(js, "attributes", None)
        name = str(getattr(js, "filename", "") or "")
        if (isinstance(js, _JavaScript) and name and not attrs.get("body") and "async" not in attrs
                and "defer" not in attrs and not name.endswith(KEEP_BLOCKING)):
            js = _JavaScript(js.filename, priority=js.priority, **{**attrs, "defer": "defer"})
        scripts.append(js)
    context["script_files"] = scripts


def drop_unused_assets(context: dict) -> None:
    body = context.get("body", "")
    for key in ("css_files", "script_files"):
        kept = []
        for asset in context.get(key, []):
            name = str(getattr(asset, "filename", "") or "")
            needs = [pattern for fragment, pattern in ONLY_WHEN.items() if fragment in name]
            if not needs or all(pattern.search(body) for pattern in needs):
                kept.append(asset)
        context[key] = kept


def image_size(path: Path) -> tuple[int, int] | None:
    """Pixel size from the file header (PNG read directly; other raster formats through Pillow)."""
    try:
        with path.open("rb") as f:
            head = f.read(24)
        if head[:8] == b"\x89PNG\r\n\x1a\n":
            return struct.unpack(">II", head[16:24])
        if path.suffix.lower() in (".jpg", ".jpeg", ".gif", ".webp"):
            from PIL import Image

            with Image.open(path) as im:
                return im.size
    except (OSError, struct.error, ImportError):
        return None
    return None


def size_images(body: str, sources: dict[str, Path]) -> str:
    """Add width, height and lazy loading to each ``<img>`` whose ``_images`` file is known."""
    def fix(match: re.Match) -> str:
        tag = match[0]
        src = SRC.search(tag)
        if not src or re.search(r"\b(width|height)=|style=\"[^\"]*(width|height)", tag):
            return tag
        name = src[1].split("?")[0].rsplit("/", 1)[-1]
        if "_images/" not in src[1] or name not in sources:
            return tag
        size = image_size(sources[name])
        if not size:
            return tag
        extra = f' width="{size[0]}" height="{size[1]}"'
        if "loading=" not in tag:
            extra += ' loading="lazy" decoding="async"'
        return tag[:4] + extra + tag[4:]

    return IMG.sub(fix, body)


def on_page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    drop_unused_assets(context)
    if templatename != "search.html":
        defer_scripts(context)
    if TOGGLE_LABEL in context.get("body", ""):
        context["body"] = context["body"].replace(TOGGLE_LABEL, "<summary>")
    if "body" in context and "_images/" in context["body"]:
        srcdir = Path(app.srcdir)
        sources = {dest: srcdir / src for src, dest in getattr(app.builder, "images", {}).items()}
        context["body"] = size_images(context["body"], sources)
