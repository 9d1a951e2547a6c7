"""Lesson notebooks: valid, stored clean, Indonesian, complete, loading data only via cerdas.datasets."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat

from cerdas.codeparse import parse
from cerdas.course import Course
from cerdas.errors import Problem

REQUIRED_SECTIONS = ("Tujuan pembelajaran", "Perkiraan waktu", "Latihan", "Ringkasan", "Istilah penting")
READERS = {
    "read_csv", "read_table", "read_excel", "read_json", "read_parquet", "read_feather",
    "read_pickle", "read_html", "read_xml", "read_sql", "read_fwf", "loadtxt", "genfromtxt",
    "fromfile", "open", "imread", "urlopen", "urlretrieve",
}
NETWORK_MODULES = {"requests", "urllib", "urllib3", "httpx", "aiohttp", "wget", "ftplib", "socket"}
SHELL_NETWORK = re.compile(r"^\s*[!%]+\s*(pip|conda|wget|curl|git\s+clone)\b", re.M)
URL = re.compile(r"^(https?|ftp)://", re.I)
AGG = re.compile(r"""matplotlib\.use\(\s*['"]agg""", re.I)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)


def read_notebook(path: Path, course: Course):
    """Return ``(notebook, problems)``; the notebook is None when it cannot be read at all."""
    rel = course.rel(path)
    try:
        text = path.read_text(encoding="utf-8")
        json.loads(text)
    except UnicodeDecodeError:
        return None, [Problem(rel, "is not UTF-8 text", "save the notebook again from Jupyter")]
    except json.JSONDecodeError as exc:
        return None, [Problem(rel, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                              "restore it from git or re-save it from Jupyter")]
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # nbformat raises several types for schema errors
        message = str(exc).splitlines()[0][:160]
        return None, [Problem(rel, f"is not a valid nbformat 4 notebook ({message})",
                              "re-save it from JupyterLab or fix the cell shown")]
    return nb, []


def stored_clean(nb, rel: str):
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            yield Problem(rel, "stored with outputs", "clear outputs before committing "
                          f"(jupyter nbconvert --clear-output --inplace {rel})", cell=index)
            return


def kernel_and_language(nb, rel: str):
    spec = nb.metadata.get("kernelspec") or {}
    if spec.get("name") != "python3" or spec.get("language", "python") != "python":
        yield Problem(rel, f"kernelspec is {spec.get('name')!r}, not the Python 3 kernel",
                      "set metadata.kernelspec to {name: python3, language: python, display_name: Python 3}")
    if nb.metadata.get("language") != "id":
        yield Problem(rel, "metadata has no 'language: id'",
                      "add \"language\": \"id\" to the notebook metadata (the lesson is in Bahasa Indonesia)")


def headings(nb):
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "markdown":
            for level, text in HEADING.findall(FENCE.sub("", cell.source)):
                yield index, len(level), text.strip()


def required_sections(nb, rel: str):
    found = list(headings(nb))
    if not found or found[0][1] != 1:
        yield Problem(rel, "does not start with a title (a '# ' heading)", "begin with '# <judul pelajaran>'")
    texts = [text.lower() for _, _, text in found]
    for section in REQUIRED_SECTIONS:
        if not any(t.startswith(section.lower()) for t in texts):
            yield Problem(rel, f"has no '{section}' section",
                          f"add a '## {section}' heading (see shared/guide/lessons.md)")


def _code_without_magics(source: str) -> str:
    return "\n".join("" if line.lstrip().startswith(("!", "%")) else line for line in source.splitlines())


def data_access(nb, rel: str):
    """Data only through cerdas.datasets: no reader called with a path, no network, no Agg."""
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        if SHELL_NETWORK.search(cell.source):
            yield Problem(rel, "runs a shell command that installs or downloads",
                          "remove it: the environment comes from requirements.txt and data from cerdas.datasets",
                          cell=index)
        if AGG.search(cell.source):
            yield Problem(rel, "calls matplotlib.use('Agg'), which drops plots from the site",
                          "remove the call; plots display inline", cell=index)
        try:
            tree = parse(_code_without_magics(cell.source))
        except SyntaxError as exc:
            yield Problem(rel, f"has a Python syntax error (line {exc.lineno}: {exc.msg})",
                          "fix the code so the cell runs", cell=index)
            continue
        yield from _ast_problems(tree, rel, index)


def _ast_problems(tree: ast.AST, rel: str, index: int):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                if name.split(".")[0] in NETWORK_MODULES:
                    yield Problem(rel, f"imports '{name}' to use the network",
                                  "ship the data in datasets/ and load it with cerdas.datasets", cell=index)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in READERS:
                yield Problem(rel, f"reads a file by path with {name}()",
                              "load data through cerdas.datasets (datasets.load(\"<name>\") for datasets/<name>/), "
                              "never a hand-built path",
                              cell=index)
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and URL.match(arg.value.strip()):
                    yield Problem(rel, f"passes a network address to {name or 'a call'}() ({arg.value.strip()[:60]})",
                                  "nothing may be fetched at run time: ship it with the course", cell=index)


def syllabus_metadata(nb, rel: str):
    """The ``cerdas`` block the syllabus, paths and JP are generated from (see cerdas.syllabus)."""
    from cerdas.syllabus import metadata_problems

    folder = rel.rsplit("/", 2)[-2] if rel.count("/") >= 1 else ""
    yield from metadata_problems(nb.metadata.get("cerdas"), rel, folder)


LESSON_STEPS = [stored_clean, kernel_and_language, required_sections, data_access, syllabus_metadata]


def lessons_are_clean(course: Course):
    for path in course.lesson_notebooks():
        nb, problems = read_notebook(path, course)
        yield from problems
        if nb is None:
            continue
        rel = course.rel(path)
        for step in LESSON_STEPS:
            yield from step(nb, rel)


LABEL = re.compile(r"^:label:\s*(\S+)|^\((\S+)\)=\s*$", re.M)  # MyST directive labels and (target)= lines


def labels_are_unique(course: Course):
    """A label (an exercise's ``:label:``, a ``(target)=``) names one place in the whole site: Sphinx
    stops the build on a duplicate, so say so here, with both notebooks and the cell, in seconds."""
    seen: dict[str, str] = {}
    for path in course.lesson_notebooks():
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # lessons_are_clean reports unreadable notebooks
            continue
        rel = course.rel(path)
        for index, cell in enumerate(nb.cells, start=1):
            if cell.cell_type != "markdown":
                continue
            for match in LABEL.finditer(cell.source):
                label, where = match.group(1) or match.group(2), f"{rel}:cell {index}"
                if label in seen:
                    yield Problem(where, f"label '{label}' is already used in {seen[label]}",
                                  "give this one its own label (e.g. with the part number) and update its "
                                  "solution-start/references")
                else:
                    seen[label] = where
