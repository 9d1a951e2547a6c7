"""Plots get Indonesian alt text: the author's finding (gambar.temuan), then their title and axis labels."""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")  # the unit test draws nothing on screen  # noqa: E402
import matplotlib.pyplot as plt

import pytest

from cerdas import gambar
from cerdas.site.alt import alt_text, describe


def test_single_panel_described_by_title_and_axes():
    fig, ax = plt.subplots()
    ax.set_title("Aduan per kanal")
    ax.set_xlabel("Kanal")
    ax.set_ylabel("Jumlah aduan")
    assert describe(fig) == "Grafik: Aduan per kanal (sumbu x: Kanal, sumbu y: Jumlah aduan)"
    plt.close(fig)


def test_several_panels_and_suptitle():
    fig, (a, b) = plt.subplots(1, 2)
    fig.suptitle("Dua cara prakiraan")
    a.set_title("Naif")
    b.set_title("Regresi")
    assert describe(fig) == "Grafik Dua cara prakiraan. 2 panel: Naif; Regresi"
    plt.close(fig)


def test_unlabelled_figure_has_no_description():
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    assert describe(fig) is None
    plt.close(fig)


def test_finding_comes_first_then_the_figure():
    """The author's sentence leads the alt text (with its full stop); the axes follow for orientation."""
    fig, ax = plt.subplots()
    ax.set_title("Aduan per kanal")
    gambar.temuan("WhatsApp membawa hampir separuh aduan", fig=fig)
    assert alt_text(fig) == "WhatsApp membawa hampir separuh aduan. Grafik: Aduan per kanal"
    plt.close(fig)


def test_finding_defaults_to_the_current_figure_and_must_say_something():
    """temuan() without fig= marks the figure being drawn; an empty or two-word "finding" is refused
    with a message that shows what to write."""
    fig, _ = plt.subplots()
    gambar.temuan("Senin paling ramai sepanjang tahun.")
    assert gambar.dari(fig) == "Senin paling ramai sepanjang tahun."
    for bad in ("", "Grafik batang", None):
        with pytest.raises(gambar.TemuanError, match="minimal 4 kata"):
            gambar.temuan(bad, fig=fig)
    plt.close(fig)
