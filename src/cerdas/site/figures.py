"""Figures readable on a phone: one rule, measured in the kernel, enforced by the site build.

**The rule.** On a 360 px phone the site's text column is :data:`PHONE_COLUMN_PX` CSS px wide. A
figure wider than the column is shrunk to fit it, and its text shrinks with it, so:

1. *Text.* The smallest text a figure draws (tick labels, legend, titles, axis labels, annotations,
   bar labels), shown at the phone's column width, is at least :data:`MIN_TEXT_PX` CSS px::

       text_px = size_pt * dpi / 72 * (css_width / png_width) * min(1, PHONE_COLUMN_PX / css_width)

   For a figure wider than the column the dpi cancels: ``text_px = size_pt * 328 / (72 * width_in)``,
   where ``width_in`` is the width of the saved PNG in inches. Matplotlib's default 10 pt ticks need a
   figure at most 5.1 in wide; the course style (``plt.style.use("cerdas.gaya")``: 11 pt text, 5 in
   wide) shows them at 10 px. A 7 in figure with 10 pt ticks shows them at 6.5 px.

   Why 9 px: a CSS px on a phone held at 30 cm is about 0.16 mm, so the x-height of 9 px text (about
   half the size) spans about 8 minutes of arc, above the ~5' where reading fails and a little below
   the ~10-12' of comfortable reading. Chart labels are short words read at a glance, so 9 px is the
   floor; the course style aims at 10 px. (Lighthouse asks 12 px of body text, which is running prose.)

2. *Bytes.* The PNG is at most :data:`MAX_WIDTH_PX` pixels wide: the widest the column gets on a
   desktop screen. Wider images are shrunk on every screen, so their extra pixels are only bytes on
   the learner's slow link (a 5 in figure at 100 dpi is 500 px).

**Where it is enforced.** While the site executes the lessons, :func:`cerdas.site.alt.install` makes
every inline matplotlib figure (also those drawn into widget ``Output`` views) carry :func:`measure`'s
numbers in its output metadata (key :data:`KEY`). The site's renderer (:mod:`cerdas.site.render`)
compares them with the PNG it receives (:func:`problem`) and emits a Sphinx warning (``mystnb.figure``)
naming the notebook, the cell and what to change; the build runs with ``-W``, so the warning fails it.

What it does not see: labels that overlap each other (big enough, but too many: give such a figure
more room or a table beside it), and images not shown through matplotlib-inline's PNG (SVG, JPEG,
``IPython.display.Image``): those carry no measurements and are not checked.
"""

from __future__ import annotations

import struct
from binascii import a2b_base64

# Text column widths measured in Chromium on the built site: 328 CSS px at a 360 px viewport, 688 at
# 1280, 790 at 1920 (sphinx-book-theme's article minus its padding).
PHONE_COLUMN_PX = 328  # the text column of a 360 px wide phone
MIN_TEXT_PX = 9.0  # smallest text on that column, in CSS px (see the module docstring for why)
MAX_WIDTH_PX = 800  # widest useful PNG: the theme's text column on a 1920 px desktop screen
SAVE_PADS_IN = 0.15  # what bbox_inches="tight" adds around a constrained-layout figure (2 x 0.1 - 2 x 0.04 in)
KEY = "cerdas_figure"  # output metadata written by the kernel hook


def _kind(text, names: dict[int, str]) -> str:
    if id(text) in names:
        return names[id(text)]
    words = " ".join(text.get_text().split())
    return f'text "{words[:30]}{"…" if len(words) > 30 else ""}"'


