"""``cerdas validate``: let a learner check a notebook before submitting, honestly.

It runs the notebook in a fresh kernel, reports each test cell as passed or failed in Bahasa
Indonesia, and exits non-zero on any failure (nbgrader's ``validate`` exits 0 even then: #1908).
It also warns about what passes a run but breaks grading: ``input()`` calls, answer cells still
holding the stub while the answer sits in another cell, and deleted or duplicated graded cells.
"""

from __future__ import annotations

import ast
import copy
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from cerdas import cells
from cerdas.assignments.feedback import outcome
from cerdas.codeparse import parse, parse_cell

TIMEOUT_S = 120


@dataclass
class Validation:
    path: Path
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.warnings

    def report(self) -> str:
        lines = [f"{self.path}:"]
        lines += [f"  LULUS        {p}" for p in self.passed]
        lines += [f"  TIDAK LULUS  {f}" for f in self.failed]
        lines += [f"  PERINGATAN   {w}" for w in self.warnings]
        total = len(self.passed) + len(self.failed)
        lines.append(f"  {len(self.passed)} dari {total} tes terlihat lulus"
                     + ("; ada peringatan yang perlu Anda perbaiki sebelum mengumpulkan." if self.warnings else "."))
        return "\n".join(lines)


def _defined_names(source: str) -> set[str]:
    try:
        tree = parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _calls_input(source: str) -> bool:
    tree = parse_cell(source)
    if tree is None:
        return False
    return any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == "input" for n in ast.walk(tree))


def static_warnings(nb, released=None) -> list[str]:
    warnings = []
    ids: dict[str, int] = {}
    for index, cell in cells.nbgrader_cells(nb):
        gid = cells.grade_id(cell)
        if gid in ids:
            warnings.append(f"sel {index} adalah salinan sel {ids[gid]} ('{gid}'). Hapus salinannya: "
                            "sel bertanda nilai tidak boleh digandakan.")
        ids.setdefault(gid, index)
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code" and _calls_input(cell.source):
            warnings.append(f"sel {index} memanggil input(). Saat dinilai otomatis tidak ada yang mengetik "
                            "jawaban, jadi sel itu akan macet. Tulis nilainya langsung di kode.")
    other = {}
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code" and not cells.is_nbgrader(cell):
            for name in _defined_names(cell.source):
                other.setdefault(name, index)
    for index, cell in cells.nbgrader_cells(nb):
        if cells.holds_stub(cell):
            moved = [n for n in _defined_names(cell.source) if n in other]
            if moved:
                warnings.append(f"jawaban untuk '{moved[0]}' ada di sel {other[moved[0]]}, bukan di sel jawaban "
                                f"{index} ('{cells.grade_id(cell)}'). Pindahkan jawaban ke sel jawaban.")
            else:
                warnings.append(f"sel jawaban {index} ('{cells.grade_id(cell)}') belum diisi.")
    if released is not None:
        expected = {cells.grade_id(c) for _, c in cells.nbgrader_cells(released)} - {None}
        for gid in sorted(expected - set(ids)):
            warnings.append(f"sel '{gid}' dari tugas asli telah dihapus. Unduh ulang tugasnya dan salin jawaban "
                            "Anda ke sana, atau kembalikan sel itu.")
    return warnings


def find_released(path: Path) -> Path | None:
    """The released version of a notebook, when it lies in an nbgrader course directory (found from the
    notebook's folder, else from the working directory): ``release/<assignment>/<notebook>``."""
    from cerdas.coursedir import CourseDir, locate

    for start in (Path(path).resolve().parent, None):
        found = locate(start)
        if found is None:
            continue
        try:
            course = CourseDir.open(found)
        except Exception:  # noqa: BLE001 - a course that cannot be read only means no deleted-cell check
            continue
        candidate = course.release(Path(path).parent.name) / Path(path).name
        if candidate.is_file() and candidate.resolve() != Path(path).resolve():
            return candidate
    return None


def validate(path: Path, *, released: Path | None = None) -> Validation:
    """Run ``path`` in a fresh kernel and report its tests and grading hazards."""
    path = Path(path)
    result = Validation(path)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # unreadable JSON or schema: say so plainly
        result.warnings.append(f"notebook tidak bisa dibaca ({exc.__class__.__name__}). Unduh ulang tugasnya.")
        return result
    released = released or find_released(path)
    result.warnings += static_warnings(nb, nbformat.read(released, as_version=4) if released else None)
    if any("input()" in w for w in result.warnings):
        return result  # running it would hang waiting for keyboard input
    client = NotebookClient(copy.deepcopy(nb), timeout=TIMEOUT_S, allow_errors=True, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    executed = client.execute(stderr=subprocess.DEVNULL)
    for index, cell in cells.nbgrader_cells(executed):
        if cells.is_test(cell):
            result_ = outcome(cell)
            label = f"sel {index} ('{cells.grade_id(cell)}')"
            if result_.visible_ok and result_.hidden != "tidak lulus":
                result.passed.append(label)
            else:
                result.failed.append(f"{label}: {result_.message or 'tes gagal.'}")
    return result
