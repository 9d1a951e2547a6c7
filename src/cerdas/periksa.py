"""Checks for assignment test cells, so failure messages stay consistent and in Indonesian.

Each check raises ``AssertionError`` with a message that says what is wrong and what to look
at. Messages may show the learner's own value, never the expected one.

The checks never trust the learner's objects. A learner's answer can be an instance of a class
the learner wrote: a ``str`` subclass whose ``__eq__`` always returns True, an object that claims
to be a ``list`` through ``__class__``, a list whose ``__len__`` lies. So:

* values are compared as **plain copies**: every ``str``/``int``/``float``/``list``/``dict``/...
  (or a subclass of one) is rebuilt through the builtin type's own slots (``str.__str__``,
  ``list.__iter__``, ``dict.items``...), which a subclass cannot override, and anything else that
  is not a known exact type (numpy scalars and arrays, pandas timestamps) is refused; the
  expected value goes on the left of the comparison;
* types are read with ``type()``, never ``isinstance()`` (which believes ``__class__``);
  pandas and numpy containers must be pandas' and numpy's own classes, not subclasses;
* frames, series and indexes are compared with ``pandas.testing`` (types checked exactly) after
  their object-typed contents have been checked to be plain values;
* a message shows the plain copy or the type's name, never the result of the learner's
  ``__repr__``/``__str__``.

The checks also guard the places a test finds them and the builtins it calls: the module cannot
be changed (``periksa.sama = ...`` is refused, and writes into its ``__dict__`` reach nothing
the checks use: they run on a private copy of this namespace and of the builtins), the
``cerdas.periksa`` attribute of the package cannot be rebound, and every check first makes sure
that the builtins the calling test cell uses (``len``, ``sorted``, ``isinstance``...) are still
Python's own, whether the notebook shadowed them (``len = ...``), replaced ``__builtins__`` or
patched the ``builtins`` module. Test cells import ``periksa`` afresh, so rebinding the name in
the notebook does not reach them either. Code that rewrites the interpreter itself (import
hooks, ``sys.modules``, IPython input transformers, tracing, swapping a function's
``__code__``) is beyond what a check running in the same process can stop; the grader flags
such cells for manual review.
"""

from __future__ import annotations

import builtins
import datetime
import decimal
import dis
import fractions
import linecache
import math
import numbers
import reprlib
import sys
import types

import numpy as np
import pandas as pd

__all__ = ["pastikan", "sama", "mendekati", "bertipe", "panjang", "polos"]

_NAMA_TIPE = {bool: "nilai benar/salah (bool)", int: "bilangan bulat (int)",
              float: "bilangan desimal (float)", str: "teks (str)", type(None): "None",
              numbers.Real: "angka", numbers.Integral: "bilangan bulat", list: "list", dict: "dict",
              tuple: "tuple", set: "set"}

# Builtins a test cell may call whose replacement would change a verdict. `input`, `open`, `print`
# and `help` are left out: IPython and ipykernel install their own versions of some of them.
_BAWAAN = {nama: nilai for nama, nilai in vars(builtins).items()
           if (not nama.startswith("_") or nama == "__import__")
           and type(nilai) in (types.BuiltinFunctionType, type)
           and nama not in ("input", "open", "print", "help", "breakpoint")}


def _semua_turunan(kelas) -> set:
    hasil, antre = set(), [kelas]
    while antre:
        k = antre.pop()
        if k not in hasil:
            hasil.add(k)
            antre.extend(type.__subclasses__(k))
    return hasil


# Exact classes whose own code may be trusted with the learner's data. Computed when this module is
# first imported, before any learner code runs, so a learner's subclass is never among them.
# Membership is tested by id(): a learner's metaclass can rig a class's __eq__ and __hash__, so
# `type(x) in {...}` could be fooled; the ids of these (kept alive) classes cannot.
def _ids(kelas) -> frozenset:
    return frozenset(id(k) for k in kelas)


_SKALAR_NUMPY = _ids(t for t in set(np.sctypeDict.values()) if issubclass(t, np.generic))
_INDEKS_PANDAS = _ids(k for k in _semua_turunan(pd.Index) if k.__module__.startswith("pandas"))
_PANDAS = _ids([pd.Series, pd.DataFrame]) | _INDEKS_PANDAS
_SKALAR_PUSTAKA = _ids([pd.Timestamp, type(pd.NaT), pd.Timedelta, pd.Period, type(pd.NA), datetime.datetime,
                        datetime.date, datetime.time, datetime.timedelta, decimal.Decimal, fractions.Fraction])
