"""Sphinx extension for the course site (listed in _config.yml ``sphinx.extra_extensions``).

- ``{cerdas-silabus}``: the syllabus generated from the lessons' ``cerdas`` metadata at build time.
- ``{cerdas-status}``: which notebooks executed, how long each took, with which package versions.
- the course stylesheet (accessibility fixes for the theme), served from the site itself.
- the images of hidden static widget views (cerdas.site.render.LazyImage), loaded when first shown.
- lighter pages: no Thebe, scripts deferred, images sized and lazy (:mod:`cerdas.site.light`), the
  search index only on the search page (templates/layout.html), icon fonts cut down to the icons
  the pages show (:mod:`cerdas.site.icons`).
"""

from __future__ import annotations

import platform
import re
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from cerdas import syllabus
from cerdas.course import Course
from cerdas.errors import CourseError
from cerdas.site import icons, light, sertifikat

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = Path(__file__).resolve().parent / "assets"  # the vendored widget renderer, served at the site root
TEMPLATES = Path(__file__).resolve().parent / "templates"
STATUS_KEY = "cerdas_status_table"


class Silabus(SphinxDirective):
    """Modules, objectives, minutes, JP and the audience paths, read from the lesson notebooks and kursus.yml."""

    def run(self):
        course = Course.find(self.env.srcdir)
        lessons = syllabus.lessons(course)
        for lesson in lessons:  # rebuild this page when a lesson changes
            self.env.note_dependency(str(lesson.path))
        try:
            per_jp = syllabus.minutes_per_jp(course)
            paths = syllabus.learning_paths(course)
        except CourseError as exc:
            raise self.error(f"cerdas-silabus: {exc}")
        if (course.root / syllabus.SETTINGS).is_file():  # a missing dependency would rebuild the page every time
            self.env.note_dependency(str(course.root / syllabus.SETTINGS))
        container = nodes.container(classes=["cerdas-silabus"])
        self.state.nested_parse(StringList(render_syllabus(course, lessons, per_jp, paths=paths)), 0, container,
                                match_titles=True)
        return container.children


def _doc(course: Course, lesson: syllabus.Lesson) -> str:
    return "/" + course.rel(lesson.path.with_suffix(""))


def render_syllabus(course: Course, lessons: list[syllabus.Lesson], per_jp: int,
                    paths: list[syllabus.LearningPath] = ()) -> list[str]:
    total = sum(l.minutes for l in lessons)
    lines = [f"Seluruh kursus: **{len(lessons)} pelajaran**, {total} menit, setara "
             f"**{syllabus.jp(total, per_jp)} JP**, dihitung 1 JP = {per_jp} menit (konvensi yang lazim dipakai; belum "
             "ditemukan aturan resmi yang menetapkannya, jadi periksa ketentuan penyelenggara pelatihan Anda).", "",
             "## Ringkasan modul", "", "| Modul | Pelajaran | Menit | JP |", "|---|---|---:|---:|"]
    for l in lessons:
        lines.append(f"| {l.module} | {{doc}}`{l.title} <{_doc(course, l)}>` | {l.minutes} | "
                     f"{syllabus.jp(l.minutes, per_jp)} |")
    if paths:
        lines += ["", "## Jalur belajar", "",
                  "Setiap jalur memuat pelajaran wajib dan pelajaran pilihan (ditandai *pilihan*). JP jalur "
                  "dihitung dari pelajaran wajibnya; angka kedua menyertakan semua pelajaran pilihan.", ""]
    for path in paths:
        lines += render_path(course, path, lessons, per_jp)
    lines += ["", "## Tujuan pembelajaran per pelajaran", ""]
    for l in lessons:
        lines += [f"### Modul {l.module}: {l.title}", "",
                  f"{l.minutes} menit ({syllabus.jp(l.minutes, per_jp)} JP). Untuk: {', '.join(l.audiences)}. "
                  f"Buka pelajarannya: {{doc}}`{l.title} <{_doc(course, l)}>`.", "",
                  "Setelah pelajaran ini, Anda dapat:", ""]
        lines += [f"- {goal}" for goal in l.objectives] + [""]
    return lines


def render_path(course: Course, path: syllabus.LearningPath, lessons: list[syllabus.Lesson], per_jp: int) -> list[str]:
    """One audience's path: whom it serves, its JP (required, and with the optional lessons), its lessons in order."""
    chosen = [(l, module in path.optional) for module in path.modules for l in lessons if l.module == module]
    required = sum(l.minutes for l, optional in chosen if not optional)
    every = sum(l.minutes for l, _ in chosen)
    count = sum(1 for _, optional in chosen if not optional)
    summary = f"Wajib: {count} pelajaran, {required} menit, **{syllabus.jp(required, per_jp)} JP**."
    if every != required or count != len(chosen):
        summary += (f" Dengan semua pelajaran pilihan: {len(chosen)} pelajaran, {every} menit, "
                    f"**{syllabus.jp(every, per_jp)} JP**.")
    lines = [f"### {path.name}", "", path.serves, "", summary, ""]
    for number, (l, optional) in enumerate(chosen, start=1):
        lines.append(f"{number}. Modul {l.module}: {{doc}}`{l.title} <{_doc(course, l)}>` ({l.minutes} menit)"
                     + (" *(pilihan)*" if optional else ""))
    return lines + [""]


