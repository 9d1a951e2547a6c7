"""Self-check quizzes: a lesson's questions as data next to it, shown as HTML that works offline.

A lesson ``notebooks/<module>/<stem>.ipynb`` keeps its quiz in ``<stem>.kuis.yml`` beside it (the
format: :mod:`cerdas.kuis.validate`) and shows it in its last code cell::

    from cerdas import kuis
    kuis.tampilkan("<stem>")

The quiz is looked up in the working directory first (JupyterLab, myst-nb and cerdas' executor run a
lesson in its own folder), then under the course's ``notebooks/`` (the course found as
:mod:`cerdas.datasets` finds it). The result displays as one ``text/html`` fragment
(:mod:`cerdas.kuis.render`): it works on the static site, in JupyterLab and from the offline bundle,
and stores or sends nothing. ``cerdas check`` asserts every lesson has a valid quiz and shows it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from cerdas.codeparse import parse_cell
from cerdas.kuis.render import render
from cerdas.kuis.validate import MAX_ITEMS, MIN_ITEMS, SUFFIX, Pilihan, Soal, parse, read

__all__ = ["Kuis", "KuisError", "Pilihan", "Soal", "cari", "digest", "muat", "parse", "read", "render", "shown", "tampilkan"]
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*$")


class KuisError(ValueError):
    """A quiz that cannot be shown; the message is in Bahasa Indonesia (a learner reads it)."""


@dataclass(frozen=True)
class Kuis:
    """A valid quiz: its name, file and questions. Jupyter shows it as HTML (``_repr_html_``)."""

    nama: str
    berkas: Path
    soal: tuple[Soal, ...]

    def _repr_html_(self) -> str:
        return render(list(self.soal), name=self.nama)

    def __repr__(self) -> str:
        return f"Kuis {self.nama!r}: {len(self.soal)} soal (tampil sebagai HTML di JupyterLab dan di situs)"


def _course_notebooks() -> Path | None:
    from cerdas.course import Course

    try:
        return Course.find().notebooks_dir
    except FileNotFoundError:
        return None


def cari(nama: str, *, folder: Path | None = None, notebooks: Path | None = None) -> list[Path]:
    """Where the quiz ``nama`` is: ``<nama>.kuis.yml`` in ``folder`` (default: the working directory),
    else every match under ``notebooks`` (default: the course's ``notebooks/``). Empty when none."""
    here = Path(folder or Path.cwd()) / f"{nama}{SUFFIX}"
    if here.is_file():
        return [here]
    notebooks = notebooks if notebooks is not None else _course_notebooks()
    if notebooks is None or not notebooks.is_dir():
        return []
    return sorted(p for p in notebooks.rglob(f"{nama}{SUFFIX}") if ".ipynb_checkpoints" not in p.parts)


def muat(nama: str, *, folder: Path | None = None, notebooks: Path | None = None) -> Kuis:
    """The quiz ``nama``, found as :func:`cari` finds it and validated; :class:`KuisError` otherwise."""
    if not isinstance(nama, str) or not NAME.match(nama) or nama.endswith(SUFFIX):
        raise KuisError(f"kuis.tampilkan({nama!r}): tulis nama pelajaran tanpa folder dan tanpa akhiran, "
                        f"misalnya kuis.tampilkan(\"mengenal-data\") untuk mengenal-data{SUFFIX}")
    found = cari(nama, folder=folder, notebooks=notebooks)
    if not found:
        raise KuisError(f"Kuis '{nama}' tidak ditemukan: berkas {nama}{SUFFIX} tidak ada di folder ini "
                        f"({Path(folder or Path.cwd())}) maupun di folder notebooks/ kursus. Pastikan notebook "
                        "dibuka dari folder kursus dan namanya sama dengan nama pelajaran; "
                        "jika masih gagal, beri tahu pengajar.")
    if len(found) > 1:
        raise KuisError(f"Ada {len(found)} berkas {nama}{SUFFIX} di notebooks/ ({', '.join(map(str, found))}): "
                        "jalankan notebook dari foldernya sendiri, atau beri tahu pengajar.")
    items, problems = read(found[0])
    if problems:
        detail = "\n".join(f"  - {p}" for p in problems)
        raise KuisError(f"Kuis '{nama}' ({found[0]}) tidak dapat ditampilkan karena berkasnya tidak valid. "
                        f"Beri tahu pengajar; untuk penulis kursus, `cerdas check` menunjukkan hal yang sama:\n{detail}")
    return Kuis(nama, found[0], tuple(items))


def tampilkan(nama: str) -> Kuis:
    """Show the quiz ``<nama>.kuis.yml`` (call it as the last line of a cell: Jupyter displays the result)."""
    return muat(nama)


def shown(nb) -> list[tuple[int, str, bool]]:
    """``(cell number, name, last)`` for every ``….tampilkan("name")`` call in the code cells; ``last``:
    the call is the cell's last statement, as an expression (so Jupyter displays what it returns)."""
    calls = []
    for index, cell in enumerate(nb.cells, start=1):
        tree = parse_cell(cell.source) if cell.cell_type == "code" else None
        if tree is None:
            continue
        final = tree.body[-1] if tree.body else None
        for node in ast.walk(tree):
            func = getattr(node, "func", None)
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if isinstance(node, ast.Call) and name == "tampilkan" and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                last = isinstance(final, ast.Expr) and final.value is node
                calls.append((index, node.args[0].value, last))
    return calls


def digest(nb, *, folder: Path, notebooks: Path | None) -> dict[str, str]:
    """``{name: sha256 of its file}`` for every quiz the notebook shows, found as the lesson's kernel finds
    it from ``folder`` (``"missing"`` when none): a lesson runs again when its quiz file changes."""
    from cerdas import fingerprint

    found = {}
    for _, name, _ in shown(nb):
        paths = cari(name, folder=folder, notebooks=notebooks) if NAME.match(name) else []
        found[name] = fingerprint.file(paths[0]) if len(paths) == 1 else "missing"
    return found