_POLOS_TIPE = _ids([str, int, float, complex, bytes, list, tuple, dict, set, frozenset, bool, type(None)])
_ANGKA_ABSTRAK = _ids([numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral,
                       np.integer, np.floating, np.number])
_NAMA_TIPE = {id(k): v for k, v in _NAMA_TIPE.items()}
_KELAS_TERKENAL = (str, int, float, bool, list, dict, tuple, set, type(None), np.ndarray, pd.Series,
                   pd.DataFrame, pd.Index, pd.Timestamp)  # kept alive, so the ids above stay theirs


class _BukanPolos(Exception):
    """A learner's value that has no plain copy; ``args[0]`` is the offending type."""


# --- reading types and values without running the learner's code --------------------------------

def _nama_kelas(kelas) -> str:
    """The class's own name (a metaclass cannot override what is read here)."""
    try:
        nama = type.__dict__["__name__"].__get__(kelas)
        return str.__str__(nama) if issubclass(type(nama), str) else "?"
    except Exception:  # noqa: BLE001 - a name that cannot be read is still a name to show
        return "?"


def _nama_tipe(tipe) -> str:
    if type(tipe) is tuple:
        return " atau ".join(_nama_tipe(t) for t in tipe)
    if id(tipe) in _NAMA_TIPE:
        return _NAMA_TIPE[id(tipe)]
    dikenal = id(tipe) in _PANDAS or id(tipe) in _SKALAR_NUMPY or id(tipe) in _SKALAR_PUSTAKA \
        or id(tipe) in _ANGKA_ABSTRAK or tipe is np.ndarray or tipe is pd.Index
    modul = type.__dict__["__module__"].__get__(tipe).split(".")[0] if dikenal else ""
    return f"{modul} {_nama_kelas(tipe)}" if modul in ("pandas", "numpy") else _nama_kelas(tipe)


def _tipe_nilai(nilai) -> str:
    """Name of a learner's value's type, for a message."""
    return _nama_untuk(type(nilai))


def _dikenal(tipe) -> bool:
    return id(tipe) in _NAMA_TIPE or id(tipe) in _PANDAS or id(tipe) in _SKALAR_NUMPY or tipe is np.ndarray \
        or id(tipe) in _SKALAR_PUSTAKA


def _nama_untuk(tipe) -> str:
    """A class's name for a message; a class of the learner's own that derives from a known type says so."""
    if _dikenal(tipe):
        return _nama_tipe(tipe)
    try:
        dasar = next((k for k in type.__dict__["__mro__"].__get__(tipe)[1:] if _dikenal(k)), None)
    except Exception:  # noqa: BLE001
        dasar = None
    if dasar is None or dasar is object:
        return _nama_kelas(tipe)
    return f"{_nama_kelas(tipe)} (kelas turunan {_nama_tipe(dasar)})"


