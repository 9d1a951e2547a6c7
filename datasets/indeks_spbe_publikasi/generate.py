"""Published SPBE index figures: national, Kalimantan Timur and Kota Balikpapan (``indeks_spbe_publikasi``).

A real table, not a simulation: every figure below is typed in from the course's fact sheet,
which records where each one was found and how sure we are of it ([V] seen on an official page
or in news quoting an official; [S] a secondary source that agrees with other facts). Nothing
is drawn at random; ``SEED`` is 0 only because every generator module declares one.

One row per (tahun, wilayah, lingkup, jenis):

* ``lingkup`` is "Indeks SPBE" for the overall index, "Domain ..." for the two 2024 national
  domain scores, and "Aspek ..." for Balikpapan's three weak 2022 aspects;
* ``jenis`` is "capaian" for an achieved score and "target" for Balikpapan's 2024 target;
* ``predikat`` is filled only where the source states it, and left empty otherwise (learners
  can derive it from the predicate bands);
* ``jumlah_instansi`` (number of bodies evaluated) exists only for some national years.

No URLs are given: ``sumber`` describes the kind of source, as the fact sheet does.
"""

from __future__ import annotations

import pandas as pd

SEED = 0

NASIONAL = "Nasional"
KALTIM = "Provinsi Kalimantan Timur"
BALIKPAPAN = "Kota Balikpapan"

INDEKS = "Indeks SPBE"

SRC_V_NASIONAL = "Halaman resmi/berita yang mengutip pejabat (KemenPAN-RB)"
SRC_S = "Sumber sekunder, sejalan dengan fakta lain"
SRC_V_KALTIM = "Halaman resmi/berita yang mengutip pejabat"
SRC_V_BALIKPAPAN = "Halaman resmi Pemerintah Kota Balikpapan dan berita"

COLUMNS = ["tahun", "wilayah", "lingkup", "jenis", "indeks", "predikat",
           "jumlah_instansi", "keyakinan", "catatan", "sumber"]

# tahun, wilayah, lingkup, jenis, indeks, predikat, jumlah_instansi, keyakinan, catatan, sumber
ROWS = [
    # national index
    (2018, NASIONAL, INDEKS, "capaian", 1.98, None, None, "S",
     "Dinilai sebelum PermenPAN-RB 59/2020 terbit, dengan kerangka evaluasi yang lebih lama", SRC_S),
    (2020, NASIONAL, INDEKS, "capaian", 2.26, None, None, "S", None, SRC_S),
    (2021, NASIONAL, INDEKS, "capaian", 2.24, None, 517, "V", None, SRC_V_NASIONAL),
    (2022, NASIONAL, INDEKS, "capaian", 2.34, None, None, "S", None, SRC_S),
    (2023, NASIONAL, INDEKS, "capaian", 2.79, "Baik", 621, "V", None, SRC_V_NASIONAL),
    (2024, NASIONAL, INDEKS, "capaian", 3.12, "Baik", 615, "V",
     "48 instansi meraih predikat Memuaskan", SRC_V_NASIONAL),
    # national domain scores, 2024
    (2024, NASIONAL, "Domain Layanan", "capaian", 3.78, None, None, "S",
     "Domain dengan nilai tertinggi", SRC_S),
    (2024, NASIONAL, "Domain Manajemen", "capaian", 1.86, None, None, "S",
     "Domain dengan nilai terendah", SRC_S),
    # Provinsi Kalimantan Timur
    (2023, KALTIM, INDEKS, "capaian", 2.91, None, None, "V", None, SRC_V_KALTIM),
    (2024, KALTIM, INDEKS, "capaian", 3.79, "Sangat Baik", None, "V", None, SRC_V_KALTIM),
    (2025, KALTIM, INDEKS, "capaian", 4.13, None, None, "V", None, SRC_V_KALTIM),
    # Kota Balikpapan
    (2021, BALIKPAPAN, INDEKS, "capaian", 2.44, None, None, "V", None, SRC_V_BALIKPAPAN),
    (2022, BALIKPAPAN, INDEKS, "capaian", 3.05, "Baik", None, "V",
     "Tertinggi di Kalimantan Timur pada tahun itu", SRC_V_BALIKPAPAN),
    (2022, BALIKPAPAN, "Aspek Perencanaan Strategis SPBE", "capaian", 1.75, None, None, "V",
     "Salah satu aspek terlemah 2022", SRC_V_BALIKPAPAN),
    (2022, BALIKPAPAN, "Aspek Penerapan Manajemen SPBE", "capaian", 1.75, None, None, "V",
     "Salah satu aspek terlemah 2022", SRC_V_BALIKPAPAN),
    (2022, BALIKPAPAN, "Aspek Audit TIK", "capaian", 1.0, None, None, "V",
     "Salah satu aspek terlemah 2022", SRC_V_BALIKPAPAN),
    (2023, BALIKPAPAN, INDEKS, "capaian", 3.75, None, None, "V", None, SRC_V_BALIKPAPAN),
    (2024, BALIKPAPAN, INDEKS, "target", 4.00, None, None, "V",
     "Target, bukan capaian", SRC_V_BALIKPAPAN),
]

WILAYAH_ORDER = {NASIONAL: 0, KALTIM: 1, BALIKPAPAN: 2}


def generate(seed: int) -> pd.DataFrame:
    """Return the published figures (``seed`` is ignored: nothing here is random)."""
    frame = pd.DataFrame.from_records(ROWS, columns=COLUMNS)
    frame["jumlah_instansi"] = pd.array(frame["jumlah_instansi"].tolist(), dtype="Int64")
    order = frame["wilayah"].map(WILAYAH_ORDER)
    frame = frame.assign(_w=order).sort_values(["_w", "tahun"], kind="mergesort")
    return frame.drop(columns="_w").reset_index(drop=True)
