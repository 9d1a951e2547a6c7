"""`cerdas.periksa`, the helpers assignment tests call, cannot be fooled by the learner's objects.

A learner's answer can be an instance of a class the learner wrote: a subclass of the expected
type whose ``__eq__`` always says yes, an object that claims a type through ``__class__``, a list
whose ``__len__`` lies, a value whose ``__repr__`` raises. Every such answer with wrong contents
must fail the check, with an Indonesian message that shows the learner's plain value (never the
expected one) or the type's name. Patching the helpers or the builtins a test calls must not
turn a failing check into a passing one either.
"""

from __future__ import annotations

import builtins
import numbers

import numpy as np
import pandas as pd
import pytest

import cerdas
from cerdas import periksa


def gagal(check, *args, **kwargs) -> str:
    """The message of the AssertionError the check raises (the test fails if it passes)."""
    with pytest.raises(AssertionError) as info:
        check(*args, **kwargs)
    return str(info.value)


class BenarSelalu:
    """Mixin: equal to everything, hostile when printed."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        raise RuntimeError("repr yang jahat")

    __str__ = __repr__


class TeksCurang(BenarSelalu, str):
    __hash__ = str.__hash__


class ListCurang(BenarSelalu, list):
    def __len__(self):
        return 7

    def __iter__(self):
        return iter(["efisiensi"] * 7)


class AngkaCurang(BenarSelalu, float):
    __hash__ = float.__hash__

    def __float__(self):
        return 0.75

    def __sub__(self, other):
        return 0.0

    def __abs__(self):
        return 0.0


class BulatCurang(BenarSelalu, int):
    __hash__ = int.__hash__

    def __int__(self):
        return 3

    __index__ = __int__


class DictCurang(BenarSelalu, dict):
    def items(self):
        return [("a", 1)]

    def keys(self):
        return ["a"]


class MengakuList:
    """Not a list at all, but isinstance() believes it is one."""

    __class__ = property(lambda self: list)

    def __eq__(self, other):
        return True

    def __len__(self):
        return 7

    def __bool__(self):
        return True


class MetaCurang(type):
    def __eq__(cls, other):
        return True

    def __hash__(cls):
        return hash(str)


class KelasCurang(metaclass=MetaCurang):
    def __eq__(self, other):
        return True

    def __bool__(self):
        return True


def test_rigged_str_subclass_with_wrong_text_fails_and_the_message_survives_its_repr():
    message = gagal(periksa.sama, TeksCurang("salah"), "1 jam 25 menit", pesan="Belum tepat.")
    assert message == "Belum tepat. Nilai Anda: 'salah'."  # the plain copy, not the expected value
    periksa.sama(TeksCurang("1 jam 25 menit"), "1 jam 25 menit", pesan="-")  # right text: fine
    periksa.sama(np.str_("Air bersih"), "Air bersih", pesan="-")             # numpy's own str too


def test_rigged_list_subclass_fails_sama_and_panjang_reads_the_real_length():
    assert gagal(periksa.sama, ListCurang(), ["efektivitas"], pesan="Daftar.") == "Daftar. Nilai Anda: []."
    assert gagal(periksa.panjang, ListCurang(), 7, pesan="Tujuh.") == "Tujuh. Panjang hasil Anda: 0."
    assert gagal(periksa.sama, [TeksCurang("x")], ["y"], pesan="Isi.") == "Isi. Nilai Anda: ['x']."


def test_rigged_float_and_int_subclasses_fail_number_checks():
    assert gagal(periksa.mendekati, AngkaCurang(0.1), 0.75, pesan="Akurasi.") == "Akurasi. Nilai Anda: 0.1."
    assert gagal(periksa.sama, AngkaCurang(0.1), 0.75, pesan="Akurasi.") == "Akurasi. Nilai Anda: 0.1."
    assert gagal(periksa.sama, BulatCurang(10), 3, pesan="Jumlah.") == "Jumlah. Nilai Anda: 10."
    assert "bukan angka" in gagal(periksa.mendekati, True, 1.0, pesan="Angka.")
    periksa.mendekati(np.float64(0.75), 0.75, pesan="-")


def test_rigged_dict_subclass_fails():
    message = gagal(periksa.sama, DictCurang(b=2), {"a": 1}, pesan="Hitungan.")
    assert message == "Hitungan. Nilai Anda: {'b': 2}."


def test_object_claiming_a_type_through_class_fails_every_check():
    assert isinstance(MengakuList(), list)  # what an unguarded isinstance() would believe
    message = gagal(periksa.bertipe, MengakuList(), list, nama="prinsip_spbe()")
    assert message.startswith("`prinsip_spbe()` harus berupa list, tetapi Anda mengembalikan MengakuList.")
    assert "bertipe MengakuList" in gagal(periksa.sama, MengakuList(), [1], pesan="Daftar.")
    assert "tidak punya panjang" in gagal(periksa.panjang, MengakuList(), 7, pesan="Tujuh.")
    assert gagal(periksa.pastikan, MengakuList(), "Kondisi.") == "Kondisi."  # truthy, but not a bool


def test_class_whose_metaclass_rigs_equality_fails():
    assert gagal(periksa.pastikan, KelasCurang(), "Kondisi.") == "Kondisi."
    assert "bertipe KelasCurang" in gagal(periksa.sama, KelasCurang(), "x", pesan="Teks.")
    assert "harus berupa teks (str)" in gagal(periksa.bertipe, KelasCurang(), str, nama="hasil")


def test_bertipe_returns_a_plain_copy_for_builtin_types():
    hasil = periksa.bertipe(ListCurang(["a", TeksCurang("b")]), list, nama="hasil")
    assert type(hasil) is list and [type(x) for x in hasil] == [str, str] and hasil == ["a", "b"]
    angka = periksa.bertipe(np.int64(4), (int, np.integer), nama="hasil")
    assert type(angka) is int and angka == 4
    assert type(periksa.bertipe(AngkaCurang(0.5), numbers.Real, nama="hasil")) is float
    seri = pd.Series([1, 2])
    assert periksa.bertipe(seri, pd.Series, nama="hasil") is seri  # library objects come back as they are


def test_pandas_subclasses_and_rigged_contents_fail():
    class SeriesCurang(pd.Series):
        def __eq__(self, other):
            return True

        def equals(self, other):
            return True

    class FrameCurang(pd.DataFrame):
        def equals(self, other):
            return True

    harapan = pd.Series([3, 2], index=["a", "b"])
    assert "pandas Series" in gagal(periksa.bertipe, SeriesCurang([1]), pd.Series, nama="hasil")
    assert "bertipe SeriesCurang (kelas turunan pandas Series), bukan pandas Series" in gagal(
        periksa.sama, SeriesCurang([1]), harapan, pesan="S.")
    assert "bertipe FrameCurang" in gagal(periksa.sama, FrameCurang({"x": [1]}), pd.DataFrame({"x": [1]}), pesan="F.")
    isi_curang = pd.Series([3, 2], index=[TeksCurang("a"), TeksCurang("z")], dtype=object)
    assert "memuat TeksCurang" in gagal(periksa.sama, isi_curang, harapan, pesan="S.")
    assert "Series berukuran 2" in gagal(periksa.sama, pd.Series([3, 1], index=["a", "b"]), harapan, pesan="S.")
    periksa.sama(pd.Series([3, 2], index=["a", "b"]), harapan, pesan="-")
    periksa.sama(pd.DataFrame({"x": [1.5]}), pd.DataFrame({"x": [1.5]}), pesan="-")


def test_helpers_cannot_be_rebound():
    with pytest.raises(AttributeError, match="tidak boleh diubah"):
        periksa.sama = lambda *args, **kwargs: None
    with pytest.raises(AttributeError, match="tidak boleh diubah"):
        setattr(periksa, "pastikan", lambda *args, **kwargs: None)
    with pytest.raises(AttributeError, match="tidak boleh diubah"):
        cerdas.periksa = object()
    simpan = vars(periksa)["sama"]
    vars(periksa)["sama"] = lambda *args, **kwargs: None  # a write into the module's __dict__...
    try:
        assert gagal(periksa.sama, 1, 2, pesan="Tetap diperiksa.") == "Tetap diperiksa. Nilai Anda: 1."
    finally:
        vars(periksa)["sama"] = simpan


SEL_TES = '''
from cerdas import periksa

periksa.sama(sorted(hasil), sorted(["a", "b"]), pesan="Isi belum tepat.")
'''


def jalankan_sel(ruang: dict) -> None:
    exec(compile(SEL_TES, "<sel tes>", "exec"), ruang)


def test_shadowed_builtins_make_the_check_fail():
    """A notebook that shadows `sorted` (so both sides of the comparison are []) fails the check,
    whether it shadowed the name, replaced `__builtins__` or patched the builtins module."""
    jalankan_sel({"hasil": ["b", "a"]})
    with pytest.raises(AssertionError, match="memakai fungsi bawaan Python `sorted`"):
        jalankan_sel({"hasil": ["x"], "sorted": lambda *args, **kwargs: []})
    with pytest.raises(AssertionError, match="`sorted`"):
        jalankan_sel({"hasil": ["x"], "__builtins__": {**vars(builtins), "sorted": lambda *args, **kwargs: []}})
    asli = builtins.sorted
    builtins.sorted = lambda *args, **kwargs: []
    try:
        with pytest.raises(AssertionError, match="`sorted`"):
            jalankan_sel({"hasil": ["x"]})
    finally:
        builtins.sorted = asli
    jalankan_sel({"hasil": ["a", "b"], "max": 3})  # a shadowed builtin the test does not use is fine


def test_a_builtin_shadowed_for_another_statement_of_the_cell_is_found():
    """IPython runs a cell one statement at a time (each its own code object) and keeps the cell's
    code in linecache; a check finds a shadowed builtin the cell used in an earlier statement."""
    import ast
    import linecache

    sel = "from cerdas import periksa\nok = isinstance(hasil, list)\nperiksa.pastikan(ok, 'Harus list.')\n"
    berkas = "/tmp/ipykernel_0/sel-tes-periksa.py"
    linecache.cache[berkas] = (len(sel), None, sel.splitlines(True), berkas)
    try:
        def jalankan(ruang):
            for pernyataan in ast.parse(sel).body:
                exec(compile(ast.Module([pernyataan], []), berkas, "exec"), ruang)

        jalankan({"hasil": [1]})
        with pytest.raises(AssertionError, match="`isinstance`"):
            jalankan({"hasil": "bukan list", "isinstance": lambda *args: True})
    finally:
        del linecache.cache[berkas]
