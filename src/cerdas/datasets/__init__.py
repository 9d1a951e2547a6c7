"""Datasets shipped with the course, loaded the same way everywhere.

Every loader has the signature ``load_<name>(*, as_frame=True)`` and returns a :class:`Bunch`
with ``frame`` (a DataFrame, or ``None`` when ``as_frame=False``), ``data`` (the frame or a
NumPy array), ``DESCR`` (the data card), ``feature_names``, ``target_names``/``target`` where the
set has a target, and ``filename``. Notebooks never build data paths themselves.

A course of one's own (``cerdas new``) loads its datasets by name: ``load("<name>")`` reads
``datasets/<name>/`` of the course found from ``CERDAS_ROOT`` or the working folder, as its card
describes. This course's named loaders (``load_aduan_warga()`` ...) are the same call.

``cerdas datasets list`` prints every set with its rows, columns, kind (synthetic or real),
licence and the lessons that use it, read from the data cards.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from cerdas.course import Course
from cerdas.datasets.card import Card
from cerdas.errors import CourseError, Problem


class Bunch(dict):
    """A dict whose keys are also attributes, like scikit-learn's Bunch."""

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError as exc:
            raise AttributeError(key) from exc

    def __dir__(self):
        return list(self.keys())


def dataset_names(course: Course | None = None) -> list[str]:
    course = course or Course.find()
    if not course.datasets_dir.is_dir():
        return []
    return sorted(p.parent.name for p in course.datasets_dir.glob("*/CARD.md"))


def read_card(name: str, *, course: Course | None = None) -> Card:
    course = course or Course.find()
    path = course.dataset_dir(name) / "CARD.md"
    if not isinstance(name, str) or not name or "/" in name or "\\" in name or name.startswith(".") \
            or not path.is_file():
        known = ", ".join(dataset_names(course)) or "none"
        folder = course.dataset_dir(str(name))
        why = "has no data card (CARD.md)" if isinstance(name, str) and folder.is_dir() else "no such dataset"
        raise FileNotFoundError(f"dataset {name!r}: {why} in {course.datasets_dir} (known: {known})")
    return Card.read(path)


def _read_table(csv: Path, columns: dict) -> pd.DataFrame:
    """Read one CSV with the dtypes its card declares (text, dates, whole numbers with gaps)."""
    dtypes = {c: "string" for c, spec in columns.items() if (spec or {}).get("type") == "teks"}
    dates = [c for c, spec in columns.items() if (spec or {}).get("type") == "tanggal"]
    frame = pd.read_csv(csv, encoding="utf-8", dtype=dtypes, parse_dates=dates, keep_default_na=True)
    for column, spec in columns.items():
        # whole-number columns stay whole numbers even with gaps (nullable Int64, not float)
        if (spec or {}).get("type") == "bilangan" and column in frame and frame[column].dtype.kind == "f":
            values = frame[column].dropna()
            if (values == values.round()).all():
                frame[column] = frame[column].astype("Int64")
    return frame


def load(name: str, *, as_frame: bool = True, course: Course | None = None) -> Bunch:
    """Load dataset ``name`` from the course's ``datasets/<name>/``: its main table (the first file on
    its card) and any others. An unknown name is a FileNotFoundError listing the known ones.

    ``frame`` is the main table; ``frames`` maps every file's stem to its table, for sets that
    ship several (an answer key, a reference code list, ...).
    """
    card = read_card(name, course=course)
    files = list(card.field("files", dict))
    folder = card.path.parent
    for file_name in files:
        if not (folder / file_name).is_file():
            raise CourseError(Problem(str(card.path), f"lists {file_name}, which does not exist",
                                      f"rebuild it (cerdas datasets build {name}) or fix 'files:' on the card"))
    frames = {Path(f).stem: _read_table(folder / f, card.table_columns(f)) for f in files}
    frame = frames[Path(files[0]).stem]
    target = card.meta.get("target")
    if target and target not in frame.columns:
        raise CourseError(Problem(str(card.path), f"target '{target}' is not a column of {files[0]}",
                                  f"set 'target:' to one of: {', '.join(map(str, frame.columns))}"))
    features = [c for c in frame.columns if c != target]
    bunch = Bunch(
        frame=frame if as_frame else None,
        data=frame if as_frame else frame.to_numpy(),
        frames=frames,
        DESCR=card.path.read_text(encoding="utf-8"),
        feature_names=features,
        filename=str(folder / files[0]),
        name=name,
        synthetic=bool(card.meta.get("synthetic")),
    )
    if target:
        bunch.update(target=frame[target] if as_frame else frame[target].to_numpy(),
                     target_names=sorted(frame[target].dropna().unique()))
    return bunch


