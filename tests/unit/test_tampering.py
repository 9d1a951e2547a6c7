"""The grader flags, for manual review, answer cells that patch what the tests call or reach for
the interpreter's hooks, which no check running inside the kernel can stop."""

from __future__ import annotations

import nbformat

from cerdas.assignments.cheats import cheat_code
from cerdas.grading.worker import tampering


def notebook(*sources: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    return nb


def test_interpreter_hooks_are_flagged_and_ordinary_code_is_not():
    found = tampering(notebook(
        "hasil = df.groupby('kecamatan').size().sort_values()",
        "get_ipython().input_transformers_cleanup.append(lambda baris: [])",
        "kuadrat.__code__ = (lambda x: 9).__code__",
        "__builtins__ = {'len': lambda x: 0}",
        "import sys\nsys.modules['cerdas'] = object()",
        "from cerdas import periksa\nperiksa.sama = lambda *a, **k: None",
    ))
    assert found == ["sel 2 memakai input_transformers_cleanup", "sel 3 memakai __code__",
                     "sel 4 memakai __builtins__", "sel 5 memakai modules", "sel 6 mengubah periksa.sama"]


def test_the_generated_cheat_that_patches_the_helpers_is_flagged():
    found = tampering(notebook(cheat_code("pemeriksa", "def kuadrat(x):\n    return x * x")))
    assert "sel 1 memakai __builtins__" in found and "sel 1 memakai modules" in found
