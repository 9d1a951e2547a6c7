"""Widgets that keep working on the static site, where no Python kernel runs.

Each view is drawn ahead of time into its own ``Output``; a ``Stack`` shows one of them and the
control is linked to it in the browser (``jslink``), so switching views needs no kernel. In
Jupyter these are live ipywidgets; on the site the box becomes a plain ``<select>`` or range input
(``cerdas.site.static_widgets``), each view's plot an image file loaded when first shown. Keep the
number of views modest: about a dozen at ``dpi=80`` is fine.

    from cerdas.widgets import dropdown_views
    def draw(kecamatan):
        fig, ax = plt.subplots(figsize=(5, 3.5), dpi=80)  # with plt.style.use("cerdas.gaya")
        ...
    dropdown_views(["Balikpapan Barat", "Balikpapan Kota"], draw, description="Kecamatan:")
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import display


def _views(values: Sequence, draw: Callable) -> list[widgets.Output]:
    outputs = []
    for value in values:
        out = widgets.Output()
        with out:
            draw(value)
            plt.show()
        outputs.append(out)
    return outputs


def _link(control: widgets.Widget, values: Sequence, draw: Callable, show: bool) -> widgets.VBox | None:
    """Stack the views under the control; display it (returning None) or return it when ``show=False``."""
    stack = widgets.Stack(_views(values, draw), selected_index=control.index)
    widgets.jslink((control, "index"), (stack, "selected_index"))
    box = widgets.VBox([control, stack])
    if not show:
        return box
    display(box)
    return None


def dropdown_views(options: Sequence, draw: Callable, *, description: str = "Pilih:", value=None,
                   show: bool = True) -> widgets.VBox | None:
    """A dropdown that switches between ``draw(option)`` for each option, drawn ahead of time."""
    options = list(options)
    control = widgets.Dropdown(options=options, value=options[0] if value is None else value,
                               description=description, style={"description_width": "initial"})
    return _link(control, options, draw, show)


def slider_views(values: Sequence, draw: Callable, *, description: str = "Nilai:", value=None,
                 show: bool = True) -> widgets.VBox | None:
    """A slider over ``values`` that switches between ``draw(value)`` views, drawn ahead of time."""
    values = list(values)
    control = widgets.SelectionSlider(options=values, value=values[len(values) // 2] if value is None else value,
                                      description=description, continuous_update=True,
                                      style={"description_width": "initial"},
                                      layout=widgets.Layout(width="min(100%, 32rem)"))
    return _link(control, values, draw, show)