def _polos(nilai, kedalaman: int = 0):
    """A plain copy of ``nilai`` built only from exact builtin types (plus trusted library objects).

    Subclasses of builtin types are read through the builtin type's own slots, so none of the
    subclass's methods run; numpy scalars and arrays must be numpy's own classes; pandas objects and
    timestamps of pandas' own classes are kept as they are (a tuple of two frames stays one).
    Anything else raises ``_BukanPolos``.
    """
    if kedalaman > 50:
        raise _BukanPolos(type(nilai))
    tipe = type(nilai)
    if nilai is None or tipe is bool or id(tipe) in _SKALAR_PUSTAKA or id(tipe) in _PANDAS:
        return nilai  # exact library objects are kept as they are: only the libraries' code runs on them
    if id(tipe) in _SKALAR_NUMPY:
        if issubclass(tipe, np.bool_):
            return bool(nilai)
        if issubclass(tipe, np.integer):
            return int(nilai)
        if issubclass(tipe, np.floating):
            return float(nilai)
        if issubclass(tipe, np.complexfloating):
            return complex(nilai)
        if issubclass(tipe, np.str_):
            return str.__str__(nilai)
        if issubclass(tipe, (np.datetime64, np.timedelta64)):
            return nilai
        raise _BukanPolos(tipe)
    if tipe is np.ndarray:
        if nilai.dtype.kind == "O":
            return [_polos(x, kedalaman + 1) for x in nilai.tolist()] if nilai.ndim \
                else _polos(nilai.item(), kedalaman + 1)
        return _polos(nilai.tolist(), kedalaman + 1)
    if issubclass(tipe, str):
        return str.__str__(nilai)
    if issubclass(tipe, bool):  # not possible today (bool cannot be subclassed); kept for safety
        return bool(int.__int__(nilai))
    if issubclass(tipe, int):
        return int.__int__(nilai)
    if issubclass(tipe, float):
        return float.__float__(nilai)
    if issubclass(tipe, complex):
        return complex.__complex__(nilai)
    if issubclass(tipe, bytes):
        return bytes.__bytes__(nilai)
    if issubclass(tipe, list):
        return [_polos(x, kedalaman + 1) for x in list.__iter__(nilai)]
    if issubclass(tipe, tuple):
        return tuple(_polos(x, kedalaman + 1) for x in tuple.__iter__(nilai))
    if issubclass(tipe, dict):
        pasangan = [(_polos(k, kedalaman + 1), _polos(v, kedalaman + 1)) for k, v in dict.items(nilai)]
        hasil = dict(pasangan)
        if len(hasil) != len(pasangan):  # two keys that only a rigged __eq__/__hash__ kept apart
            raise _BukanPolos(tipe)
        return hasil
    if issubclass(tipe, (set, frozenset)):
        isi = [_polos(x, kedalaman + 1) for x in (set.__iter__(nilai) if issubclass(tipe, set)
                                                  else frozenset.__iter__(nilai))]
        hasil = set(isi) if issubclass(tipe, set) else frozenset(isi)
        if len(hasil) != len(isi):
            raise _BukanPolos(tipe)
        return hasil
    raise _BukanPolos(tipe)


def _coba_polos(nilai):
    """``(True, plain copy)`` or ``(False, type name)``; never raises, whatever ``nilai`` is."""
    try:
        return True, _polos(nilai)
    except _BukanPolos as exc:
        kelas = exc.args[0] if exc.args and issubclass(type(exc.args[0]), type) else type(nilai)
        return False, _nama_untuk(kelas)
    except RecursionError:
        return False, _tipe_nilai(nilai)


_RINGKAS = reprlib.Repr()
_RINGKAS.maxstring, _RINGKAS.maxother, _RINGKAS.maxlist, _RINGKAS.maxdict = 60, 60, 8, 6


def _ringkas(nilai, batas: int = 60) -> str:
    """Short text for a plain value (never a learner's object: callers pass plain copies)."""
    if type(nilai) is int or type(nilai) is float or type(nilai) is bool:
        teks = str(nilai)
    elif type(nilai) is str:
        teks = repr(nilai if len(nilai) <= batas else nilai[:batas])
    else:
        teks = _RINGKAS.repr(nilai)
    teks = " ".join(teks.split())
    return teks if len(teks) <= batas else teks[: batas - 3] + "..."


# --- the builtins and helpers a test cell relies on ---------------------------------------------

_NAMA_DIPAKAI: dict = {}


def _nama_global(kode) -> frozenset:
    """Global names a code object (and the functions and comprehensions inside it) looks up."""
    hasil = _NAMA_DIPAKAI.get(kode)
    if hasil is None:
        nama, antre = set(), [kode]
        while antre:
            k = antre.pop()
            for ins in dis.get_instructions(k):
                if ins.opname in ("LOAD_NAME", "LOAD_GLOBAL") and type(ins.argval) is str:
                    nama.add(ins.argval)
                elif ins.opname == "IMPORT_NAME":
                    nama.add("__import__")
            antre.extend(c for c in k.co_consts if type(c) is types.CodeType)
        hasil = _NAMA_DIPAKAI[kode] = frozenset(nama)
    return hasil


_NAMA_SEL: dict = {}


def _nama_sel(berkas: str) -> frozenset:
    """Global names the whole cell that ``berkas`` names looks up. IPython runs a cell one top-level
    statement at a time, each its own code object, and keeps the cell's code in ``linecache``: a
    builtin shadowed for an earlier statement of the test cell is found this way too."""
    baris = linecache.getlines(berkas)
    if not baris:
        return frozenset()
    sumber = "".join(baris)
    kunci = (berkas, sumber)
    hasil = _NAMA_SEL.get(kunci)
    if hasil is None:
        try:
            hasil = _nama_global(compile(sumber, berkas, "exec", dont_inherit=True))
        except (SyntaxError, ValueError):
            hasil = frozenset()
        _NAMA_SEL[kunci] = hasil
    return hasil


