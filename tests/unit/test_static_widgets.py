"""A lesson's precomputed widget views become plain HTML for the site (cerdas.site.static_widgets):
the control and its views are read from the notebook's saved widget state; a widget that needs a
live model is reported as such, so its page keeps the widget manager."""

from __future__ import annotations

import re

import pytest

from cerdas.site.static_widgets import NotStatic, control_html, convert, image_of, output_html

PNG = {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"},
       "metadata": {"image/png": {"alt": "Grafik: aduan"}}}


def model(name: str, **state) -> dict:
    module = "@jupyter-widgets/output" if name == "OutputModel" else "@jupyter-widgets/controls"
    return {"model_name": name, "model_module": module, "model_module_version": "2.0.0", "state": state}


def ref(model_id: str) -> str:
    return f"IPY_MODEL_{model_id}"


def lesson_state(control: dict, *, link: tuple = ("ctl", "index", "stack", "selected_index"),
                 link_model: str = "LinkModel", views: int = 3, box: str = "VBoxModel",
                 order=("ctl", "stack")) -> dict:
    """Widget state as ipywidgets saves it for [control, Stack of Outputs] in a box, jslink-ed."""
    state = {f"out{i}": model("OutputModel", outputs=[{**PNG, "data": {**PNG["data"], "text/plain": f"<Figure {i}>"}}])
             for i in range(views)}
    state["ctl"] = control
    state["stack"] = model("StackModel", children=[ref(f"out{i}") for i in range(views)], selected_index=1)
    src, src_attr, dst, dst_attr = link
    state["link"] = model(link_model, source=[ref(src), src_attr], target=[ref(dst), dst_attr])
    state["box"] = model(box, children=[ref(m) for m in order])
    state["layout"] = {"model_name": "LayoutModel", "model_module": "@jupyter-widgets/base", "state": {}}
    return state


DROPDOWN = model("DropdownModel", _options_labels=["Semua kecamatan", "Balikpapan Barat", "Balikpapan <Kota>"],
                 index=1, description="Kecamatan:")
SLIDER = model("SelectionSliderModel", _options_labels=["2", "3", "4"], index=1, description="Menit per orang:")


def test_helper_dropdown_becomes_a_labelled_select():
    """dropdown_views' box: a <select> named by its real <label>, every option, the initial one chosen."""
    widget = convert(lesson_state(DROPDOWN), "box")
    assert widget.control.kind == "select" and widget.control.index == 1
    assert len(widget.views) == 3 and image_of(widget.views[2][0]) == "image/png"
    markup = control_html(widget)
    [ident] = re.findall(r'<label for="([^"]+)">Kecamatan:</label>', markup)
    assert f'<select id="{ident}"' in markup
    assert re.findall(r"<option[^>]*>([^<]*)</option>", markup) == ["Semua kecamatan", "Balikpapan Barat",
                                                                   "Balikpapan &lt;Kota&gt;"]
    assert '<option value="1" selected>' in markup


def test_helper_slider_becomes_a_range_input_showing_its_value():
    """slider_views' SelectionSlider: a range input over the views, the chosen value shown beside it."""
    widget = convert(lesson_state(SLIDER, box="HBoxModel", order=("stack", "ctl")), "box")
    markup = control_html(widget)
    assert re.search(r'<input type="range" id="[^"]+" min="0" max="2" step="1" value="1" aria-valuetext="3"', markup)
    assert re.search(r'<output [^>]*>3</output>', markup)


def test_module_1_hand_built_pattern_with_a_title_label():
    """Module 1 builds the same thing by hand (Dropdown, Stack, jslink, VBox); a Label in the box stays as text."""
    state = lesson_state(DROPDOWN, order=("title", "ctl", "stack"))
    state["title"] = model("LabelModel", value="Porsi kategori <aduan>")
    widget = convert(state, "box")
    assert "Porsi kategori &lt;aduan&gt;" in control_html(widget)


def test_link_declared_from_the_stack_to_the_control():
    """jslink((stack, 'selected_index'), (control, 'index')) syncs both ways just the same."""
    widget = convert(lesson_state(DROPDOWN, link=("stack", "selected_index", "ctl", "index")), "box")
    assert widget.control.options[widget.control.index] == "Balikpapan Barat"


@pytest.mark.parametrize("case, state, reason", [
    ("a lone IntSlider", {"s": model("IntSliderModel", value=3, min=0, max=10, step=1)}, "not a box"),
    ("a box holding a Button", {"b": model("ButtonModel", description="Klik"),
                                "s": model("StackModel", children=[]),
                                "box": model("VBoxModel", children=[ref("b"), ref("s")])}, "not a selection control"),
    ("no link between control and views", {k: v for k, v in lesson_state(DROPDOWN).items() if k != "link"},
     "not linked"),
    ("a one-way link from the views to the control", lesson_state(
        DROPDOWN, link=("stack", "selected_index", "ctl", "index"), link_model="DirectionalLinkModel"), "not linked"),
    ("fewer views than options", lesson_state(DROPDOWN, views=2), "3 options but 2 views"),
])
def test_widgets_needing_a_live_model_are_reported(case, state, reason):
    """Anything else is not static: the reason says why, and the page keeps the widget manager."""
    model_id = "box" if "box" in state else next(iter(state))
    with pytest.raises(NotStatic, match=reason):
        convert(state, model_id)


