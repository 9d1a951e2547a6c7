"""Alt text for plots, in Indonesian: the author's finding (:mod:`cerdas.gambar`), then the figure's
own title and axis labels.

The same hook records each figure's size and smallest text for the phone-readability rule
(:mod:`cerdas.site.figures`), which the renderer enforces.

While the site executes the lessons, ``build_site`` starts kernels with an IPython startup file
that calls :func:`install`: every inline matplotlib figure is then displayed with its description
in the output metadata (``image/png: {alt: ...}``). The site's notebook renderer
(:class:`cerdas.site.render.CerdasRenderer`) puts it on the ``<img>``; images without one get a
generic Indonesian description, so no plot is ever left without alt text.
"""

from __future__ import annotations

from pathlib import Path

from cerdas import gambar
from cerdas.site.figures import KEY, measure

FALLBACK = "Gambar keluaran kode pada pelajaran ini"
STARTUP = """\
# Written by cerdas build_site: describe and measure every matplotlib figure for the site.
try:
    from cerdas.site.alt import install
    install()
except Exception:  # never break a lesson because of alt text
    pass
"""


def describe(fig) -> str | None:
    """'Grafik: <judul> (sumbu x: ..., sumbu y: ...)' for each panel, or None when nothing is labelled."""
    panels = []
    for ax in fig.get_axes():
        title = next((t for t in (ax.get_title(), ax.get_title("left"), ax.get_title("right")) if t.strip()), "")
        labels = [f"sumbu {axis}: {text}" for axis, text in (("x", ax.get_xlabel()), ("y", ax.get_ylabel())) if text.strip()]
        if title or labels:
            panels.append(title.strip() + (f" ({', '.join(labels)})" if labels else ""))
    suptitle = getattr(fig, "_suptitle", None)
    heading = suptitle.get_text().strip() if suptitle is not None else ""
    if not panels and not heading:
        return None
    if len(panels) > 1:
        body = f"{len(panels)} panel: " + "; ".join(p.strip() for p in panels)
        return f"Grafik {heading}. {body}" if heading else f"Grafik dengan {body}"
    return "Grafik: " + "; ".join(p for p in [heading, *panels] if p)


def alt_text(fig) -> str | None:
    """The finding the author recorded (a sentence ending in a full stop), then :func:`describe`."""
    finding, figure = gambar.dari(fig), describe(fig)
    if finding and not finding.endswith((".", "!", "?")):
        finding += "."
    return " ".join(part for part in (finding, figure) if part) or None


def install() -> None:
    """Wrap matplotlib-inline's figure metadata so each PNG carries its description and measures."""
    from matplotlib_inline import backend_inline

    original = backend_inline._fetch_figure_metadata
    if getattr(original, "_cerdas", False):
        return

    def with_alt(fig):
        meta = original(fig) or {}
        text = alt_text(fig)
        if text:
            meta = {**meta, "image/png": {**meta.get("image/png", {}), "alt": text}}
        try:
            meta = {**meta, KEY: {**measure(fig), "finding": bool(gambar.dari(fig))}}
        except Exception:  # an unusual figure goes unmeasured (and unchecked) rather than break the lesson
            pass
        return meta

    with_alt._cerdas = True
    backend_inline._fetch_figure_metadata = with_alt


def ipython_dir(build_dir: Path) -> Path:
    """An IPython directory whose default profile runs :data:`STARTUP` (for the build's kernels)."""
    root = build_dir / "ipython"
    startup = root / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "00-cerdas-alt.py").write_text(STARTUP, encoding="utf-8")
    return root
