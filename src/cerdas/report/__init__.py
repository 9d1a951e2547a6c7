"""Reports for people: HTML pages built from Jinja2 templates that share one stylesheet.

Every report the toolkit writes for instructors, learners or leadership (feedback, item analysis,
cohort dashboard, similarity report) is a template in ``templates/`` extending ``base.html``. A page
is one self-contained file: the stylesheet (``templates/cerdas.css``) is inlined and plots are
embedded as PNG data, so a report opens offline, can be mailed or put on a USB stick, and prints on
A4 (``@page`` rules, tables that do not split rows, no interactive parts needed).

Templates autoescape: values are text unless marked safe on purpose (:func:`png`'s data URLs).
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["angka"] = angka
    env.filters["persen"] = persen
    env.globals["stylesheet"] = Markup((TEMPLATES / "cerdas.css").read_text(encoding="utf-8"))
    return env


def render(template: str, **context) -> str:
    """The page ``template`` (a file in ``templates/``) filled with ``context``."""
    return environment().get_template(template).render(**context)


def write(path: Path, template: str, **context) -> Path:
    """Render ``template`` into ``path`` atomically (a reader never sees half a page)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render(template, **context), encoding="utf-8")
    tmp.replace(path)
    return path


def angka(value, decimals: int = 1) -> str:
    """A number the Indonesian way (1.234,5), or an en dash for a missing one."""
    try:
        if value is None or value != value:  # None or NaN
            return "\u2013"
    except TypeError:
        return str(value)
    if float(value).is_integer() and decimals >= 0 and isinstance(value, int):
        text = f"{value:,d}"
    else:
        text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def persen(value, decimals: int = 0) -> str:
    """A share (0-1) as an Indonesian percentage (72 %), or an en dash for a missing one."""
    if value is None or value != value:
        return "\u2013"
    return f"{angka(100 * float(value), decimals)}%"


def png(fig, *, dpi: int = 100) -> Markup:
    """A matplotlib figure as a ``data:`` URL for an ``<img src>`` (closed after saving)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return Markup("data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode())


def pyplot():
    """matplotlib's pyplot on the Agg backend with the course style (reports draw no windows)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt
