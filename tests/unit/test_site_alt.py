"""Plots get Indonesian alt text from their own title and axis labels."""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")  # the unit test draws nothing on screen  # noqa: E402
import matplotlib.pyplot as plt

from cerdas.site.alt import describe


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
