"""Precomputed widget views as plain HTML, so a lesson page needs no widget manager.

A lesson shows a choice between views drawn ahead of time with ipywidgets: a box holding a
selection control (Dropdown, Select, RadioButtons, ToggleButtons, SelectionSlider, or an IntSlider
over the view numbers) and a Stack, Tab or Accordion of ``Output`` widgets, the control's ``index``
(an IntSlider's ``value``) linked to the container's ``selected_index`` in the browser (``jslink``,
either direction, or ``jsdlink`` from the control). ``cerdas.widgets.dropdown_views`` builds
exactly that. Such a view needs no live model: :func:`convert` reads it from the notebook's saved
widget state and :func:`control_html` / :func:`output_html` write it as a ``<select>`` or range input
and the views' outputs; ``static/cerdas.js`` switches the views. Anything else raises
:class:`NotStatic` with the reason, and the page keeps the widget manager.

Pure functions over the widget-state dict (``metadata.widgets[WIDGET_STATE].state``).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

PREFIX = "IPY_MODEL_"
SELECTIONS = {"DropdownModel", "SelectModel", "RadioButtonsModel", "ToggleButtonsModel"}
SLIDERS = {"SelectionSliderModel"}
INT_SLIDERS = {"IntSliderModel"}
CONTAINERS = {"StackModel", "TabModel", "AccordionModel"}
BOXES = {"VBoxModel", "HBoxModel", "BoxModel", "GridBoxModel"}
TEXTS = {"LabelModel": "label", "HTMLModel": "html", "HTMLMathModel": "html"}
LINKS = {"LinkModel": True, "DirectionalLinkModel": False}  # model -> works both ways
IMAGES = ("image/png", "image/jpeg", "image/svg+xml", "image/gif")
LIVE = "application/vnd.jupyter.widget-view+json"


class NotStatic(ValueError):
    """The widget needs a live model (the reason says why); the page keeps the widget manager."""


@dataclass(frozen=True)
class Control:
    kind: str  # "select" (a list of options) or "range" (a slider)
    label: str  # the widget's description, as plain text
    options: list[str]  # one label per view
    index: int  # the view shown first
    model_id: str


@dataclass(frozen=True)
class StaticViews:
    control: Control
    views: list[list[dict]]  # each view's outputs (nbformat output dicts)
    texts: list[tuple[str, str]] = field(default_factory=list)  # ("label"|"html", text) above the control


def _model(state: dict, ref: str) -> tuple[str, dict]:
    model_id = _strip(ref)
    if model_id not in state:
        raise NotStatic(f"model {model_id} is missing from the widget state")
    return model_id, state[model_id]


def _name(model: dict) -> str:
    return model.get("model_name", "?")


def _linked(state: dict, control_id: str, attr: str, container_id: str) -> bool:
    """A link in the browser makes the container follow the control's ``attr``."""
    for model in state.values():
        both_ways = LINKS.get(_name(model))
        if both_ways is None:
            continue
        ends = [model.get("state", {}).get(k) or [None, None] for k in ("source", "target")]
        (src, src_attr), (dst, dst_attr) = [(_strip(e[0]), e[1]) for e in ends]
        forward = (src, src_attr, dst, dst_attr) == (control_id, attr, container_id, "selected_index")
        backward = (dst, dst_attr, src, src_attr) == (control_id, attr, container_id, "selected_index")
        if forward or (backward and both_ways):
            return True
    return False


def _strip(ref) -> str | None:
    return ref[len(PREFIX):] if isinstance(ref, str) and ref.startswith(PREFIX) else ref


def _control(model_id: str, model: dict) -> tuple[Control, str]:
    """The control and the attribute a link must read (``index`` or ``value``)."""
    name, st = _name(model), model.get("state", {})
    label = str(st.get("description") or "")
    if name in SELECTIONS | SLIDERS:
        options = [str(o) for o in st.get("_options_labels") or []]
        index = st.get("index")
        if not options or not isinstance(index, int) or not 0 <= index < len(options):
            raise NotStatic(f"{name} {model_id} has no option selected")
        return Control("range" if name in SLIDERS else "select", label, options, index, model_id), "index"
    if name in INT_SLIDERS:
        low, high, step, value = (st.get(k) for k in ("min", "max", "step", "value"))
        if not all(isinstance(v, int) for v in (low, high, step, value)) or low != 0 or step != 1 or high < 0:
            raise NotStatic(f"IntSlider {model_id} does not count views from 0 in steps of 1")
        return Control("range", label, [str(v) for v in range(high + 1)], value, model_id), "value"
    raise NotStatic(f"{name} {model_id} is not a selection control")


def _outputs(state: dict, ref: str) -> list[dict]:
    model_id, model = _model(state, ref)
    if _name(model) != "OutputModel":
        raise NotStatic(f"view {model_id} is a {_name(model)}, not an Output")
    outputs = model.get("state", {}).get("outputs") or []
    for out in outputs:
        if out.get("output_type") == "error":
            continue
        data = out.get("data") or {}
        if LIVE in data:
            raise NotStatic(f"Output {model_id} shows a live widget")
        if out.get("output_type") in ("display_data", "execute_result") and not _pick(data):
            raise NotStatic(f"Output {model_id} holds only {sorted(data)}")
    return outputs