def test_a_view_showing_a_live_widget_is_not_static():
    state = lesson_state(DROPDOWN)
    state["out0"]["state"]["outputs"] = [{"output_type": "display_data", "metadata": {},
                                          "data": {"application/vnd.jupyter.widget-view+json": {"model_id": "x"},
                                                   "text/plain": "IntSlider()"}}]
    with pytest.raises(NotStatic, match="live widget"):
        convert(state, "box")


def test_text_outputs_of_a_view_are_escaped_text_or_html_as_is():
    assert output_html({"output_type": "stream", "name": "stdout", "text": "a < b\n"}) == \
        '<pre class="output stdout">a &lt; b\n</pre>'
    assert output_html({"output_type": "display_data", "metadata": {},
                        "data": {"text/html": ["<table>", "</table>"], "text/plain": "df"}}) == \
        '<div class="output text_html"><table></table></div>'
    assert output_html({"output_type": "execute_result", "metadata": {}, "data": {"text/plain": "x & y"}}) == \
        '<pre class="output text_plain">x &amp; y</pre>'


def render(tmp_path, state: dict, model_id: str = "box", times: int = 1):
    """The doctree myst-nb builds with the course's renderer for an executed notebook showing a widget."""
    import nbformat
    from docutils.core import publish_doctree
    from myst_nb.docutils_ import Parser

    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    cell = nbformat.v4.new_code_cell("dropdown_views(pilihan, gambar)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": model_id, "version_major": 2, "version_minor": 0},
        "text/plain": "VBox()"}) for _ in range(times)]
    nb.cells = [nbformat.v4.new_markdown_cell("# Pelajaran"), cell]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"version_major": 2, "version_minor": 0,
                                                                           "state": state}}
    return publish_doctree(nbformat.writes(nb), parser=Parser(), settings_overrides={
        "nb_render_plugin": "cerdas", "nb_execution_mode": "off", "nb_output_folder": str(tmp_path),
        "report_level": 4})


def test_page_of_static_views_carries_no_widget_state_nor_manager(tmp_path):
    """The renderer writes the control and views; the page gets no widget state and no manager scripts;
    only the shown view's image has a src, the hidden ones load on first show."""
    from docutils import nodes

    from cerdas.site.render import LazyImage

    doc = render(tmp_path, lesson_state(DROPDOWN))
    assert not doc.get("nb_js_files"), doc.get("nb_js_files")
    raw = "".join(n.astext() for n in doc.findall(nodes.raw))
    assert "<select" in raw and raw.count('data-cerdas-view="') == 3 and raw.count(" hidden>") == 2
    images = list(doc.findall(nodes.image))
    assert [type(i) is LazyImage for i in images] == [True, False, True]  # view 1 is the one shown
    assert all(i["alt"] == "Grafik: aduan" for i in images)
    assert (tmp_path / images[0]["uri"].rsplit("/", 1)[1]).is_file()  # a file named by its content hash


def test_the_same_widget_shown_twice_gets_two_labelled_controls(tmp_path):
    from docutils import nodes

    raw = "".join(n.astext() for n in render(tmp_path, lesson_state(DROPDOWN), times=2).findall(nodes.raw))
    ids = re.findall(r'<select id="([^"]+)"', raw)
    assert len(ids) == 2 and len(set(ids)) == 2
    assert all(f'<label for="{i}">' in raw for i in ids)


def test_page_with_a_live_widget_keeps_the_widget_manager(tmp_path):
    """One widget the converter cannot make static: the page keeps today's widget state and scripts."""
    state = {"s": model("IntSliderModel", value=3, min=0, max=10, step=1, description="n")}
    doc = render(tmp_path, state, model_id="s")
    js = doc.get("nb_js_files") or {}
    assert "ipywidgets_state" in js and '"IntSliderModel"' in js["ipywidgets_state"][1]["body"]
    assert any(k.startswith("ipywidgets_") and k != "ipywidgets_state" for k in js)


def test_a_view_that_caught_an_error_fails_the_build(tmp_path, caplog):
    """An exception raised while a view is drawn (inside `with out:`) is caught by the Output widget:
    the lesson still "succeeds" while a learner would see a traceback in that view. The renderer warns
    (an error under -W), naming the cell and the error."""
    import logging

    from cerdas.site.static_widgets import errors_under

    state = lesson_state(DROPDOWN)
    state["out2"]["state"]["outputs"] = [{"output_type": "error", "ename": "NameError",
                                          "evalue": "name 'kiri' is not defined", "traceback": []}]
    assert errors_under(state, "box") == ["NameError: name 'kiri' is not defined"]
    assert errors_under(lesson_state(DROPDOWN), "box") == []
    with caplog.at_level(logging.WARNING):
        render(tmp_path, state)
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert ":cell 2: widget view" in warning.getMessage()
    assert "NameError: name 'kiri' is not defined" in warning.getMessage()
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        render(tmp_path, lesson_state(DROPDOWN))
    assert [r for r in caplog.records if r.levelno == logging.WARNING] == []
