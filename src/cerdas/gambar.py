"""A figure's finding, written by the lesson's author next to the figure: the alt text on the site.

Screen-reader users and readers whose images did not load get what a sighted reader takes from a
figure: not "a bar chart of x against y" but what it shows. The author states it in the cell that
draws the figure, just before showing it::

    from cerdas import gambar

    fig, ax = plt.subplots()
    ax.bar(...)
    gambar.temuan("Pengaduan jalan rusak paling banyak: hampir dua kali kategori berikutnya.")
    plt.show()

A finding may be an f-string with the numbers the code computed. On the site the image's alt text is
the finding followed by the figure's title and axes (:func:`cerdas.site.alt.describe`); the site build
warns (an error under ``-W``) for a lesson figure without one, naming the notebook and the cell. In
JupyterLab the call only records the finding on the figure.
"""

from __future__ import annotations

ATTRIBUTE = "_cerdas_temuan"
MIN_WORDS = 4  # "Grafik batang" is not a finding; "Senin paling ramai" barely is


class TemuanError(ValueError):
    """A finding that says nothing (empty, or too short to state what the figure shows)."""


def temuan(teks: str, fig=None) -> None:
    """Record ``teks`` as what ``fig`` (default: the current figure) shows, for its alt text."""
    if not isinstance(teks, str) or len(teks.split()) < MIN_WORDS:
        raise TemuanError(
            f"gambar.temuan() menerima {teks!r}: tuliskan dalam satu atau dua kalimat (minimal {MIN_WORDS} "
            "kata) apa yang ditunjukkan gambar, misalnya \"Pengaduan paling banyak datang pada hari Senin.\"")
    if fig is None:
        import matplotlib.pyplot as plt

        fig = plt.gcf()
    setattr(fig, ATTRIBUTE, " ".join(teks.split()))


def dari(fig) -> str | None:
    """The finding recorded on ``fig``, or None."""
    return getattr(fig, ATTRIBUTE, None)
