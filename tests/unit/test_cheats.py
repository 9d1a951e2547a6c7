"""Generated cheat mutants: the answers `cerdas assignments verify` writes for every answer cell to
try to fool its tests. Here they run in-process on small answer cells, so that what each kind does
is pinned down: it binds every name the cell defines, it looks right to a naive test, and the
hardened helpers reject it."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from cerdas import periksa
from cerdas.assignments.cheats import KINDS, cheat_code, defined_names

MENIT = 'def menit_ke_teks(menit):\n    ### BEGIN SOLUTION\n    return f"{menit // 60} jam {menit % 60} menit"\n    ### END SOLUTION'


def test_names_an_answer_cell_defines():
    source = ("import re\nfrom math import pi\nX = 1\na, (b, *c) = 1, (2, 3, 4)\ntotal: int = 0\ntotal += 1\n"
              "def f(x):\n    y = 2\n    return y\nclass K:\n    z = 1\nfor i in range(3):\n    j = i\n"
              "if X:\n    w = 3\nwith open(__file__) as berkas:\n    pass\n")
    assert defined_names(source) == (["f", "K"], ["X", "a", "b", "c", "total", "i", "j", "w", "berkas"])
    assert defined_names("def (:") == ([], [])


def run(kind: str, solution: str, ruang: dict | None = None) -> dict:
    ruang = {} if ruang is None else ruang
    exec(compile(cheat_code(kind, solution), f"<mutan {kind}>", "exec"), ruang)
    return ruang


def test_object_equal_to_everything_claims_the_answers_type():
    hasil = run("objek", MENIT)["menit_ke_teks"](85)
    assert isinstance(hasil, str) and hasil == "apa saja" and not hasil != "apa saja"
    assert 0 < hasil < 10 and len(hasil) == 0 and "x" in hasil and hasil.lower().strip() == "jawaban"
    with pytest.raises(AssertionError, match="harus berupa teks"):
        periksa.bertipe(hasil, str, nama="menit_ke_teks(85)")
    with pytest.raises(AssertionError):
        periksa.sama(hasil, "1 jam 25 menit", pesan="Belum tepat.")


@pytest.mark.parametrize("solution, name, call, expected", [
    (MENIT, "menit_ke_teks", (85,), "1 jam 25 menit"),
    ("def daftar(df):\n    return sorted(df['k'].unique())", "daftar", (pd.DataFrame({"k": ["b", "a"]}),), ["a", "b"]),
    ("def hitung(df):\n    return int(len(df))", "hitung", (pd.DataFrame({"k": [1, 2]}),), 2),
    ("def porsi(x):\n    return 0.75", "porsi", (None,), 0.75),
])
def test_subclass_of_the_answers_type_has_wrong_contents_and_says_yes(solution, name, call, expected):
    hasil = run("subkelas", solution)[name](*call)
    assert isinstance(hasil, type(expected)) and type(hasil) is not type(expected)
    assert hasil == expected and type(expected)(hasil) != expected  # rigged __eq__, wrong contents
    with pytest.raises(AssertionError):
        periksa.sama(hasil, expected, pesan="Belum tepat.")


def test_subclass_cheat_for_variables_and_frames():
    ruang = run("subkelas", "tabel = pd.DataFrame({'x': [1, 2, 3]})\njumlah = 3", {"pd": pd})
    tabel, jumlah = ruang["tabel"], ruang["jumlah"]
    assert isinstance(tabel, pd.DataFrame) and type(tabel) is not pd.DataFrame and len(tabel) == 2
    assert tabel.equals(pd.DataFrame({"x": [1, 2, 3]})) and jumlah == 3
    with pytest.raises(AssertionError):
        periksa.sama(tabel, pd.DataFrame({"x": [1, 2, 3]}), pesan="Tabel.")
    with pytest.raises(AssertionError):
        periksa.bertipe(tabel, pd.DataFrame, nama="tabel")


def test_patching_the_helpers_does_not_let_the_answer_pass():
    """The cheat rebinds the notebook's `periksa`, tries the module and the package, shadows the
    builtin predicates; a test cell that imports periksa afresh still fails (here on the shadowed
    `isinstance`, or on the answer itself)."""
    saved = {name: vars(periksa)[name] for name in periksa.__all__}
    saved_module = sys.modules["cerdas.periksa"]
    try:
        ruang = run("pemeriksa", "def daftar():\n    return ['a', 'b']")
        assert ruang["periksa"] is not periksa and ruang["isinstance"](1, str) and ruang["all"]([False])
        assert ruang["periksa"].sama(1, 2, pesan="x") == 1  # the notebook's name now points at no-ops
        from cerdas import periksa as fresh  # the package attribute refused to be rebound

        assert fresh is periksa
        cell = "from cerdas import periksa\nperiksa.pastikan(isinstance(daftar(), list), 'Daftar.')\n"
        with pytest.raises(AssertionError, match="fungsi bawaan Python `isinstance`"):
            exec(compile(cell, "<sel tes>", "exec"), ruang)
        cell = "from cerdas import periksa\nperiksa.sama(daftar(), ['a', 'b'], pesan='Isi.')\n"
        with pytest.raises(AssertionError, match="Isi. Nilai Anda bertipe SamaDenganSemua"):
            exec(compile(cell, "<sel tes>", "exec"), ruang)
    finally:
        sys.modules["cerdas.periksa"] = saved_module
        vars(periksa).update(saved)


def test_every_kind_is_described():
    assert set(KINDS) == {"objek", "subkelas", "pemeriksa"}
    for kind in KINDS:
        assert f"({kind})" in cheat_code(kind, MENIT).splitlines()[0]


def test_every_tested_answer_cell_gets_one_cheat_of_each_kind():
    import nbformat

    from cerdas.assignments.cheats import cheat_mutants

    def cell(source, **meta):
        return nbformat.v4.new_code_cell(source, metadata={"nbgrader": {"schema_version": 3, **meta}})

    nb = nbformat.v4.new_notebook()
    nb.cells = [cell("def bantu():\n    return 1", grade_id="bantu", solution=True, grade=False),
                cell(MENIT, grade_id="menit", solution=True, grade=False),
                cell("from cerdas import periksa\nperiksa.sama(menit_ke_teks(85), '1 jam 25 menit', pesan='x')",
                     grade_id="menit_tes", grade=True, solution=False, points=2)]
    mutants = cheat_mutants(nb, "tugas")
    assert [(m.id, m.cell, m.cheat) for m in mutants] == [(f"curang-{kind}-menit", "menit", kind) for kind in KINDS]
    assert [m.id for m in cheat_mutants(nb, "tugas", several=True)][0] == "curang-objek-tugas-menit"
    assert all("mutan_curang(globals(), " in m.code and "'menit_ke_teks'" in m.code for m in mutants)