def _jaga() -> None:
    """Fail when a builtin the calling test cell uses is not Python's own any more."""
    bingkai = sys._getframe(2)
    ruang = bingkai.f_globals
    while bingkai is not None and bingkai.f_globals is ruang:
        bawaan = bingkai.f_builtins
        if type(ruang) is not dict or type(bawaan) is not dict:
            raise AssertionError("Ruang nama notebook ini (`__builtins__`) telah diganti, sehingga tes tidak "
                                 "dapat berjalan dengan benar. Hapus kode yang mengubahnya, lalu jalankan ulang "
                                 "semua sel dari atas (Restart & Run All).")
        for nama in _nama_global(bingkai.f_code) | _nama_sel(bingkai.f_code.co_filename):
            asli = _BAWAAN.get(nama)
            if asli is None:
                continue
            dipakai = dict.get(ruang, nama, None) if dict.__contains__(ruang, nama) else dict.get(bawaan, nama)
            if dipakai is not asli:
                raise AssertionError(
                    f"Tes ini memakai fungsi bawaan Python `{nama}`, tetapi di notebook ini nama itu sudah "
                    f"diganti (misalnya `{nama} = ...`). Pakai nama lain untuk variabel atau fungsi Anda, lalu "
                    "jalankan ulang semua sel dari atas (Restart & Run All).")
        bingkai = bingkai.f_back


# --- the checks -----------------------------------------------------------------------------------

def pastikan(kondisi: bool, pesan: str) -> None:
    """Raise ``AssertionError(pesan)`` unless ``kondisi`` is exactly ``True`` (a bool or numpy bool).

    Anything else, such as a learner's object whose ``__bool__`` says yes, fails.
    """
    _jaga()
    if not (type(kondisi) is bool or type(kondisi) is np.bool_) or not kondisi:
        raise AssertionError(pesan)


def _gagal(pesan: str) -> None:
    raise AssertionError(pesan)


def _pandas_polos(nilai) -> str | None:
    """Why an exact pandas object cannot be trusted with pandas' comparisons, or None if it can."""
    bagian = []
    if type(nilai) is pd.DataFrame:
        bagian = [nilai.index, nilai.columns] + [nilai.iloc[:, i] for i in range(nilai.shape[1])]
    elif type(nilai) is pd.Series:
        bagian = [nilai.index, nilai]
    elif id(type(nilai)) in _INDEKS_PANDAS:
        bagian = [nilai]
    for b in bagian:
        if type(b) is pd.MultiIndex:
            isi = [x for level in b.levels for x in level.tolist()]
        elif id(type(b)) in _PANDAS and (b.dtype == object or isinstance(b.dtype, pd.CategoricalDtype)
                                     or pd.api.types.is_string_dtype(b.dtype)):
            isi = list(np.asarray(b, dtype=object).tolist())
        elif id(type(b)) in _PANDAS:
            continue
        else:
            return _tipe_nilai(b)
        for x in isi:
            ok, _ = _coba_polos(x)
            t = id(type(x))
            if not ok or (t not in _POLOS_TIPE and t not in _SKALAR_NUMPY and t not in _SKALAR_PUSTAKA):
                return _tipe_nilai(x)
    return None


def _sama_pandas(nilai, harapan, pesan: str) -> None:
    tipe = type(harapan)
    cocok_tipe = type(nilai) is tipe or (id(tipe) in _INDEKS_PANDAS and id(type(nilai)) in _INDEKS_PANDAS)
    if not cocok_tipe:
        _gagal(f"{pesan} Nilai Anda bertipe {_tipe_nilai(nilai)}, bukan {_nama_tipe(tipe)}.")
    alasan = _pandas_polos(nilai)
    if alasan is not None:
        _gagal(f"{pesan} Isi nilai Anda memuat {alasan}, bukan teks atau angka biasa.")
    try:
        if tipe is pd.DataFrame:
            pd.testing.assert_frame_equal(harapan, nilai, check_frame_type=True)
        elif tipe is pd.Series:
            pd.testing.assert_series_equal(harapan, nilai, check_series_type=True)
        else:
            pd.testing.assert_index_equal(harapan, nilai, exact="equiv")
    except AssertionError:
        bentuk = " × ".join(str(int(n)) for n in nilai.shape)
        _gagal(f"{pesan} Nilai Anda: {_tipe_nilai(nilai)} berukuran {bentuk}.")


