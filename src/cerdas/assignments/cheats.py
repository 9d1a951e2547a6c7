"""Generated cheat mutants: answers that try to fool the tests instead of solving the task.

``cerdas assignments verify`` adds, for every answer cell of every notebook, without anything
written in ``mutants.yml``, one mutant of each kind in :data:`KINDS`. Each binds the names the
answer cell defines (read with :mod:`ast`: functions and classes become functions returning a
cheat, assigned variables become a cheat) to values that only *claim* to be right. A test that
compares the learner's value with ``==``, ``in``, ``isinstance`` or ``len`` on the learner's side is
fooled by them; one that goes through :mod:`cerdas.periksa` is not. Each must earn none of the
cell's points (see ``verify._judge``).

The cell's code is :mod:`cerdas.assignments.cheat_runtime`'s source plus one call naming the kind,
the names and the reference solution (which it runs first, to learn the type of each answer).
"""

from __future__ import annotations

import ast
from pathlib import Path

from cerdas.cells import answer_cells, grade_id, tests_by_answer
from cerdas.codeparse import parse_cell

KINDS = {
    "objek": "an object equal to everything that claims the answer's type through __class__",
    "subkelas": "a subclass of the answer's type with wrong contents whose __eq__ says yes to everything",
    "pemeriksa": "the test helpers (periksa.*, the builtins the tests call) rebound to do-nothing functions, "
                 "and an object equal to everything as the answer",
}
PREFIX = "curang-"  # ids of generated mutants; mutants.yml may not use it
RUNTIME = Path(__file__).with_name("cheat_runtime.py")


def defined_names(source: str) -> tuple[list[str], list[str]]:
    """(callables, variables) an answer cell binds at its top level: ``def``/``class`` names, and the
    names assigned (``=``, ``+=``, annotated, ``for``/``with`` targets, unpacking). Names bound inside
    functions, and imported modules, are left out. A cell that is not valid Python binds nothing."""
    tree = parse_cell(source)
    callables: list[str] = []
    variables: list[str] = []
    if tree is None:
        return callables, variables

    def targets(node) -> list[str]:
        if isinstance(node, ast.Name):
            return [node.id]
        if isinstance(node, (ast.Tuple, ast.List)):
            return [n for e in node.elts for n in targets(e)]
        if isinstance(node, ast.Starred):
            return targets(node.value)
        return []

    def visit(body) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                callables.append(node.name)
            elif isinstance(node, ast.Assign):
                variables.extend(n for t in node.targets for n in targets(t))
            elif isinstance(node, ast.AugAssign) or (isinstance(node, ast.AnnAssign) and node.value is not None):
                variables.extend(targets(node.target))
            elif isinstance(node, (ast.For, ast.AsyncFor)):
                variables.extend(targets(node.target))
                visit(node.body + node.orelse)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                variables.extend(n for item in node.items if item.optional_vars is not None
                                 for n in targets(item.optional_vars))
                visit(node.body)
            elif isinstance(node, (ast.If, ast.While)):
                visit(node.body + node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body + node.orelse + node.finalbody + [s for h in node.handlers for s in h.body])

    visit(tree.body)
    callables = list(dict.fromkeys(callables))
    return callables, [v for v in dict.fromkeys(variables) if v not in callables]


def cheat_code(kind: str, solution: str) -> str:
    """The code of one cheat mutant for an answer cell whose reference solution is ``solution``."""
    callables, variables = defined_names(solution)
    return (f"# Mutan curang buatan `cerdas assignments verify` ({kind}): {KINDS[kind]}.\n"
            "# Bukan jawaban: tes harus memberinya nol poin.\n"
            + RUNTIME.read_text(encoding="utf-8").rstrip("\n") + "\n\n\n"
            f"mutan_curang(globals(), {kind!r}, {callables!r}, {variables!r}, {solution!r})\n"
            "del mutan_curang\n")


def cheat_mutants(nb, notebook: str, *, several: bool = False) -> list:
    """One generated mutant of each kind for every answer cell of ``nb`` that has test cells after it
    (one without has no points to lose); ``notebook`` is the notebook's stem, ``several`` says the
    assignment has more than one notebook, so ids name it."""
    from cerdas.assignments.mutants import Mutant

    sources = {grade_id(c): c.source for c in nb.cells}
    tested = tests_by_answer(nb)
    mutants = []
    for cell in [c for c in answer_cells(nb) if tested.get(c)]:
        where = f"{notebook}-{cell}" if several else cell
        for kind, why in KINDS.items():
            mutants.append(Mutant(id=f"{PREFIX}{kind}-{where}", notebook=notebook, cell=cell,
                                  code=cheat_code(kind, sources[cell]), why=why, cheat=kind))
    return mutants