class StatusNode(nodes.General, nodes.Element):
    """Placeholder replaced by the execution table once every notebook has been read."""


class Status(SphinxDirective):
    def run(self):
        from myst_nb.sphinx_ext import NbMetadataCollector

        NbMetadataCollector.set_doc_data(self.env, self.env.docname, STATUS_KEY, True)
        return [StatusNode()]


def _outdated_status_pages(app: Sphinx, env):
    from myst_nb.sphinx_ext import NbMetadataCollector

    if not NbMetadataCollector.new_exec_data(env):
        return []
    return [d for d, data in NbMetadataCollector.get_doc_data(env).items() if data.get(STATUS_KEY)]


def _row(cells: list[str]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph(text=cell))
    return row


def _table(header: list[str], rows: list[list[str]]) -> nodes.table:
    table = nodes.table(classes=["cerdas-status"])
    group = nodes.tgroup(cols=len(header))
    table += group
    for _ in header:
        group += nodes.colspec(colwidth=1)
    head, body = nodes.thead(), nodes.tbody()
    head += _row(header)
    for cells in rows:
        body += _row(cells)
    group += head
    group += body
    return table


def _requirements(root: Path) -> list[tuple[str, str]]:
    path = root / "requirements.txt"
    pins = []
    if path.is_file():
        for line in path.read_text().splitlines():
            match = re.match(r"^([A-Za-z0-9_.\-]+)(?:\[.*\])?==([^\s;#]+)", line.strip())
            if match:
                pins.append((match[1], match[2]))
    return pins


class StatusTransform(SphinxPostTransform):
    default_priority = 8

    def run(self, **kwargs):
        from myst_nb.sphinx_ext import NbMetadataCollector

        for node in list(self.document.findall(StatusNode)):
            data = NbMetadataCollector.get_doc_data(self.env)
            rows = []
            for docname in sorted(data):
                exec_data = data[docname].get("exec_data")
                if not exec_data:
                    continue
                runtime = exec_data.get("runtime")
                mtime = exec_data.get("mtime")
                rows.append([docname, "berhasil" if exec_data.get("succeeded") else "GAGAL",
                             "-" if runtime is None else f"{runtime:.1f}".replace(".", ","),
                             datetime.fromtimestamp(mtime, timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if mtime else "-",
                             "dari cache" if exec_data.get("method") == "cache" and runtime is None else str(exec_data.get("method"))])
            executed = _table(["Notebook", "Status", "Waktu jalan (detik)", "Dijalankan pada", "Cara"], rows)
            versions = [["Python", platform.python_version(), platform.python_version()]]
            for name, pin in _requirements(Path(self.env.srcdir)):
                try:
                    installed = metadata.version(name)
                except metadata.PackageNotFoundError:
                    installed = "tidak terpasang"
                versions.append([name, pin, installed])
            built = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            intro = nodes.paragraph(text=f"Situs ini dibangun pada {built}. Tabel pertama: notebook yang "
                                         f"dijalankan ({len(rows)}). Tabel kedua: versi paket yang dipakai.")
            node.replace_self([intro, executed, _table(["Paket", "Versi di requirements.txt", "Versi terpasang"], versions)])


def _configure(app: Sphinx, config):
    config.html_static_path.append(str(STATIC))
    # Every course gets the vendored widget renderer, wherever cerdas is installed (this course names
    # src/cerdas/site/assets in _config.yml; a course of one's own cannot know the package's path).
    extra = [Path(app.confdir, p).resolve() for p in config.html_extra_path]
    if ASSETS.resolve() not in extra:
        config.html_extra_path.append(str(ASSETS))
    config.templates_path.insert(0, str(TEMPLATES))
    if not config.html_favicon:
        config.html_favicon = str(STATIC / "favicon.svg")  # else browsers ask for /favicon.ico
    # Light mode, the one the accessibility tests audit; an empty mode logs a console error.
    config.html_context = {**(config.html_context or {}), "default_mode": "light"}


def _lighter_pages(app: Sphinx, pagename, templatename, context, doctree):
    """Drop Thebe's scripts: the course offers no live code on the page (launch buttons instead);
    its inline script is included twice (a console error) and names a CDN. (Font Awesome's 1.5 MB
    script is left out by templates/static/webpack-macros.html.)"""
    def unneeded(item) -> bool:
        body = getattr(item, "attributes", {}).get("body", "") or ""
        return "thebe" in str(item).lower() or "THEBE" in body

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [item for item in context[key] if not unneeded(item)]
    light.on_page_context(app, pagename, templatename, context, doctree)


def setup(app: Sphinx):
    from cerdas.site.render import LazyImage, depart_lazy_image, visit_lazy_image

    app.add_node(LazyImage, html=(visit_lazy_image, depart_lazy_image))
    app.add_directive("cerdas-silabus", Silabus)
    app.add_node(StatusNode)
    app.add_directive("cerdas-status", Status)
    app.add_post_transform(StatusTransform)
    app.connect("env-updated", _outdated_status_pages)
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _lighter_pages, priority=900)
    app.connect("build-finished", icons.on_build_finished)
    app.connect("build-finished", sertifikat.on_build_finished)
    app.add_css_file("cerdas.css")
    app.add_js_file("cerdas.js", defer="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}  # 2: static widget views