def sama(nilai, harapan, *, pesan: str) -> None:
    """Check that ``nilai`` equals ``harapan``, comparing plain copies (expected value first).

    pandas objects go through ``pandas.testing`` and must be of the expected pandas class exactly.
    """
    _jaga()
    if id(type(harapan)) in _PANDAS:
        _sama_pandas(nilai, harapan, pesan)
        return
    ok_h, h = _coba_polos(harapan)
    if not ok_h:
        raise TypeError(f"periksa.sama: the expected value must be a plain value, not {h}")
    ok, n = _coba_polos(nilai)
    if not ok:
        _gagal(f"{pesan} Nilai Anda bertipe {n}, bukan {_tipe_nilai(h)}.")
    try:
        cocok = h == n
    except Exception:  # noqa: BLE001 - e.g. numpy datetimes of different units
        cocok = False
    if not ((type(cocok) is bool or type(cocok) is np.bool_) and cocok):
        _gagal(f"{pesan} Nilai Anda: {_ringkas(n)}.")


def _angka(nilai):
    """A learner's number as a plain float, or None when it is not a number (bools are not)."""
    tipe = type(nilai)
    if tipe is bool or (id(tipe) in _SKALAR_NUMPY and issubclass(tipe, np.bool_)):
        return None
    if id(tipe) in _SKALAR_NUMPY and issubclass(tipe, (np.integer, np.floating)):
        return float(nilai)
    if issubclass(tipe, int):
        try:
            return float(int.__int__(nilai))
        except OverflowError:
            return math.inf if int.__int__(nilai) > 0 else -math.inf
    if issubclass(tipe, float):
        return float.__float__(nilai)
    if tipe is decimal.Decimal or tipe is fractions.Fraction:
        return float(nilai)
    return None


def mendekati(nilai, harapan: float, *, toleransi: float = 1e-6, pesan: str) -> None:
    """Check that the number ``nilai`` is within ``toleransi`` of ``harapan``."""
    _jaga()
    angka = _angka(nilai)
    if angka is None:
        _gagal(f"{pesan} Nilai Anda bukan angka, melainkan {_tipe_nilai(nilai)}.")
    if math.isnan(angka):
        _gagal(f"{pesan} Nilai Anda NaN (kosong); periksa apakah data kosong ikut terhitung atau hasilnya "
               "belum dihitung.")
    if not abs(angka - float(harapan)) <= toleransi:
        _gagal(f"{pesan} Nilai Anda: {_ringkas(angka)}.")


def bertipe(nilai, tipe, *, nama: str):
    """Check the type of ``nilai`` and return the value the test should go on with.

    ``nama`` names the value in the message. The type is read with ``type()``, so a value cannot
    claim a type through ``__class__``. For builtin types (``str``, ``int``, ``float``, ``list``,
    ``dict``, ``tuple``, ``numbers.Real``...) the result is a plain copy (a subclass's methods
    never run in the rest of the test); pandas and numpy classes must be the libraries' own.
    """
    _jaga()
    semua = tipe if type(tipe) is tuple else (tipe,)
    asli = type(nilai)
    cocok = any(issubclass(asli, t) for t in semua) and (bool in semua or asli is not bool)
    pustaka = id(asli) in _PANDAS or asli is np.ndarray or id(asli) in _SKALAR_PUSTAKA
    dari_pustaka = [t for t in semua if id(t) in _PANDAS or t is pd.Index or t is np.ndarray
                    or id(t) in _SKALAR_PUSTAKA]
    if cocok and dari_pustaka and any(issubclass(asli, t) for t in dari_pustaka):
        cocok = pustaka
    if not cocok:
        saran = ("Apakah fungsi Anda lupa baris `return`?" if nilai is None
                 else "Periksa nilai yang Anda tulis setelah `return`.")
        _gagal(f"`{nama}` harus berupa {_nama_tipe(tipe)}, tetapi Anda mengembalikan {_tipe_nilai(nilai)}. {saran}")
    if pustaka or not any(id(t) in _POLOS_TIPE or id(t) in _ANGKA_ABSTRAK for t in semua):
        return nilai
    ok, polos = _coba_polos(nilai)
    if not ok:
        _gagal(f"`{nama}` harus berupa {_nama_tipe(tipe)} berisi teks atau angka biasa, tetapi ada isi yang "
               f"bertipe {polos}. Periksa nilai yang Anda tulis setelah `return`.")
    return polos


