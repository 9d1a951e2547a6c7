"""Published SPBE index figures: national, Kalimantan Timur and Kota Balikpapan (``indeks_spbe_publikasi``).

A real table, not a simulation: every figure below is typed in from the course's fact sheet
(``shared/brief/domain-facts.md``, part 2 "sources"), with the document that announced it. Nothing
is drawn at random; ``SEED`` is 0 only because every generator module declares one.

One row per (tahun, wilayah, lingkup, jenis):

* ``lingkup`` is "Indeks SPBE" for the overall index, "Domain ..." for the two 2024 national
  domain scores, and "Aspek ..." for Balikpapan's three weak 2022 aspects;
* ``jenis`` is "capaian" for an achieved score and "target" for a city's stated target;
* ``predikat`` is filled only where the source states it, and left empty otherwise (learners
  can derive it from the predicate bands);
* ``jumlah_instansi`` (number of bodies evaluated) exists only for some national years;
* ``keyakinan``: V seen in an official document or in news quoting an official, S a weak or
  secondary source only (labelled so in the lessons);
* every row cites its source: publisher (``sumber_penerbit``), document or release
  (``sumber_dokumen``), date (``sumber_tanggal``, ISO: year, year-month or full date, as precise as
  the source gives it) and address (``sumber_alamat``, empty where the fact sheet gives none);
  ``sumber`` joins them into one citation an official can quote.

Dropped on the second research pass (no document and date could be cited): national 2020 (2.26)
and 2022 (2.34), Balikpapan 2023 (3.75) and its 2024 target (4.00), and "48 instansi Memuaskan".
"""

from __future__ import annotations

import pandas as pd

SEED = 0

NASIONAL = "Nasional"
KALTIM = "Provinsi Kalimantan Timur"
BALIKPAPAN = "Kota Balikpapan"

INDEKS = "Indeks SPBE"

# publisher, document, date, address
KEPMEN_1503_2021 = (
    "Kementerian PANRB",
    "Keputusan MenPAN-RB No. 1503 Tahun 2021 tentang Hasil Evaluasi SPBE pada Kementerian, Lembaga, dan "
    "Pemerintah Daerah Tahun 2021; siaran pers \"Sembilan Instansi Pemerintah Raih Predikat Sangat Baik "
    "Evaluasi SPBE 2021\" (dimuat ulang Pemkab Belitung)",
    "2021", "https://spbe.belitung.go.id/?p=1630")
KEPMEN_13_2024 = (
    "Kementerian PANRB",
    "Keputusan MenPAN-RB No. 13 Tahun 2024 tentang hasil evaluasi SPBE 2023, diumumkan Menteri PANRB "
    "Abdullah Azwar Anas selaku Ketua Tim Koordinasi SPBE Nasional (Obsession News)",
    "2024-01",
    "https://www.obsessionnews.com/kementerian-panrb-umumkan-hasil-evaluasi-spbe-tahun-2023-24-instansi-"
    "pemerintah-pusat-dan-daerah-peroleh-predikat-memuaskan")
LAPORAN_2024_SEKUNDER = (
    "Kementerian PANRB (dikutip sumber sekunder)",
    "Laporan Pelaksanaan Evaluasi SPBE 2024, sebagaimana dikutip berkas uji sebuah proyek publik di GitHub; "
    "penunjuk ke laporan, bukan kutipan langsung",
    "2025-03-13", "")
KALTIM_2026 = (
    "Pemerintah Provinsi Kalimantan Timur",
    "Paparan Sekda Kaltim Sri Wahyuni pada webinar LAN dan BPSDM Kaltim (pranala.co)",
    "2026-02-18", "https://pranala.co/spbe-kaltim-meningkat-tiga-tahun-berturut-turut-kini-sentuh-413")
BALIKPAPAN_9229 = (
    "Pemerintah Kota Balikpapan",
    "Berita Pemkot Balikpapan no. 9229 (keterangan Kadiskominfo tentang hasil evaluasi SPBE)",
    "2023-03-28", "https://web.balikpapan.go.id/berita/read/9229")

COLUMNS = ["tahun", "wilayah", "lingkup", "jenis", "indeks", "predikat", "jumlah_instansi", "keyakinan",
           "catatan", "sumber_penerbit", "sumber_dokumen", "sumber_tanggal", "sumber_alamat"]

