"""The site's notebook renderer: myst-nb's, plus alt text on every image (see cerdas.site.alt)."""

from __future__ import annotations

from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer

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
        return rendered
