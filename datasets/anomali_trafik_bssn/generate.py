"""Yearly anomalous-traffic counts published by BSSN, 2018-2023 (``anomali_trafik_bssn``). REAL.

One row per year: the number of traffic anomalies that the national cyber and crypto agency
(Badan Siber dan Sandi Negara, BSSN) reported for that year, as quoted by official pages and by
news that quotes officials. Nothing is drawn at random: the module holds the literal figures with
their confidence mark and the document each was cited from (publisher, document, date, address), and ``generate`` only returns them as a DataFrame, so the
shipped CSV can be rebuilt and audited like every other set (SEED = 0 is unused).

Caveat carried into the table and the card: BSSN's sensors see under 5 % of Indonesia's internet
traffic, so these are counts of what BSSN observed, not of all attacks in the country.
"""

from __future__ import annotations

import pandas as pd

SEED = 0

# publisher, document, date, address (shared/brief/domain-facts.md part 2, section 2.1)
SERIES = (
    "Badan Siber dan Sandi Negara (BSSN)",
    "Paparan Direktur Keamanan Siber dan Sandi Keuangan, Perdagangan, dan Pariwisata BSSN, Edit Prima, "
    "dikutip Bloomberg Technoz (\"Bukti Rentannya Pertahanan Siber RI Jadi Sasaran Hacker Jahat\"; "
    "artikel memuat data sampai Oktober 2023)",
    "2023", "https://bloombergtechnoz.com/detail-news/20859/bukti-rentannya-pertahanan-siber-ri-jadi-sasaran-hacker-jahat/2")
HINSA_2023 = (
    "Badan Siber dan Sandi Negara (BSSN)",
    "Keterangan Kepala BSSN Hinsa Siburian tentang anomali trafik 2022 (Indonesia Parlemen, \"BSSN Ungkap "
    "Hampir 1 Miliar Serangan Siber Tahun 2022 Hantam RI\")",
    "2023-01-19", "https://indonesiaparlemen.com/2023/01/20/bssn-ungkap-hampir-1-miliar-serangan-siber-tahun-2022-hantam-ri")
LANSKAP_2023 = (
    "Badan Siber dan Sandi Negara (BSSN), dikutip sumber sekunder",
    "Lanskap Keamanan Siber Indonesia 2023, sebagaimana dikutip memo.co.id",
    "2023", "https://memo.co.id/darurat-siber-indonesia-ujung-tanduk-uu-harapan-terakhir/")
COVERAGE = ("Hanya lalu lintas yang terpantau sensor BSSN, kurang dari 5% lalu lintas internet "
            "Indonesia; berlaku untuk semua tahun")

# year, anomalies, confidence, note, source
FIGURES = [
    (2018, 232_401_725, "V", COVERAGE, SERIES),
    (2019, 290_381_283, "V", None, SERIES),
    (2020, 495_337_202, "V", None, SERIES),
    (2021, 1_652_521_839, "V", "Diumumkan pada peluncuran laporan tahunan monitoring keamanan siber 2021", SERIES),
    (2022, 976_429_996, "V",
     "Komposisi: malware 56,84%, kebocoran data 14,75%, trojan 10,90%; sisanya tidak dirinci "
     "dalam kutipan yang dipakai", HINSA_2023),
    (2023, 403_990_813, "S", "Angka setahun penuh dari laporan tahunan BSSN, dikutip sumber sekunder", LANSKAP_2023),
]
SOURCE_COLUMNS = ["sumber_penerbit", "sumber_dokumen", "sumber_tanggal", "sumber_alamat"]


def generate(seed: int) -> pd.DataFrame:
    """Return the published figures (``seed`` is ignored: nothing here is random)."""
    del seed
    frame = pd.DataFrame([(*row[:-1], *row[-1]) for row in FIGURES],
                         columns=["tahun", "jumlah_anomali", "keyakinan", "catatan", *SOURCE_COLUMNS])
    frame["catatan"] = pd.array(frame["catatan"].tolist(), dtype="string")
    frame["sumber"] = [f"{p}, {d}, {t}" + (f", {a}" if a else "") for p, d, t, a in
                       frame[SOURCE_COLUMNS].itertuples(index=False)]
    return frame
