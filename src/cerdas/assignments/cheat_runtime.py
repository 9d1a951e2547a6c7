"""What a generated cheat mutant runs in place of an answer cell (its source is copied into the cell).

``mutan_curang(globals(), jenis, fungsi, variabel, acuan)`` first runs the reference solution
``acuan`` on a copy of the notebook's namespace, to learn what type of value each answer has,
then binds every name the answer cell defines to a cheat instead:

* ``objek``: an object equal to everything (``__eq__`` True, ``__ne__`` False, ``__hash__`` 0),
  lenient everywhere else (``len`` 0, iterates as empty, contains everything, every attribute and
  call gives itself back, compares greater and smaller than anything) and claiming the reference
  value's type through ``__class__``, so ``isinstance`` believes it;
* ``subkelas``: an instance of a subclass of the reference value's type, with wrong contents (empty,
  one more, one row fewer...) and an ``__eq__`` (and ``equals``) that says yes to everything;
* ``pemeriksa``: the ``objek`` cheat, after rebinding every test helper it can reach to
  do-nothing functions: ``periksa.*`` (attributes and ``__dict__``), ``cerdas.periksa``, the
  notebook's ``periksa`` name, and the builtin predicates a test's verdict rests on
  (``isinstance``, ``all``, ``hasattr``...: always True) in the notebook's namespace and in its
  ``__builtins__``. Every patch that is
  refused is skipped, so the cell itself never fails.

A function becomes a function that calls the reference and returns a cheat of its result's type
(exceptions of the reference pass through); a variable becomes a cheat of its value's type.
Everything this code calls after the cell has run is bound here, so the shadowed builtins do not
break the cheat itself.
"""


