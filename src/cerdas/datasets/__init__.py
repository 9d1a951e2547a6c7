"""Datasets shipped with the course, loaded the same way everywhere.

Every loader has the signature ``load_<name>(*, as_frame=True)`` and returns a :class:`Bunch`
with ``frame`` (a DataFrame, or ``None`` when ``as_frame=False``), ``data`` (the frame or a
NumPy array), ``DESCR`` (the data card), ``feature_names``, ``target_names``/``target`` where the
set has a target, and ``filename``. Notebooks never build data paths themselves.

========================  ======  =========  ===========
name                      rows    synthetic  used in
========================  ======  =========  ===========
aduan_warga               see card    yes    modul 1
========================  ======  =========  ===========
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from cerdas.course import Course
from cerdas.datasets.card import Card


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
    if not path.is_file():
        known = ", ".join(dataset_names(course)) or "none"
        raise FileNotFoundError(f"dataset {name!r} not found at {path} (known: {known})")
    return Card.read(path)


def load(name: str, *, as_frame: bool = True, course: Course | None = None) -> Bunch:
    """Load dataset ``name`` (its main CSV: the first file listed on its card)."""
    card = read_card(name, course=course)
    files = list(card.meta.get("files") or {})
    if not files:
        raise ValueError(f"{card.path}: the card lists no files")
    csv = card.path.parent / files[0]
    columns = card.columns
    dtypes = {c: "string" for c, spec in columns.items() if (spec or {}).get("type") == "teks"}
    dates = [c for c, spec in columns.items() if (spec or {}).get("type") == "tanggal"]
    frame = pd.read_csv(csv, encoding="utf-8", dtype=dtypes, parse_dates=dates, keep_default_na=True)
    for column, spec in columns.items():
        # whole-number columns stay whole numbers even with gaps (nullable Int64, not float)
        if (spec or {}).get("type") == "bilangan" and column in frame and frame[column].dtype.kind == "f":
            values = frame[column].dropna()
            if (values == values.round()).all():
                frame[column] = frame[column].astype("Int64")
    target = card.meta.get("target")
    features = [c for c in frame.columns if c != target]
    bunch = Bunch(
        frame=frame if as_frame else None,
        data=frame if as_frame else frame.to_numpy(),
        DESCR=card.path.read_text(encoding="utf-8"),
        feature_names=features,
        filename=str(csv),
        name=name,
        synthetic=bool(card.meta.get("synthetic")),
    )
    if target:
        bunch.update(target=frame[target] if as_frame else frame[target].to_numpy(), target_names=sorted(frame[target].dropna().unique()))
    return bunch


def load_aduan_warga(*, as_frame: bool = True) -> Bunch:
    """Citizen complaints to a city's public-service channels (synthetic), module 1 onwards.

    One row per complaint: date, kecamatan, channel, category (target), complaint text,
    days to response and status. See ``datasets/aduan_warga/CARD.md``.
    """
    return load("aduan_warga", as_frame=as_frame)


__all__ = ["Bunch", "dataset_names", "load", "load_aduan_warga", "read_card"]