# tahun, wilayah, lingkup, jenis, indeks, predikat, jumlah_instansi, keyakinan, catatan, source
ROWS = [
    # national index
    (2018, NASIONAL, INDEKS, "capaian", 1.98, None, None, "S",
     "Dinilai sebelum PermenPAN-RB 59/2020 terbit, dengan kerangka evaluasi yang lebih lama",
     LAPORAN_2024_SEKUNDER),
    (2021, NASIONAL, INDEKS, "capaian", 2.24, None, 517, "V",
     "517 instansi: 92 kementerian/lembaga dan 425 pemerintah daerah; 9 meraih predikat Sangat Baik; "
     "target nasional 2,6 pada 2025", KEPMEN_1503_2021),
    (2023, NASIONAL, INDEKS, "capaian", 2.79, "Baik", 621, "V",
     "24 instansi meraih predikat Memuaskan", KEPMEN_13_2024),
    (2024, NASIONAL, INDEKS, "capaian", 3.12, None, 615, "S",
     "Jumlah 615 instansi tercatat dalam Keputusan MenPAN-RB No. 663/2024 (31 Desember 2024) [V]; "
     "nilai indeks 3,12 hanya dari sumber sekunder", LAPORAN_2024_SEKUNDER),
    # national domain scores, 2024
    (2024, NASIONAL, "Domain Layanan", "capaian", 3.78, None, None, "S",
     "Domain dengan nilai tertinggi", LAPORAN_2024_SEKUNDER),
    (2024, NASIONAL, "Domain Manajemen", "capaian", 1.86, None, None, "S",
     "Domain dengan nilai terendah", LAPORAN_2024_SEKUNDER),
    # Provinsi Kalimantan Timur
    (2023, KALTIM, INDEKS, "capaian", 2.91, None, None, "V", None, KALTIM_2026),
    (2024, KALTIM, INDEKS, "capaian", 3.79, "Sangat Baik", None, "V", None, KALTIM_2026),
    (2025, KALTIM, INDEKS, "capaian", 4.13, None, None, "V",
     "Hasil pemantauan 2025, dirilis Tim Koordinasi SPBE Nasional 7 Januari 2026", KALTIM_2026),
    # Kota Balikpapan
    (2021, BALIKPAPAN, INDEKS, "capaian", 2.44, None, None, "V",
     "Turun dari 3,17 ketika kerangka 47 indikator mulai dipakai (berita Pemkot Balikpapan no. 8814, "
     "18 Februari 2022)", BALIKPAPAN_9229),
    (2022, BALIKPAPAN, INDEKS, "capaian", 3.05, "Baik", None, "V",
     "Tertinggi di Kalimantan Timur pada tahun itu", BALIKPAPAN_9229),
    (2022, BALIKPAPAN, INDEKS, "target", 3.10, None, None, "V", "Target kota, bukan capaian", BALIKPAPAN_9229),
    (2022, BALIKPAPAN, "Aspek Perencanaan Strategis SPBE", "capaian", 1.75, None, None, "V",
     "Salah satu aspek terlemah 2022", BALIKPAPAN_9229),
    (2022, BALIKPAPAN, "Aspek Penerapan Manajemen SPBE", "capaian", 1.75, None, None, "V",
     "Salah satu aspek terlemah 2022", BALIKPAPAN_9229),
    (2022, BALIKPAPAN, "Aspek Audit TIK", "capaian", 1.0, None, None, "V",
     "Salah satu aspek terlemah 2022", BALIKPAPAN_9229),
    (2023, BALIKPAPAN, INDEKS, "target", 3.20, None, None, "V",
     "Target kota (\"paling tidak 3,2\"), bukan capaian", BALIKPAPAN_9229),
]

WILAYAH_ORDER = {NASIONAL: 0, KALTIM: 1, BALIKPAPAN: 2}


def generate(seed: int) -> pd.DataFrame:
    """Return the published figures (``seed`` is ignored: nothing here is random)."""
    frame = pd.DataFrame.from_records([(*row[:-1], *row[-1]) for row in ROWS], columns=COLUMNS)
    frame["jumlah_instansi"] = pd.array(frame["jumlah_instansi"].tolist(), dtype="Int64")
    order = frame["wilayah"].map(WILAYAH_ORDER)
    frame = frame.assign(_w=order).sort_values(["_w", "tahun"], kind="mergesort")
    frame = frame.drop(columns="_w").reset_index(drop=True)
    frame["sumber"] = [citation(*source) for source in
                       frame[["sumber_penerbit", "sumber_dokumen", "sumber_tanggal", "sumber_alamat"]].itertuples(index=False)]
    return frame


def citation(penerbit: str, dokumen: str, tanggal: str, alamat: str) -> str:
    """One line an official can quote: publisher, document, date (and address where there is one)."""
    return f"{penerbit}, {dokumen}, {tanggal}" + (f", {alamat}" if alamat else "")