def polos(nilai, *, nama: str):
    """A plain copy of a learner's value, for a test to compute with safely.

    Builtin values and their subclasses are rebuilt from the builtin type's own data, numpy scalars
    become Python numbers and numpy arrays nested lists; anything else fails with a message naming
    ``nama`` and the value's type. Use it before ``==``, ``in``, ``set()`` or ``sorted()`` on a value
    the learner's code produced (predictions, lists, dict items).
    """
    _jaga()
    ok, hasil = _coba_polos(nilai)
    if not ok:
        _gagal(f"`{nama}` harus berupa teks, angka, list, atau array biasa, tetapi bertipe {hasil}.")
    return hasil


def panjang(nilai, n: int, *, pesan: str) -> None:
    """Check that ``nilai`` has ``n`` items; the message shows the learner's length, not ``n``.

    The length is read by the builtin or library type itself, never by a subclass's ``__len__``.
    """
    _jaga()
    tipe = type(nilai)
    ukuran = None
    for dasar in (list, tuple, dict, str, set, frozenset, bytes):
        if issubclass(tipe, dasar):
            ukuran = dasar.__len__(nilai)
            break
    else:
        if id(tipe) in _PANDAS or tipe is np.ndarray:
            ukuran = len(nilai)
    if ukuran is None:
        _gagal(f"{pesan} Nilai Anda tidak punya panjang ({_tipe_nilai(nilai)}).")
    if ukuran != n:
        _gagal(f"{pesan} Panjang hasil Anda: {ukuran}.")


# --- guarding the module ---------------------------------------------------------------------------

_PESAN_UBAH = ("`{}` tidak boleh diubah: modul `periksa` dipakai untuk menilai jawaban Anda. Hapus kode yang "
               "mengubahnya, lalu jalankan ulang semua sel dari atas (Restart & Run All).")


def _kunci() -> None:
    """Make the checks run on a private copy of this namespace and of the builtins, and refuse changes.

    After this, ``periksa.sama = ...`` (or ``setattr``, ``del``) raises; writes into the module's
    ``__dict__`` reach nothing the checks use; patching ``builtins`` later does not change what the
    checks themselves call; and ``cerdas.periksa`` keeps pointing at this module.
    """
    modul = sys.modules[__name__]
    asli = vars(modul)
    ruang = dict(asli)
    ruang["__builtins__"] = dict(vars(builtins))
    for nama, obj in list(ruang.items()):
        if type(obj) is types.FunctionType and obj.__globals__ is asli:
            salinan = types.FunctionType(obj.__code__, ruang, obj.__name__, obj.__defaults__, obj.__closure__)
            salinan.__kwdefaults__ = obj.__kwdefaults__
            salinan.__doc__, salinan.__qualname__ = obj.__doc__, obj.__qualname__
            salinan.__module__, salinan.__annotations__ = obj.__module__, obj.__annotations__
            ruang[nama] = asli[nama] = salinan
    publik = {nama: ruang[nama] for nama in __all__}

    class ModulPeriksa(types.ModuleType):
        def __getattribute__(self, nama, _publik=publik, _dasar=types.ModuleType.__getattribute__):
            return _publik[nama] if nama in _publik else _dasar(self, nama)

        def __setattr__(self, nama, nilai, _pesan=_PESAN_UBAH):
            raise AttributeError(_pesan.format(f"periksa.{nama}"))

        def __delattr__(self, nama, _pesan=_PESAN_UBAH):
            raise AttributeError(_pesan.format(f"periksa.{nama}"))

    modul.__class__ = ModulPeriksa

    induk = sys.modules.get(__name__.rpartition(".")[0])
    if induk is not None and type(induk) is types.ModuleType:
        nama_anak = __name__.rpartition(".")[2]

        class Paket(types.ModuleType):
            def __getattribute__(self, nama, _anak=nama_anak, _modul=modul, _dasar=types.ModuleType.__getattribute__):
                return _modul if nama == _anak else _dasar(self, nama)

            def __setattr__(self, nama, nilai, _anak=nama_anak, _modul=modul, _pesan=_PESAN_UBAH,
                            _dasar=types.ModuleType.__setattr__):
                if nama == _anak and nilai is not _modul:
                    raise AttributeError(_pesan.format(f"cerdas.{nama}"))
                _dasar(self, nama, nilai)

            def __delattr__(self, nama, _anak=nama_anak, _pesan=_PESAN_UBAH, _dasar=types.ModuleType.__delattr__):
                if nama == _anak:
                    raise AttributeError(_pesan.format(f"cerdas.{nama}"))
                _dasar(self, nama)

        induk.__class__ = Paket


_kunci()
