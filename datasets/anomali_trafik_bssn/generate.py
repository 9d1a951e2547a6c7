"""Yearly anomalous-traffic counts published by BSSN, 2018-2023 (``anomali_trafik_bssn``). REAL.

One row per year: the number of traffic anomalies that the national cyber and crypto agency
(Badan Siber dan Sandi Negara, BSSN) reported for that year, as quoted by official pages and by
news that quotes officials. Nothing is drawn at random: the module holds the literal figures with
their confidence mark and source, and ``generate`` only returns them as a DataFrame, so the
shipped CSV can be rebuilt and audited like every other set (SEED = 0 is unused).

Caveat carried into the table and the card: BSSN's sensors see under 5 % of Indonesia's internet
traffic, so these are counts of what BSSN observed, not of all attacks in the country.
"""

from __future__ import annotations

import pandas as pd

SEED = 0

SOURCE = "Laporan/pernyataan BSSN sebagaimana dikutip sumber resmi"
COVERAGE = ("Hanya lalu lintas yang terpantau sensor BSSN, kurang dari 5% lalu lintas internet "
            "Indonesia; berlaku untuk semua tahun")

# year, anomalies, confidence, note
FIGURES = [
    (2018, 232_401_725, "V", COVERAGE),
    (2019, 290_381_283, "V", None),
    (2020, 495_337_202, "V", None),
    (2021, 1_652_521_839, "V", None),
    (2022, 976_429_996, "V",
     "Komposisi: malware 56,84%, kebocoran data 14,75%, trojan 10,90%; sisanya tidak dirinci "
     "dalam kutipan yang dipakai"),
    (2023, 403_990_813, "V", None),
]


def generate(seed: int) -> pd.DataFrame:
    """Return the published figures (``seed`` is ignored: nothing here is random)."""
    del seed
    frame = pd.DataFrame(FIGURES, columns=["tahun", "jumlah_anomali", "keyakinan", "catatan"])
    frame["catatan"] = pd.array(frame["catatan"].tolist(), dtype="string")
    frame["sumber"] = SOURCE
    return frame
