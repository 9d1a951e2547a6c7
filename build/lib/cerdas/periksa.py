"""Checks for assignment test cells, so failure messages stay consistent and in Indonesian.

Each check raises ``AssertionError`` with a message that says what is wrong and what to look
at. Messages may show the learner's own value, never the expected one.
"""

from __future__ import annotations

import math
import numbers

__all__ = ["pastikan", "sama", "mendekati", "bertipe", "panjang"]

_NAMA_TIPE = {bool: "nilai benar/salah (bool)", int: "bilangan bulat (int)",
              float: "bilangan desimal (float)", str: "teks (str)", type(None): "None",
              numbers.Real: "angka", list: "list", dict: "dict", tuple: "tuple"}


def _nama_tipe(tipe) -> str:
    if isinstance(tipe, tuple):
        return " atau ".join(_nama_tipe(t) for t in tipe)
    if tipe in _NAMA_TIPE:
        return _NAMA_TIPE[tipe]
    modul = tipe.__module__.split(".")[0]
    return f"{modul} {tipe.__name__}" if modul in ("pandas", "numpy") else tipe.__name__


def _ringkas(nilai, batas: int = 60) -> str:
    teks = " ".join((str(nilai) if isinstance(nilai, numbers.Number) else repr(nilai)).split())
    return teks if len(teks) <= batas else teks[: batas - 3] + "..."


def pastikan(kondisi: bool, pesan: str) -> None:
    """Raise ``AssertionError(pesan)`` unless ``kondisi`` is true."""
    if not kondisi:
        raise AssertionError(pesan)


def sama(nilai, harapan, *, pesan: str) -> None:
    """Check ``nilai == harapan``; pandas objects use ``.equals`` (strict: dtypes must match)."""
    try:
        cocok = nilai.equals(harapan) if hasattr(nilai, "equals") else bool(nilai == harapan)
    except (TypeError, ValueError):
        cocok = False
    pastikan(cocok, f"{pesan} Nilai Anda: {_ringkas(nilai)}.")


def mendekati(nilai, harapan: float, *, toleransi: float = 1e-6, pesan: str) -> None:
    """Check that the number ``nilai`` is within ``toleransi`` of ``harapan``."""
    if isinstance(nilai, bool) or not isinstance(nilai, numbers.Real):
        raise AssertionError(f"{pesan} Nilai Anda bukan angka, melainkan "
                             f"{_nama_tipe(type(nilai))}.")
    pastikan(not math.isnan(nilai), f"{pesan} Nilai Anda NaN (kosong); "
             "periksa apakah data kosong ikut terhitung atau hasilnya belum dihitung.")
    pastikan(abs(float(nilai) - float(harapan)) <= toleransi,
             f"{pesan} Nilai Anda: {_ringkas(nilai)}.")


def bertipe(nilai, tipe, *, nama: str) -> None:
    """Check ``isinstance(nilai, tipe)``; ``nama`` names the value in the message."""
    semua = tipe if isinstance(tipe, tuple) else (tipe,)
    if isinstance(nilai, semua) and (bool in semua or not isinstance(nilai, bool)):
        return
    saran = ("Apakah fungsi Anda lupa baris `return`?" if nilai is None
             else "Periksa nilai yang Anda tulis setelah `return`.")
    raise AssertionError(f"`{nama}` harus berupa {_nama_tipe(tipe)}, tetapi Anda mengembalikan "
                         f"{_nama_tipe(type(nilai))}. {saran}")


def panjang(nilai, n: int, *, pesan: str) -> None:
    """Check that ``len(nilai) == n``; the message shows the learner's length, not ``n``."""
    try:
        ukuran = len(nilai)
    except TypeError:
        raise AssertionError(f"{pesan} Nilai Anda tidak punya panjang "
                             f"({_nama_tipe(type(nilai))}).") from None
    pastikan(ukuran == n, f"{pesan} Panjang hasil Anda: {ukuran}.")