def _pick(data: dict) -> str | None:
    """The mime type of an output shown on the page: an image, else HTML, else plain text."""
    return next((m for m in (*IMAGES, "text/html", "text/plain") if m in data), None)


def convert(state: dict, model_id: str) -> StaticViews:
    """The static form of the widget view ``model_id``, or :class:`NotStatic` saying why there is none."""
    model_id, box = _model(state, model_id)
    if _name(box) not in BOXES:
        raise NotStatic(f"{_name(box)} {model_id} is not a box of a control and its views")
    controls, containers, texts = [], [], []
    for ref in box.get("state", {}).get("children") or []:
        child_id, child = _model(state, ref)
        name = _name(child)
        if name in CONTAINERS:
            containers.append((child_id, child))
        elif name in TEXTS:
            texts.append((TEXTS[name], str(child.get("state", {}).get("value") or "")))
        else:
            controls.append((child_id, child))
    if len(controls) != 1 or len(containers) != 1:
        found = sorted(_name(m) for _, m in controls + containers)
        raise NotStatic(f"box {model_id} holds {found}, not one selection control and one Stack of views")
    control, attr = _control(*controls[0])
    container_id, container = containers[0]
    if not _linked(state, control.model_id, attr, container_id):
        raise NotStatic(f"control {control.model_id} is not linked in the browser to {container_id}")
    children = container.get("state", {}).get("children") or []
    if len(children) != len(control.options):
        raise NotStatic(f"{len(control.options)} options but {len(children)} views in {container_id}")
    return StaticViews(control, [_outputs(state, ref) for ref in children], texts)


def control_html(widget: StaticViews, ident: str | None = None) -> str:
    """The label, the control (element id ``ident``) and, for a slider, the chosen value, as HTML."""
    c, ident = widget.control, html.escape(ident or f"cerdas-views-{widget.control.model_id}")
    label = html.escape(c.label.strip() or "Pilih tampilan:")
    texts = "".join(f'<div class="cerdas-views-text">{t if kind == "html" else html.escape(t)}</div>'
                    for kind, t in widget.texts)
    if c.kind == "select":
        options = "".join(f'<option value="{i}"{" selected" if i == c.index else ""}>{html.escape(o)}</option>'
                          for i, o in enumerate(c.options))
        field_ = f'<select id="{ident}" data-cerdas-views-control>{options}</select>'
    else:
        labels = html.escape(json.dumps(c.options, ensure_ascii=False), quote=True)
        current = html.escape(c.options[c.index])
        field_ = (f'<input type="range" id="{ident}" min="0" max="{len(c.options) - 1}" step="1" value="{c.index}" '
                  f'aria-valuetext="{current}" data-cerdas-views-control data-cerdas-labels="{labels}">'
                  f'<output for="{ident}" class="cerdas-views-value">{current}</output>')
    return f'{texts}<div class="cerdas-views-control"><label for="{ident}">{label}</label> {field_}</div>'


def image_of(output: dict) -> str | None:
    """The image mime type an output shows, or None when it shows text."""
    mime = _pick(output.get("data") or {})
    return mime if mime in IMAGES else None


def output_html(output: dict) -> str:
    """A text output (stream, error, HTML, plain text) as HTML; images are left to the caller."""
    kind = output.get("output_type")
    if kind == "stream":
        name = "stderr" if output.get("name") == "stderr" else "stdout"
        return f'<pre class="output {name}">{html.escape(_text(output.get("text")))}</pre>'
    if kind == "error":
        message = f'{output.get("ename", "")}: {output.get("evalue", "")}'
        return f'<pre class="output traceback">{html.escape(message)}</pre>'
    data = output.get("data") or {}
    mime = _pick(data)
    if mime == "text/html":
        return f'<div class="output text_html">{_text(data[mime])}</div>'
    if mime == "text/plain":
        return f'<pre class="output text_plain">{html.escape(_text(data[mime]))}</pre>'
    return ""


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def outputs_under(state: dict, model_id: str) -> list[dict]:
    """Every output held by the ``Output`` widgets under a widget view, however deep: the view names
    its root model, whose children are found through their ``IPY_MODEL_<id>`` references."""
    found, seen, todo = [], set(), [model_id]
    while todo:
        mid = todo.pop()
        if mid in seen or mid not in state:
            continue
        seen.add(mid)
        model = state[mid].get("state", {})
        if isinstance(model.get("outputs"), list):
            found += model["outputs"]
        todo += [ref[len("IPY_MODEL_"):] for ref in _references(model)]
    return found


def errors_under(state: dict, model_id: str) -> list[str]:
    """``Name: message`` of each error a view's ``Output`` widgets caught. An exception raised inside
    ``with out:`` is shown in the widget and swallowed, so the cell, and the lesson, still succeed."""
    return [f"{o.get('ename', '')}: {o.get('evalue', '')}" for o in outputs_under(state, model_id)
            if o.get("output_type") == "error"]


def _references(value) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith("IPY_MODEL_") else []
    if isinstance(value, dict):
        return [r for v in value.values() for r in _references(v)]
    if isinstance(value, list):
        return [r for v in value for r in _references(v)]
    return []
