"""Icon fonts cut down to the icons the built site shows (run when the HTML build finishes).

The theme ships Font Awesome whole: a 150 KB solid font every page downloads, and CSS with a rule
for each of its ~1,900 icons (20 KB gzip of every page's stylesheet). The built pages use a few
dozen. After the build, for every stylesheet in ``_static`` that declares a Font Awesome
``@font-face``:

1. the icon names in use are read from every HTML page and every script in ``_static`` the pages
   load (``fa-xmark`` in the theme's script counts as much as ``class="fa-solid fa-bars"`` in a
   page; a bundle served from elsewhere, such as the widget renderer, brings its own icon styles);
2. the ``.fa-NAME:before{content:"\\f0c9"}`` rules of icons nobody uses are dropped;
3. each font is subset to the code points left in any stylesheet (icon rules kept, and icons drawn
   by other rules such as admonition titles), written as WOFF (zlib; WOFF2 would need brotli),
   and the ``@font-face`` points at it. (A font the theme offers only as WOFF2 is left whole:
   reading WOFF2 needs brotli, which is not installed.) The full fonts stay in the output, unused by
   these pages: the theme's stylesheet URL keeps its ``?digest=``, so a browser holding the older,
   full stylesheet from an earlier deployment still finds the fonts it names.

Sphinx copies the theme's files afresh on every build, so each build starts from the full font and
stylesheet and the result always matches the pages of that build.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

ICON_NAME = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*")
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:{1,2}before,?)+)\{content:"([^"]*)"\}')
FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
FONT_URL = re.compile(r"url\(([^)]+)\)\s*format\(\"?[a-z0-9-]+\"?\)")
ESCAPE = re.compile(r'"\\([0-9a-fA-F]{2,6})"')
SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"")
SKIP_DIRS = ("_static", "_sources", "_images", "reports")


def used_icon_names(outdir: Path) -> set[str]:
    """Every ``fa-*`` token in the site's pages and in the ``_static`` scripts those pages load."""
    names: set[str] = set()
    scripts: set[Path] = set()
    for page in outdir.rglob("*.html"):
        if page.relative_to(outdir).parts[0] in SKIP_DIRS:
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        names |= set(ICON_NAME.findall(text))
        for src in SCRIPT_SRC.findall(text):
            if not urlparse(src).scheme:
                scripts.add((page.parent / src.split("?")[0]).resolve())
    static = (outdir / "_static").resolve()
    for script in scripts:
        if script.is_file() and script.is_relative_to(static):
            names |= set(ICON_NAME.findall(script.read_text(encoding="utf-8", errors="replace")))
    return names


def prune_rules(css: str, used: set[str]) -> str:
    """Drop icon rules none of whose names is used."""
    def keep(match: re.Match) -> str:
        selectors = {s.split(":")[0][1:] for s in match[1].split(",") if s}
        return match[0] if selectors & used else ""

    return ICON_RULE.sub(keep, css)


def code_points(css_texts: list[str]) -> set[int]:
    """Every single-character CSS string escape (``"\\f0c9"``) left in the stylesheets."""
    return {int(h, 16) for text in css_texts for h in ESCAPE.findall(text)}


def subset_font(source: Path, target: Path, keep: set[int]) -> None:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(keep & set(font.getBestCmap() or {})))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def _icon_faces(css: str) -> list[str]:
    return [f for f in FONT_FACE.findall(css) if "font awesome" in f.lower()]


def slim_icon_fonts(outdir: Path) -> dict[str, int]:
    """Prune and subset as described above; returns the bytes of each font written."""
    static = outdir / "_static"
    sheets = {p: p.read_text(encoding="utf-8") for p in static.rglob("*.css")}
    with_faces = [p for p, text in sheets.items() if _icon_faces(text)]
    if not with_faces:
        return {}
    used = used_icon_names(outdir)
    for path in with_faces:
        sheets[path] = prune_rules(sheets[path], used)
    keep = code_points(list(sheets.values()))
    written: dict[str, int] = {}
    for path in with_faces:
        css = sheets[path]
        for face in _icon_faces(css):
            urls = [u.strip("'\"") for u in FONT_URL.findall(face)]
            files = [(path.parent / u).resolve() for u in urls]
            source = next((f for f in files if f.suffix in (".ttf", ".otf") and f.is_file()), None)
            if source is None:
                continue
            target = source.with_suffix(".woff")
            subset_font(source, target, keep)
            written[target.relative_to(outdir).as_posix()] = target.stat().st_size
            rel = Path(urls[0]).with_name(target.name).as_posix()
            css = css.replace(face, re.sub(r"src:[^;}]*", f'src:url({rel}) format("woff")', face))
        path.write_text(css, encoding="utf-8")
    return written


def on_build_finished(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        slim_icon_fonts(Path(app.outdir))
