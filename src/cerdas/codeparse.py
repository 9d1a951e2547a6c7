"""Parse notebook code cells with :mod:`ast`, safely from several threads at once.

CPython 3.11 counts the AST converter's recursion depth per interpreter, not per thread, so two
threads calling ``ast.parse`` at the same moment can fail with "SystemError: AST constructor
recursion depth mismatch" (CPython issue 106905). The grader parses submissions in worker threads,
so every parse in the toolkit goes through one lock; walking the tree afterwards is thread-safe.
"""

from __future__ import annotations

import ast
import threading

_LOCK = threading.Lock()


def without_magics(source: str) -> str:
    """The cell's code with IPython ``!shell`` and ``%magic`` lines left out."""
    return "\n".join(l for l in source.splitlines() if not l.lstrip().startswith(("!", "%")))


def parse(source: str) -> ast.Module:
    """``ast.parse`` under the lock; raises SyntaxError like it."""
    with _LOCK:
        return ast.parse(source)


def parse_cell(source: str) -> ast.Module | None:
    """The cell's syntax tree (magics left out), or None when it is not valid Python."""
    try:
        return parse(without_magics(source))
    except SyntaxError:
        return None
