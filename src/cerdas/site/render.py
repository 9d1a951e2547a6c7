"""The site's notebook renderer: myst-nb's, plus alt text on every image (see cerdas.site.alt) and
the phone-readability rule on every matplotlib figure (see cerdas.site.figures)."""

from __future__ import annotations

import json

from docutils import nodes
from myst_nb.core.render import WIDGET_STATE_MIMETYPE, MimeData, NbElementRenderer

from cerdas.errors import Problem, relpath
from cerdas.site import figures
from cerdas.site.alt import FALLBACK


class CerdasRenderer(NbElementRenderer):
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

    def render_widget_view(self, data: MimeData) -> list[nodes.Element]:
        view = data.content if isinstance(data.content, dict) else json.loads(data.string)
        model_id = view.get("model_id", "")
        state = ((self.renderer.nb_client.nb_metadata.get("widgets") or {})
                 .get(WIDGET_STATE_MIMETYPE, {}).get("state", {}))
        for png, meta in figures.widget_images(state, model_id):
            self.check_figure(png, meta, data.cell_index, data.line)
        return super().render_widget_view(data)

    def check_figure(self, png, meta: dict, cell_index: int | None, line: int | None) -> None:
        """Warn (a build error under -W) when a figure breaks the phone-readability rule."""
        css_width = (meta.get("image/png") or {}).get("width")
        what = figures.problem(meta.get(figures.KEY), png, css_width=css_width)
        if not what:
            return
        src = self.renderer.document["source"]
        root = getattr(self.renderer.sphinx_env, "srcdir", None)
        path = relpath(src, root) if root else src
        cell = None if cell_index is None else cell_index + 1
        cells = self.renderer.nb_client.notebook.cells
        cid = cells[cell_index].get("id") if cell_index is not None and cell_index < len(cells) else None
        where = f" (id {cid})" if cid else ""
        self.logger.warning(str(Problem(path, f"figure{where} not readable on a phone: {what}", cell=cell)),
                            subtype="figure", line=line)
