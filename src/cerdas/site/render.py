"""The site's notebook renderer: myst-nb's, plus alt text on every image (see cerdas.site.alt) and
precomputed widget views as plain HTML (see cerdas.site.static_widgets), and the phone-readability
rule on every matplotlib figure, those in widget views included (see cerdas.site.figures), and the
check that numbers in the prose agree with the values the code records (see cerdas.site.prose_numbers).

A widget view that :func:`~cerdas.site.static_widgets.convert` understands becomes a ``<select>`` or
range input over its views; their images are ordinary Sphinx images (files named by content hash in
``_images``), those of hidden views written as :class:`LazyImage` (``data-src``, loaded by
``static/cerdas.js`` when first shown). A page whose widget views are all static carries neither the
widget state nor the widget manager; one live view keeps both for that page.
"""

from __future__ import annotations

import re

from docutils import nodes
from myst_nb.core.render import WIDGET_STATE_MIMETYPE, MimeData, NbElementRenderer

from cerdas.errors import Problem, relpath
from cerdas.site import figures, prose_numbers, static_widgets
from cerdas.site.alt import FALLBACK


class LazyImage(nodes.image):
    """An image of a hidden view: HTML gets ``data-src`` instead of ``src``; other writers see an image."""


def visit_lazy_image(translator, node: LazyImage) -> None:
    start = len(translator.body)
    translator.visit_image(node)
    for i in range(start, len(translator.body)):
        if "<img" in translator.body[i]:
            translator.body[i] = re.sub(r'(<img\b[^>]*?) src="', r'\1 data-src="', translator.body[i], count=1)
            break


def depart_lazy_image(translator, node: LazyImage) -> None:
    translator.depart_image(node)


def _raw(text: str) -> nodes.raw:
    return nodes.raw(text=text, format="html")


class CerdasRenderer(NbElementRenderer):
    live_widgets = False  # set once a widget view on this page needs the widget manager
    static_count = 0  # static widget views on this page so far (their controls' ids must differ)

    def render_image(self, data: MimeData) -> list[nodes.Element]:
        rendered = super().render_image(data)
        meta = data.output_metadata or {}
        alt = (meta.get(data.mime_type) or {}).get("alt") or meta.get("alt") or FALLBACK
        for node in rendered:
            for image in node.findall(nodes.image):
                if not image.get("alt"):
                    image["alt"] = str(alt)
        if data.mime_type == "image/png":
            self.check_figure(data.content, meta, data.cell_index, data.line)
        return rendered

    def _widget_state(self) -> dict:
        widgets = self.renderer.nb_client.nb_metadata.get("widgets") or {}
        return (widgets.get(WIDGET_STATE_MIMETYPE) or {}).get("state") or {}

    def render_widget_view(self, data: MimeData) -> list[nodes.Element]:
        content = data.content if isinstance(data.content, dict) else {}
        for error in static_widgets.errors_under(self._widget_state(), str(content.get("model_id"))):
            self._warn("widget view", f"caught an error, so a view shows a traceback instead of its output "
                       f"({error}): run the cell in JupyterLab, show each view and fix the code that draws it",
                       data.cell_index, data.line)
        try:
            widget = static_widgets.convert(self._widget_state(), str(content.get("model_id")))
        except static_widgets.NotStatic as why:
            self.live_widgets = True
            self.logger.info(f"widget view kept live (the page loads the widget manager): {why}", line=data.line)
            for png, meta in figures.widget_images(self._widget_state(), str(content.get("model_id"))):
                self.check_figure(png, meta, data.cell_index, data.line)
            return super().render_widget_view(data)
        return self._static_views(widget, data)  # each view's images pass through render_image's check

    def _static_views(self, widget: static_widgets.StaticViews, data: MimeData) -> list[nodes.Element]:
        shown = widget.control.index
        self.static_count += 1
        ident = f"cerdas-views-{self.static_count}"
        result = [_raw(f'<div class="cerdas-views">{static_widgets.control_html(widget, ident)}'
                       f'<div class="cerdas-views-panels" aria-live="polite">')]
        for index, outputs in enumerate(widget.views):
            result.append(_raw(f'<div class="cerdas-view" data-cerdas-view="{index}"'
                               f'{"" if index == shown else " hidden"}>'))
            for number, output in enumerate(outputs):
                mime = static_widgets.image_of(output)
                if mime is None:
                    result.append(_raw(static_widgets.output_html(output)))
                    continue
                images = self.render_image(MimeData(mime, output["data"][mime], cell_metadata=data.cell_metadata,
                                                    output_metadata=output.get("metadata") or {},
                                                    cell_index=data.cell_index, output_index=number, line=data.line))
                result += images if index == shown else [_lazy(node) for node in images]
            result.append(_raw("</div>"))
        result.append(_raw("</div></div>"))
        return result

    def check_figure(self, png, meta: dict, cell_index: int | None, line: int | None) -> None:
        """Warn (a build error under -W) when a figure breaks the phone-readability rule or has no finding."""
        css_width = (meta.get("image/png") or {}).get("width")
        what = figures.problem(meta.get(figures.KEY), png, css_width=css_width)
        if what:
            self._warn("figure", f"not readable on a phone: {what}", cell_index, line)
        if figures.lacks_finding(meta.get(figures.KEY)):
            self._warn("figure", "has no finding for its alt text: state what it shows in the cell that draws "
                       "it, before plt.show(): from cerdas import gambar; gambar.temuan(\"...\")",
                       cell_index, line)

    def _warn(self, subject: str, what: str, cell_index: int | None, line: int | None) -> None:
        """A Sphinx warning (a build error under -W) naming the notebook, the cell and its id."""
        src = self.renderer.document["source"]
        root = getattr(self.renderer.sphinx_env, "srcdir", None)
        path = relpath(src, root) if root else src
        cell = None if cell_index is None else cell_index + 1
        cells = self.renderer.nb_client.notebook.cells
        cid = cells[cell_index].get("id") if cell_index is not None and cell_index < len(cells) else None
        where = f" (id {cid})" if cid else ""
        at = {} if line is None else {"line": line}  # myst-nb's logger refuses line=None
        self.logger.warning(str(Problem(path, f"{subject}{where} {what}", cell=cell)),
                            subtype=subject.split()[0], **at)

    def render_nb_finalise(self, metadata: dict) -> None:
        """Numbers in the prose checked against the values the code recorded (see
        cerdas.site.prose_numbers); the widget state and manager only for a page with a live widget view."""
        client = self.renderer.nb_client  # myst-nb has moved the glue records out of the outputs
        for problem in prose_numbers.check(client.notebook.cells, prose_numbers.glued(client.glue_data)):
            self._warn("prose number", f"angka:{problem.name} {problem.what}", problem.cell, None)
        if self.live_widgets:
            super().render_nb_finalise(metadata)


def _lazy(node: nodes.Element) -> nodes.Element:
    if type(node) is not nodes.image:
        return node
    return LazyImage(node.rawsource, *node.children, **node.attributes)