def measure(fig) -> dict:
    """The figure's width (in), dpi and its smallest drawn text (pt, and which text it is).

    Cheap: nothing is rendered. The texts are the figure's visible, non-empty
    :class:`~matplotlib.text.Text` artists, tick labels laid out by their axis as a draw would.
    """
    from matplotlib.text import Text

    names: dict[int, str] = {}
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis, getattr(ax, "zaxis", None)):
            if axis is not None:  # get_ticklabels lays the ticks out and formats their labels
                names.update({id(label): "tick labels" for label in axis.get_ticklabels(which="both")})
                names[id(axis.label)] = "axis label"
        for title in (ax.title, ax._left_title, ax._right_title):
            names[id(title)] = "title"
    for legend in [ax.get_legend() for ax in fig.axes] + list(fig.legends):
        if legend is not None:
            names.update({id(t): "legend" for t in [*legend.get_texts(), legend.get_title()]})
    found = [(text.get_fontsize(), _kind(text, names)) for text in fig.findobj(lambda a: isinstance(a, Text))
             if text.get_visible() and text.get_text().strip()
             and (text.axes is None or text.axes.get_visible())]
    smallest = min(found, key=lambda f: f[0], default=(None, None))
    return {"width_in": round(float(fig.get_figwidth()), 3), "dpi": float(fig.dpi),
            "text_pt": smallest[0], "text": smallest[1]}


def png_size(png: bytes | str) -> tuple[int, int] | None:
    """(width, height) in pixels from a PNG's header (bytes, or base64 text as in a notebook)."""
    if isinstance(png, str):
        png = a2b_base64(png[:64])  # the header is in the first 24 bytes
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        return None
    return struct.unpack(">II", png[16:24])


def text_px(measured: dict, png_width: int, css_width: float | None = None) -> float:
    """CSS px of the smallest text when the figure is shown on a 360 px phone's text column."""
    css_width = float(css_width or png_width)
    scale = min(1.0, PHONE_COLUMN_PX / css_width)
    return measured["text_pt"] * measured["dpi"] / 72 * (css_width / png_width) * scale


def problem(measured: dict | None, png: bytes | str, css_width: float | None = None) -> str | None:
    """What breaks the rule for this figure and what to change, or None when it is readable.

    ``measured`` is :func:`measure`'s dict from the output metadata (None: not a matplotlib figure,
    nothing to check); ``css_width`` is the output's ``width`` metadata, when it sets one.
    """
    size = png_size(png)
    if not measured or not size:
        return None
    width, _ = size
    messages = []
    if measured.get("text_pt"):
        px = text_px(measured, width, css_width)
        if px < MIN_TEXT_PX - 1e-6:
            pt, fig_in, png_in = measured["text_pt"], measured["width_in"], width / measured["dpi"]
            fixes = [f"fontsize >= {pt * MIN_TEXT_PX / px:.1f} pt"]
            saved = png_in * px / MIN_TEXT_PX  # text_px grows as the saved width shrinks...
            if saved * measured["dpi"] >= PHONE_COLUMN_PX:  # ...while the figure is wider than the column
                # Constrained layout keeps the labels inside the figure: saved = figsize + the 0.1 in pads.
                fixes.insert(0, f"figsize width <= {saved - SAVE_PADS_IN:.1f} in (with constrained layout, "
                                "as cerdas.gaya sets)")
            messages.append(f"its smallest text ({measured['text']}, {pt:g} pt) is {px:.1f} CSS px on a "
                            f"360 px phone, under {MIN_TEXT_PX:g} px (figure {fig_in:g} in wide, saved "
                            f"{png_in:.1f} in); make it {' or '.join(fixes)}: plt.style.use(\"cerdas.gaya\") "
                            "and a narrower figsize usually do")
    if width > MAX_WIDTH_PX:
        messages.append(f"it is {width} px wide, over {MAX_WIDTH_PX} px (only bytes on a slow link); "
                        f"lower dpi to <= {measured['dpi'] * MAX_WIDTH_PX / width:.0f} or make it narrower")
    return "; ".join(messages) or None


def lacks_finding(measured: dict | None) -> bool:
    """True for a matplotlib figure shown without its author's finding (:func:`cerdas.gambar.temuan`)."""
    return bool(measured) and measured.get("finding") is False


def widget_images(state: dict, model_id: str) -> list[tuple[str, dict]]:
    """(PNG base64, output metadata) of every image in the ``Output`` widgets under a widget view
    (``state``: the notebook's saved widget state; see :func:`cerdas.site.static_widgets.outputs_under`)."""
    from cerdas.site.static_widgets import outputs_under

    return [((o.get("data") or {})["image/png"], o.get("metadata") or {})
            for o in outputs_under(state, model_id) if (o.get("data") or {}).get("image/png")]
