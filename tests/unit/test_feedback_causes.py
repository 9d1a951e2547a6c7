"""Which cell feedback blames for a failed test, on autograded notebooks of two questions (no kernel:
the outputs are those nbgrader and the grader write). The kernel-based story is in
tests/integration/test_feedback_validate.py."""

from __future__ import annotations

from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from cerdas.assignments.feedback import GraderLimits, outcome, real_cause


def error(ename: str, evalue: str = "", line: int | None = 1):
    trace = [f"\x1b[31m{ename}\x1b[39m Traceback (most recent call last)"]
    if line:
        trace.append(f"Cell \x1b[32mIn[3]\x1b[39m, line {line}")
    return new_output("error", ename=ename, evalue=evalue, traceback=trace + [f"{ename}: {evalue}"])


def cell(source: str, grade_id: str, *, test: bool = False, outputs=(), count: int | None = 1):
    meta = {"grade": test, "solution": not test, "grade_id": grade_id, "locked": test}
    if test:
        meta["points"] = 1
    c = new_code_cell(source, metadata={"nbgrader": meta}, execution_count=count)
    c.outputs = list(outputs)
    return c


def notebook(*cells):
    return new_notebook(cells=[new_markdown_cell("# Tugas"), *cells])


LIMITS = GraderLimits(cell_seconds=60, memory_bytes=2 * 1024**3)


def test_a_later_question_blames_the_earlier_cell_that_stopped():
    """Q1's answer raised before defining `rata`; Q2's answer is fine, but Q2's test needs `rata`."""
    nb = notebook(
        cell("data = []\nrata = sum(data) / len(data)", "q1", outputs=[error("ZeroDivisionError", "division by zero", 2)]),
        cell("assert rata > 0", "q1_tes", test=True, outputs=[error("NameError", "name 'rata' is not defined")]),
        cell("def selisih(x):\n    return x - rata", "q2"),
        cell("assert selisih(5) == 0", "q2_tes", test=True, outputs=[error("NameError", "name 'rata' is not defined", 1)]),
    )
    cause = real_cause(nb, 4, LIMITS)
    assert cause.startswith("`rata` belum ada karena sel jawaban 2 ('q1') berhenti karena galat ZeroDivisionError")
    assert outcome(nb.cells[4], cause).message == cause


def test_a_wrong_answer_is_not_blamed_on_anything_else():
    """An earlier cell raised, but this question's answer ran and its test failed on its own: the test's
    message stays, even when the earlier cell defines something else."""
    nb = notebook(
        cell("x = 1 / 0", "q1", outputs=[error("ZeroDivisionError", "division by zero")]),
        cell("def kuadrat(x):\n    return x + x", "q2"),
        cell("assert kuadrat(3) == 9, 'kuadrat(3) seharusnya 9.'", "q2_tes", test=True,
             outputs=[error("AssertionError", "kuadrat(3) seharusnya 9.")]),
    )
    assert real_cause(nb, 3, LIMITS) is None
    assert outcome(nb.cells[3], None, LIMITS).message == "kuadrat(3) seharusnya 9."


def test_a_test_that_runs_into_the_time_limit_says_so():
    """The answer cell ran; calling the learner's function from the test looped until the cell limit."""
    nb = notebook(
        cell("def kuadrat(x):\n    while True:\n        pass", "q1"),
        cell("assert kuadrat(3) == 9", "q1_tes", test=True,
             outputs=[error("KeyboardInterrupt", "", 1), error("CellTimeoutError", "", None)]),
    )
    assert real_cause(nb, 2, LIMITS) is None
    message = outcome(nb.cells[2], None, LIMITS).message
    assert message.startswith("Tes dihentikan setelah 60 detik: cari perulangan yang tidak pernah berhenti")


def test_kernel_stopped_at_the_notebook_limit_names_the_running_cell():
    """The notebook's time ran out during Q2's answer cell (marked by the grader): both tests of Q2 and
    Q3 never ran, and neither says that its visible part passed."""
    stop = [error("KernelStopped", "melewati batas waktu notebook (300 detik)", None)]
    nb = notebook(
        cell("def kuadrat(x):\n    return x * x", "q1"),
        cell("assert kuadrat(3) == 9", "q1_tes", test=True),
        cell("import time\ntime.sleep(10**6)", "q2", outputs=stop, count=3),
        cell("assert True", "q2_tes", test=True, outputs=stop, count=None),
    )
    cause = real_cause(nb, 4, LIMITS)
    assert cause.startswith("Penilaian notebook dihentikan setelah 300 detik (batas waktu seluruh notebook) saat "
                            "menjalankan sel jawaban 4 ('q2')")
    result = outcome(nb.cells[4], cause, LIMITS)
    assert not result.visible_ok and result.message == cause
