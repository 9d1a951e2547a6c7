"""Item analysis for instructors: the numbers behind the report mean what the report says."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest

from cerdas.grading.report import item_analysis, write_item_report


def class_of_five() -> pd.DataFrame:
    """Five students, two auto-graded questions and one written answer nobody has graded yet."""
    frame = pd.DataFrame({"id": list("abcde"), "nama": [""] * 5,
                          "q1": [2.0, 2.0, 0.0, 2.0, 0.0], "q2": [3.0, 1.0, 0.0, 3.0, 0.0],
                          "refleksi": [None] * 5})
    frame["total"] = frame[["q1", "q2", "refleksi"]].fillna(0).sum(axis=1)
    frame["maksimum"] = 9
    frame.attrs["maxima"] = {"q1": 2, "q2": 3, "refleksi": 4}
    return frame


def test_difficulty_and_discrimination():
    """Share with full points and the item-rest correlation are computed over scored students."""
    items = item_analysis(class_of_five()).set_index("soal")
    assert items.loc["q1", "porsi_penuh"] == pytest.approx(3 / 5)
    assert items.loc["q2", "porsi_penuh"] == pytest.approx(2 / 5)
    assert items.loc["q1", "rata_rata"] == pytest.approx(6 / 5)
    expected = pd.Series([2, 2, 0, 2, 0.0]).corr(pd.Series([3, 1, 0, 3, 0.0]))
    assert items.loc["q1", "daya_beda"] == pytest.approx(expected)
    assert items.loc["q1", "daya_beda"] > 0.5


def test_ungraded_written_answer_is_not_reported_as_failed(tmp_path):
    """A question without any score yet says 'belum dinilai', not 0% of students earning it."""
    frame = class_of_five()
    items = item_analysis(frame).set_index("soal")
    assert items.loc["refleksi", "dinilai"] == 0 and math.isnan(items.loc["refleksi", "porsi_penuh"])
    page = write_item_report(frame, {"q1": Counter({"AssertionError: salah": 2})}, tmp_path, "tugas").read_text()
    assert "belum dinilai pengajar" in page
    assert "AssertionError: salah (2×)" in page
    assert page.count("<img alt=") == 2