def load_aduan_warga(*, as_frame: bool = True) -> Bunch:
    """Citizen complaints to a city's public-service channels (synthetic), module 1 onwards.

    One row per complaint: date, kecamatan, channel, category (target), complaint text,
    days to response and status. See ``datasets/aduan_warga/CARD.md``.
    """
    return load("aduan_warga", as_frame=as_frame)


def load_indeks_spbe(*, as_frame: bool = True) -> Bunch:
    """SPBE self-assessment of fictional regional agencies (OPD) over several years (synthetic).

    Main table: one row per agency, year and indicator (1-47) with its level 1-5. ``frames`` also
    holds ``indikator_spbe`` (indicator -> aspect -> domain with weights) and
    ``indeks_spbe_jawaban`` (each agency-year's index and predicate, the answer key tests use). See ``datasets/indeks_spbe/CARD.md``.
    """
    return load("indeks_spbe", as_frame=as_frame)


def load_indeks_spbe_publikasi(*, as_frame: bool = True) -> Bunch:
    """Published SPBE index figures: national, Kalimantan Timur and Balikpapan (real).

    One row per year and body, with the source and a confidence mark for each figure. See ``datasets/indeks_spbe_publikasi/CARD.md``.
    """
    return load("indeks_spbe_publikasi", as_frame=as_frame)


def load_permintaan_layanan(*, as_frame: bool = True) -> Bunch:
    """Daily public-service requests per kecamatan and service type (synthetic).

    Weekly pattern, trend and holiday effects (Idul Fitri), for forecasting. See ``datasets/permintaan_layanan/CARD.md``.
    """
    return load("permintaan_layanan", as_frame=as_frame)


def load_inventaris_aplikasi(*, as_frame: bool = True) -> Bunch:
    """Inventory of a city's agency applications with functional overlaps (synthetic).

    Application, owner agency, function description, data held and users. See ``datasets/inventaris_aplikasi/CARD.md``.
    """
    return load("inventaris_aplikasi", as_frame=as_frame)


def load_integrasi_data(*, as_frame: bool = True) -> Bunch:
    """Two agency tables about the same places with inconsistent codes, names and dates (synthetic).

    ``frames`` holds both agency tables and the reference code table that reconciles them. See ``datasets/integrasi_data/CARD.md``.
    """
    return load("integrasi_data", as_frame=as_frame)


def load_penduduk_sintetis(*, as_frame: bool = True) -> Bunch:
    """Synthetic residents for the privacy lesson: NIK that can never be real, name, birth date, ...

    For masking, pseudonymisation and k-anonymity; no row describes a real person. See ``datasets/penduduk_sintetis/CARD.md``.
    """
    return load("penduduk_sintetis", as_frame=as_frame)


def load_pesan_phishing(*, as_frame: bool = True) -> Bunch:
    """Phishing and safe messages in Indonesian over SMS, WhatsApp and email (synthetic).

    Labelled; every URL and domain lies under the reserved ``.example`` / ``.test`` names. See ``datasets/pesan_phishing/CARD.md``.
    """
    return load("pesan_phishing", as_frame=as_frame)


def load_trafik_jaringan(*, as_frame: bool = True) -> Bunch:
    """Network traffic counts with injected attack periods (synthetic).

    For anomaly detection; the attack label is for evaluation only. See ``datasets/trafik_jaringan/CARD.md``.
    """
    return load("trafik_jaringan", as_frame=as_frame)


def load_anomali_trafik_bssn(*, as_frame: bool = True) -> Bunch:
    """Yearly national anomalous-traffic counts published by BSSN (real).

    One row per year with the source and a confidence mark. See ``datasets/anomali_trafik_bssn/CARD.md``.
    """
    return load("anomali_trafik_bssn", as_frame=as_frame)


def load_seleksi_pelatihan(*, as_frame: bool = True) -> Bunch:
    """Training / scholarship selection records with a historical bias to discover (synthetic).

    Qualifications, group attributes and the past decision, for the fairness lesson. See ``datasets/seleksi_pelatihan/CARD.md``.
    """
    return load("seleksi_pelatihan", as_frame=as_frame)


__all__ = ["Bunch", "dataset_names", "load", "read_card", "load_aduan_warga", "load_indeks_spbe", "load_indeks_spbe_publikasi", "load_permintaan_layanan", "load_inventaris_aplikasi", "load_integrasi_data", "load_penduduk_sintetis", "load_pesan_phishing", "load_trafik_jaringan", "load_anomali_trafik_bssn", "load_seleksi_pelatihan"]