def mutan_curang(ruang_nb, jenis, fungsi, variabel, acuan):
    import builtins as _b
    import functools as _ft
    import math as _math
    import sys as _sys
    import types as _types

    _type, _iter, _len, _object, _property = type, iter, len, object, property
    _bawaan = frozenset(vars(_b))

    class LihatNotebook(dict):
        """The reference runs on a copy of the notebook's namespace taken now; names made later (by
        test cells) are read from the notebook itself, except builtins, which the cheat may shadow."""

        def __missing__(self, nama):
            if nama in _bawaan:
                raise KeyError(nama)
            return ruang_nb[nama]

    ruang = LihatNotebook(ruang_nb)
    exec(compile(acuan, "<jawaban acuan>", "exec"), ruang)

    def serba(tipe):
        def diri(s, *a, **k):
            return s

        def benar(s, *a, **k):
            return True

        def salah(s, *a, **k):
            return False

        def atribut(s, nama):
            if nama.startswith("_"):
                raise AttributeError(nama)
            return s

        badan = {
            "__class__": _property(lambda s: tipe),
            "__eq__": benar, "__ne__": salah, "__hash__": lambda s: 0,
            "__lt__": benar, "__le__": benar, "__gt__": benar, "__ge__": benar,
            "__bool__": benar, "__len__": lambda s: 0, "__iter__": lambda s: _iter(()),
            "__contains__": benar, "__getitem__": diri, "__setitem__": lambda s, k, v: None,
            "__call__": diri, "__getattr__": atribut,
            "__int__": lambda s: 0, "__index__": lambda s: 0, "__float__": lambda s: 0.0,
            "__str__": lambda s: "?", "__repr__": lambda s: "?", "__format__": lambda s, spec: "?",
        }
        for op in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "and", "or", "xor", "matmul"):
            badan[f"__{op}__"] = badan[f"__r{op}__"] = diri
        for op in ("neg", "pos", "abs", "invert", "round"):
            badan[f"__{op}__"] = diri
        return _type("SamaDenganSemua", (_object,), badan)()

    def bisa_diturunkan(kelas):
        try:
            _type("Coba", (kelas,), {})
            return True
        except TypeError:
            return False

    def isi_salah(v):
        """Contents of the same type that differ from ``v``: empty, or one more."""
        import numpy as np
        import pandas as pd

        if isinstance(v, bool):
            return int(not v) + 1
        if isinstance(v, (int, float, complex, np.number)):
            bilangan = v + 1
            return bilangan if not isinstance(v, (float, np.floating)) or _math.isfinite(bilangan) else 0.0
        if isinstance(v, (str, bytes)):
            return v[:0] if _len(v) else v[:0].__class__("?" if isinstance(v, str) else b"?")
        if isinstance(v, np.ndarray):
            return v.reshape(-1)[:0].copy() if v.size else np.zeros(1, dtype=v.dtype)
        if isinstance(v, (pd.DataFrame, pd.Series)):
            return v.iloc[:-1] if _len(v) else (pd.Series([0]) if isinstance(v, pd.Series) else pd.DataFrame({"?": [0]}))
        if isinstance(v, pd.Index):
            return v[:-1] if _len(v) else pd.Index([0])
        if isinstance(v, (list, tuple, set, frozenset)):
            return _type(v)() if _len(v) else _type(v)([None])
        if isinstance(v, dict):
            return {} if _len(v) else {None: None}
        if isinstance(v, pd.Timestamp) and v is not pd.NaT:
            return v + pd.Timedelta(days=1)
        return None

    def subkelas(v):
        import numpy as np

        dasar = next((k for k in _type(v).__mro__ if bisa_diturunkan(k)), _object)
        badan = {"__eq__": lambda s, o: True, "__ne__": lambda s, o: False, "__module__": dasar.__module__,
                 "__qualname__": dasar.__qualname__, "__hash__": dasar.__hash__}
        if hasattr(dasar, "equals"):
            badan["equals"] = lambda s, *a, **k: True
        kelas = _type(dasar.__name__, (dasar,), badan)
        try:
            salah = isi_salah(v)
            if dasar is _object:
                hasil = _object.__new__(kelas)
            elif isinstance(salah, np.ndarray):
                hasil = salah.view(kelas)
            elif salah is not None:
                hasil = kelas(salah)
            else:
                hasil = dasar.__new__(kelas)
            if _type(hasil) is kelas:
                return hasil
        except Exception:  # noqa: BLE001 - fall back to a rigged plain object below
            pass
        cadangan = _type(dasar.__name__, (_object,), {k: w for k, w in badan.items() if k != "equals"}
                         | {"__hash__": lambda s: 0})
        return cadangan()

    def buat(v):
        return subkelas(v) if jenis == "subkelas" else serba(_type(v))

    def fungsi_curang(asli):
        @_ft.wraps(asli)
        def curang(*a, **k):
            return buat(asli(*a, **k))
        return curang

    for nama in fungsi:
        if nama in ruang:
            ruang_nb[nama] = fungsi_curang(ruang[nama])
    for nama in variabel:
        if nama in ruang:
            ruang_nb[nama] = buat(ruang[nama])

    if jenis != "pemeriksa":
        return

    def diam(*a, **k):
        return a[0] if a else None

    nama_pemeriksa = ("pastikan", "sama", "mendekati", "bertipe", "panjang", "polos")
    palsu = _types.SimpleNamespace(**{n: diam for n in nama_pemeriksa})
    modul = _sys.modules.get("cerdas.periksa")
    if modul is not None:
        for n in nama_pemeriksa:
            for tambal in (lambda: setattr(modul, n, diam), lambda: vars(modul).__setitem__(n, diam)):
                try:
                    tambal()
                except Exception:  # noqa: BLE001 - a refused patch is skipped
                    pass
    paket = _sys.modules.get("cerdas")
    for tambal in (lambda: setattr(paket, "periksa", palsu),
                   lambda: _sys.modules.__setitem__("cerdas.periksa", palsu)):
        try:
            tambal()
        except Exception:  # noqa: BLE001
            pass
    ruang_nb["periksa"] = palsu
    # The predicates a naive test's verdict rests on, made to say yes. (Constructors such as list() or
    # sorted() are left alone: returning constants from them would break the cheat's own answers.)
    lunak = {nama: (lambda *a, **k: True)
             for nama in ("isinstance", "issubclass", "callable", "hasattr", "all", "any", "bool")}
    ruang_nb["__builtins__"] = {**vars(_b), **lunak}
    ruang_nb.update(lunak)
