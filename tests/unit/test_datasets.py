"""Every dataset loads through one contract and matches its card; generators reproduce the bytes."""

from __future__ import annotations

import pandas as pd
import pytest

import cerdas.datasets as ds
from cerdas.datasets.build import build_datasets
from cerdas.datasets.card import sha256
from cerdas.datasets.generators import GENERATORS
from conftest import REPO

NAMES = ds.dataset_names()


def test_there_are_datasets():
    assert "aduan_warga" in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_loader_contract(name):
    """load_<name>() returns a DataFrame with the card's columns, a DESCR, and only declared gaps."""
    loader = getattr(ds, f"load_{name}")
    bunch = loader()
    card = ds.read_card(name)
    assert isinstance(bunch.frame, pd.DataFrame) and len(bunch.frame) == card.meta["rows"]
    assert list(bunch.frame.columns) == list(card.columns)
    assert bunch.DESCR.strip() and card.meta["title"] in bunch.DESCR
    may_be_missing = {c for c, spec in card.columns.items() if (spec or {}).get("missing")}
    missing = {c for c in bunch.frame.columns if bunch.frame[c].isna().any()}
    assert missing <= may_be_missing, f"undeclared missing values in {missing - may_be_missing}"
    assert loader(as_frame=False).frame is None


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_generator_reproduces_shipped_bytes(name, tmp_path):
    """`cerdas datasets build` regenerates the shipped file byte for byte from its seed."""
    [written] = build_datasets(names=[name], out_dir=tmp_path).values()
    shipped = REPO / "datasets" / name / written.name
    assert sha256(written) == sha256(shipped)
