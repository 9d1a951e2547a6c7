"""In JupyterLab a lesson's widgets stay real ipywidgets: the site's static views change only the
page, never what the kernel produces (cerdas.widgets, cerdas.site.static_widgets)."""

from __future__ import annotations

import pytest

from cerdas.site.static_widgets import convert, image_of

pytestmark = pytest.mark.slow

LESSON_CODE = """\
import matplotlib.pyplot as plt
from cerdas.widgets import dropdown_views

def gambar(kecamatan):
    fig, ax = plt.subplots(figsize=(2, 1), dpi=40)
    ax.set_title(kecamatan)

dropdown_views(["Balikpapan Barat", "Balikpapan Kota"], gambar, description="Kecamatan:")
"""


def test_dropdown_views_run_in_a_kernel_is_a_live_ipywidgets_control(tmp_path):
    """The lesson's call, run in a kernel, displays an ipywidgets view (JupyterLab draws a live
    Dropdown), and the widget state saved with it is what the site turns into a <select>."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(LESSON_CODE)])
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    [output] = nb.cells[0].outputs
    view = output["data"]["application/vnd.jupyter.widget-view+json"]
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    assert state[view["model_id"]]["model_name"] == "VBoxModel"
    assert {m["model_name"] for m in state.values()} >= {"DropdownModel", "StackModel", "LinkModel", "OutputModel"}
    widget = convert(state, view["model_id"])
    assert widget.control.options == ["Balikpapan Barat", "Balikpapan Kota"]
    assert [[image_of(o) for o in outputs] for outputs in widget.views] == [["image/png"], ["image/png"]]
