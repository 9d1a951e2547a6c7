"""Figures must be readable on a 360 px phone: the kernel measures them, the site build refuses the
unreadable ones and says which notebook, which cell and what to change (cerdas.site.figures)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("agg")  # the unit test draws nothing on screen  # noqa: E402
import matplotlib.pyplot as plt
import nbformat
import pytest

from cerdas.site import figures


def _png(fig) -> bytes:
    """The PNG the inline backend would send (its default: tight bounding box)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


def _bars(**subplots):
    fig, ax = plt.subplots(**subplots)
    ax.barh(["Kesehatan", "Lingkungan dan kebersihan", "Pendidikan"], [12, 30, 7], label="2025")
    ax.set_title("Jumlah aduan menurut kategori")
    ax.set_xlabel("Jumlah aduan")
    ax.legend()
    return fig


def test_course_style_figure_is_readable():
    """A bar chart in the course style passes: its smallest text (11 pt) is ~10 px on a phone."""
    with plt.style.context("cerdas.gaya"):
        fig = _bars()
        measured, png = figures.measure(fig), _png(fig)
    assert (measured["width_in"], measured["text_pt"]) == (5, 11)  # ticks, labels and legend alike
    width, _ = figures.png_size(png)
    assert 9 <= figures.text_px(measured, width) < 10.5
    assert figures.problem(measured, png) is None
    plt.close(fig)


def test_wide_figure_with_small_ticks_fails_and_says_what_to_change():
    """10 in wide with 8 pt tick labels: ~3.7 px on a phone; the message names the tick labels and both
    fixes, and the narrower figsize it proposes is enough."""
    fig, ax = plt.subplots(figsize=(10, 4), dpi=100, layout="constrained")
    ax.plot([2019, 2020, 2021, 2022], [120, 180, 150, 210], label="Aduan")
    ax.set_title("Aduan per tahun")
    ax.tick_params(labelsize=8)
    measured, png = figures.measure(fig), _png(fig)
    assert (measured["width_in"], measured["text_pt"], measured["text"]) == (10, 8, "tick labels")
    message = figures.problem(measured, png)
    assert message is not None
    assert "tick labels, 8 pt" in message and "under 9 px" in message
    assert "figsize width <= " in message and "fontsize >= " in message and "cerdas.gaya" in message
    assert "over 800 px" in message  # 1,000 px wide, too
    narrow = float(message.split("figsize width <= ")[1].split(" in")[0])
    fig.set_figwidth(narrow)
    assert figures.problem(figures.measure(fig), _png(fig)) is None
    plt.close(fig)


def test_small_annotation_is_the_smallest_text():
    """An annotation drawn at 6 pt is what the rule reports, even when the ticks are big enough."""
    with plt.style.context("cerdas.gaya"):
        fig = _bars()
        fig.axes[0].text(5, 1, "catatan kecil", fontsize=6)
        measured = figures.measure(fig)
    assert (measured["text_pt"], measured["text"]) == (6, 'text "catatan kecil"')
    assert "catatan kecil" in figures.problem(measured, _png(fig))
    plt.close(fig)


def test_too_many_pixels_fails():
    """A readable figure saved at 300 dpi is 1,500 px wide: bytes nobody sees; lower the dpi."""
    with plt.style.context("cerdas.gaya"):
        fig = _bars(dpi=300)
    message = figures.problem(figures.measure(fig), _png(fig))
    assert message is not None and "over 800 px" in message and "lower dpi" in message
    plt.close(fig)


def test_images_inside_widget_views_are_found():
    """Views drawn into Output widgets under a VBox/Stack are reached from the view's root model."""
    state = {
        "box": {"state": {"children": ["IPY_MODEL_control", "IPY_MODEL_stack"]}},
        "control": {"state": {"options": ["a", "b"]}},
        "stack": {"state": {"children": ["IPY_MODEL_view0", "IPY_MODEL_view1"]}},
        "view0": {"state": {"outputs": [{"output_type": "display_data", "data": {"image/png": "AAA"},
                                         "metadata": {"cerdas_figure": {"text_pt": 8}}}]}},
        "view1": {"state": {"outputs": [{"output_type": "stream", "text": "hai"}]}},
        "elsewhere": {"state": {"outputs": [{"data": {"image/png": "BBB"}, "metadata": {}}]}},
    }
    assert figures.widget_images(state, "box") == [("AAA", {"cerdas_figure": {"text_pt": 8}})]


@pytest.mark.slow
def test_site_build_warns_naming_notebook_and_cell(tmp_path):
    """A notebook whose figure (and a widget view's figure) breaks the rule gives Sphinx warnings that
    name the notebook, the cell and the fix; a readable figure with its finding gives none, one without
    a finding (no gambar.temuan) is named with the call to add."""
    from sphinx.application import Sphinx

    def output(fig, finding=True):
        png = _png(fig)
        plt.close(fig)
        return nbformat.v4.new_output("display_data", data={"image/png": __import__("base64").b64encode(png).decode()},
                                      metadata={figures.KEY: {**figures.measure(fig), "finding": finding}})

    small = _bars(figsize=(10, 4), dpi=100)
    small.axes[0].tick_params(labelsize=8)
    small = output(small)
    with plt.style.context("cerdas.gaya"):
        good = output(_bars())
        silent = output(_bars(), finding=False)
    state = {"application/vnd.jupyter.widget-state+json": {"version_major": 2, "version_minor": 0, "state": {
        "box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_view"]}},
        "view": {"model_name": "OutputModel", "state": {"outputs": [small]}}}}}
    nb = nbformat.v4.new_notebook(metadata={"widgets": state})
    nb.cells = [nbformat.v4.new_markdown_cell("# Uji"),
                nbformat.v4.new_code_cell("gambar_baik()", outputs=[good]),
                nbformat.v4.new_code_cell("gambar_kecil()", outputs=[small]),
                nbformat.v4.new_code_cell("tampilan()", outputs=[nbformat.v4.new_output(
                    "display_data", data={"application/vnd.jupyter.widget-view+json":
                                          {"model_id": "box", "version_major": 2, "version_minor": 0}})]),
                nbformat.v4.new_code_cell("tanpa_temuan()", outputs=[silent])]
    src = tmp_path / "src"
    src.mkdir()
    nbformat.write(nb, src / "uji.ipynb")
    (src / "index.md").write_text("# Indeks\n\n```{toctree}\nuji\n```\n")
    (src / "conf.py").write_text('extensions = ["myst_nb"]\nnb_execution_mode = "off"\nnb_render_plugin = "cerdas"\n')
    warnings = io.StringIO()
    Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "doctrees"), "html",
           status=None, warning=warnings).build()
    found = [w for w in warnings.getvalue().splitlines() if "[mystnb.figure]" in w]
    assert len(found) == 3, warnings.getvalue()
    assert all("uji.ipynb:cell 3" in w for w in found[:1]) and "uji.ipynb:cell 4" in found[1]
    assert all("not readable on a phone" in w and "tick labels, 8 pt" in w and "figsize width <=" in w
               for w in found[:2])
    assert "uji.ipynb:cell 5" in found[2] and "has no finding" in found[2] and "gambar.temuan(" in found[2]
