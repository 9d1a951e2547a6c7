"""Synthetic SPBE self-assessment of the agencies (OPD) of a fictional city, 2021-2025 (``indeks_spbe``).

The fictional "Pemerintah Kota Contoh" runs an internal self-assessment of its regional agencies
(organisasi perangkat daerah, OPD) with the instrument of PermenPAN-RB 59/2020: 4 domains,
8 aspects, 47 indicators, each scored at a capability level 1-5. (The official evaluation scores a
whole government body; scoring each OPD separately is a course construction.)

Three files, main table first:

* ``indeks_spbe.csv``: one row per (tahun, kode_opd, nomor_indikator) with the level ``tingkat``.
  An agency that was not assessed in a year simply has no rows for that year (no NaNs).
* ``indikator_spbe.csv``: the 47 indicators with domain, aspect and weights. Domain and aspect
  weights are the ones in the course brief; each aspect's weight is split equally over its
  indicators (the course's assumption: the official formula text was not found).
* ``indeks_spbe_jawaban.csv``: the answer key, one row per assessed agency-year: the index
  (weighted average of the levels with ``bobot_indikator``), its predicate, and the four domain
  indices (each domain's weighted average of its own indicators), all rounded to 2 decimals;
  the predicate is taken from the unrounded index.

How the levels are drawn, all from one ``numpy.random.default_rng(seed)`` in a fixed order:

* every agency has a starting maturity and a yearly growth rate; every indicator has an offset
  (Layanan high, Manajemen low, Audit TIK lowest), agencies have their own strong and weak
  domains and a persistent per-indicator quirk, and each year adds a little noise;
* a few city-wide rollouts lift one indicator for every agency from a given year (an archive
  application, a service bus, an open-data portal), and agencies that own a function (finance,
  staffing, planning, ICT) score higher on the indicators about it;
* levels are sticky: most of the time an indicator does not fall below last year's level,
  except in a planted "regression" year; two agencies jump after a reform;
* four agency-years are not assessed;
* the weighted sum is kept off exact rounding ties and exact predicate boundaries (one level is
  nudged when that happens), so that any rounding rule reproduces the answer key.

No ``hash()``, set iteration, clock or global random state is used.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SEED = 20250859

YEARS = [2021, 2022, 2023, 2024, 2025]

# --------------------------------------------------------------------------------------
# the instrument: domains, aspects, indicators and weights (percent)
# --------------------------------------------------------------------------------------

DOMAINS = {1: "Kebijakan Internal", 2: "Tata Kelola", 3: "Manajemen", 4: "Layanan"}
DOMAIN_WEIGHT = {1: 13.0, 2: 25.0, 3: 16.5, 4: 45.5}

# (domain, aspect, aspect weight, confidence of the weight, first indicator, last indicator)
ASPECTS = [
    (1, "Kebijakan Internal Tata Kelola SPBE", 13.0, "S", 1, 10),
    (2, "Perencanaan Strategis SPBE", 10.0, "S", 11, 14),
    (2, "Teknologi Informasi dan Komunikasi", 10.0, "S", 15, 18),
    (2, "Penyelenggara SPBE", 5.0, "S", 19, 20),
    (3, "Penerapan Manajemen SPBE", 12.0, "S", 21, 28),
    (3, "Audit TIK", 4.5, "S", 29, 31),
    (4, "Layanan Administrasi Pemerintahan Berbasis Elektronik", 27.5, "V", 32, 41),
    (4, "Layanan Publik Berbasis Elektronik", 18.0, "V", 42, 47),
]

# indicator -> (name, confidence of the name, offset of its level from the agency's maturity)
# Names 1-20 are short descriptive names (R); 21-44 follow items the brief lists, but their
# numbering and exact wording are the course's (S); 45-47 are placeholders for sector services (R).
INDICATORS = {
    1: ("Kebijakan internal Arsitektur SPBE", "R", -0.3),
    2: ("Kebijakan internal Peta Rencana SPBE", "R", -0.3),
    3: ("Kebijakan internal Manajemen Data", "R", -0.4),
    4: ("Kebijakan internal Pembangunan Aplikasi SPBE", "R", 0.1),
    5: ("Kebijakan internal Layanan Pusat Data", "R", -0.2),
    6: ("Kebijakan internal Layanan Jaringan Intra", "R", 0.0),
    7: ("Kebijakan internal Penggunaan Sistem Penghubung Layanan", "R", -0.5),
    8: ("Kebijakan internal Manajemen Keamanan Informasi", "R", -0.2),
    9: ("Kebijakan internal Audit TIK", "R", -0.9),
    10: ("Kebijakan internal Tim Koordinasi SPBE", "R", 0.6),
    11: ("Arsitektur SPBE", "R", -0.8),
    12: ("Peta Rencana SPBE", "R", -0.7),
    13: ("Keterpaduan rencana dan anggaran SPBE", "R", -0.1),
    14: ("Inovasi proses bisnis SPBE", "R", -0.4),
    15: ("Pembangunan aplikasi SPBE", "R", 0.1),
    16: ("Layanan pusat data", "R", -0.5),
    17: ("Layanan jaringan intra", "R", 0.0),
    18: ("Penggunaan sistem penghubung layanan", "R", -0.7),
    19: ("Tim koordinasi SPBE", "R", 0.2),
    20: ("Kolaborasi penerapan SPBE", "R", -0.5),
    21: ("Manajemen risiko SPBE", "S", -1.5),
    22: ("Manajemen keamanan informasi", "S", -1.0),
    23: ("Manajemen data", "S", -1.0),
    24: ("Manajemen aset TIK", "S", -0.9),
    25: ("Manajemen sumber daya manusia SPBE", "S", -0.8),
    26: ("Manajemen pengetahuan", "S", -1.4),
    27: ("Manajemen perubahan", "S", -1.4),
    28: ("Manajemen layanan SPBE", "S", -1.1),
    29: ("Audit infrastruktur SPBE", "S", -2.4),
    30: ("Audit aplikasi SPBE", "S", -2.2),
    31: ("Audit keamanan SPBE", "S", -2.5),
    32: ("Layanan perencanaan", "S", 0.8),
    33: ("Layanan penganggaran", "S", 0.8),
    34: ("Layanan keuangan", "S", 0.9),
    35: ("Layanan pengadaan barang/jasa", "S", 1.2),
    36: ("Layanan kepegawaian", "S", 0.8),
    37: ("Layanan kearsipan", "S", -0.4),
    38: ("Layanan pengelolaan barang milik daerah", "S", 0.4),
    39: ("Layanan pengawasan internal", "S", 0.0),
    40: ("Layanan akuntabilitas kinerja", "S", 0.6),
    41: ("Layanan kinerja pegawai", "S", 0.6),
    42: ("Layanan pengaduan publik", "S", 1.0),
    43: ("Layanan data terbuka", "S", 0.0),
    44: ("Layanan jaringan dokumentasi dan informasi hukum (JDIH)", "S", 0.4),
    45: ("Layanan publik sektor 1 (dipilih instansi)", "R", 0.5),
    46: ("Layanan publik sektor 2 (dipilih instansi)", "R", 0.3),
    47: ("Layanan publik sektor 3 (dipilih instansi)", "R", 0.1),
}

PREDICATES = [  # lower bound (inclusive) in units of 1/10000 of a level, predicate
    (42000, "Memuaskan"),
    (35000, "Sangat Baik"),
    (26000, "Baik"),
    (18000, "Cukup"),
    (0, "Kurang"),
]

# --------------------------------------------------------------------------------------
# the agencies
# --------------------------------------------------------------------------------------

# code, name, maturity in 2021, growth per year, own-function indicators (bonus), sector level shift
AGENCIES = [
    ("OPD-01", "Badan Perencanaan Pembangunan Daerah", 2.10, 0.28, (11, 12, 13, 14, 32, 33, 40), -0.4),
    ("OPD-02", "Dinas Kesehatan", 1.95, 0.30, (), 0.5),
    ("OPD-03", "Dinas Pendidikan dan Kebudayaan", 1.70, 0.25, (), 0.2),
    ("OPD-04", "Dinas Komunikasi dan Informatika", 2.45, 0.55,
     (5, 6, 7, 8, 15, 16, 17, 18, 19, 22, 23, 24, 29, 30, 31, 43), 0.0),
    ("OPD-05", "Dinas Kependudukan dan Pencatatan Sipil", 2.35, 0.32, (23, 28, 42), 1.0),
    ("OPD-06", "Badan Pengelolaan Keuangan dan Aset Daerah", 2.20, 0.29, (24, 33, 34, 35, 38), -0.2),
    ("OPD-07", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 2.15, 0.34, (28, 42), 1.0),
    ("OPD-08", "Dinas Pekerjaan Umum dan Penataan Ruang", 1.55, 0.20, (), -0.1),
    ("OPD-09", "Dinas Sosial", 1.45, 0.11, (), 0.3),
    ("OPD-10", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", 1.95, 0.28, (25, 26, 36, 41), -0.3),
    ("OPD-11", "Dinas Lingkungan Hidup", 1.50, 0.18, (), 0.0),
    ("OPD-12", "Inspektorat Daerah", 1.75, 0.21, (21, 29, 30, 31, 39, 40), -0.6),
    ("OPD-13", "Dinas Perhubungan", 1.55, 0.15, (), 0.0),
    ("OPD-14", "Satuan Polisi Pamong Praja", 1.00, 0.06, (), -0.5),
    ("OPD-15", "Dinas Koperasi, Usaha Mikro dan Perdagangan", 1.30, 0.16, (), 0.0),
]

OWN_FUNCTION_BONUS = 0.6

# agency -> (year from which a reform lifts every level, size of the lift)
REFORMS = {"OPD-09": (2023, 1.0), "OPD-15": (2024, 1.1)}
# agency -> (year of a one-off drop, size): evidence not renewed, a restructured unit, ...
REGRESSIONS = {"OPD-02": (2024, 0.8), "OPD-13": (2023, 0.7), "OPD-01": (2025, 0.5)}
# agency-years with no assessment at all
NOT_ASSESSED = {("OPD-14", 2021), ("OPD-11", 2022), ("OPD-03", 2023), ("OPD-13", 2025)}

# city-wide rollouts: indicator -> (first year, lift for every agency)
ROLLOUTS = {37: (2023, 1.2), 18: (2024, 0.8), 7: (2024, 0.6), 43: (2024, 0.8), 44: (2022, 0.5)}

# agency-by-domain spread, persistent indicator quirk, yearly noise, chance to keep last level
SD_DOMAIN = 0.30
SD_QUIRK = 0.40
SD_YEAR = 0.28
P_STICKY = 0.88


def _indicator_table() -> pd.DataFrame:
    rows = []
    for domain, aspect, weight, conf, first, last in ASPECTS:
        count = last - first + 1
        for number in range(first, last + 1):
            name, name_conf, _ = INDICATORS[number]
            rows.append({
                "nomor_indikator": number,
                "nama_indikator": name,
                "domain": DOMAINS[domain],
                "bobot_domain": DOMAIN_WEIGHT[domain],
                "aspek": aspect,
                "bobot_aspek": weight,
                "bobot_indikator": weight / count,
                "keyakinan": conf,
                "keyakinan_nama": name_conf,
            })
    table = pd.DataFrame(rows)
    assert abs(table["bobot_indikator"].sum() - 100.0) < 1e-9
    return table


def _weights_x100(table: pd.DataFrame) -> np.ndarray:
    """Indicator weights in hundredths of a percent, as exact integers (index 0 = indicator 1)."""
    return np.rint(table["bobot_indikator"].to_numpy() * 100).astype(np.int64)


def _predicate(total: int) -> str:
    for bound, name in PREDICATES:
        if total >= bound:
            return name
    raise AssertionError("unreachable")


def _awkward(total: int) -> bool:
    """True when sum(weight% * level) sits on a rounding tie or a predicate boundary."""
    return total % 100 == 50 or total in {b for b, _ in PREDICATES[:-1]}


def generate(seed: int) -> dict[str, pd.DataFrame]:
    """Return the three tables for ``seed`` (identical tables for identical seeds)."""
    rng = np.random.default_rng(seed)
    table = _indicator_table()
    w = _weights_x100(table)
    numbers = np.arange(1, 48)
    domain_of = np.array([int(d) for d in table["domain"].map({v: k for k, v in DOMAINS.items()})])
    offset = np.array([INDICATORS[n][2] for n in numbers])
    sector = numbers >= 45

    records = []
    answers = []
    for code, name, start, growth, own, sector_shift in AGENCIES:
        # persistent traits of the agency, drawn in a fixed order
        domain_effect = rng.normal(0.0, SD_DOMAIN, size=4)
        quirk = rng.normal(0.0, SD_QUIRK, size=47)
        growth_year = growth * np.exp(rng.normal(0.0, 0.35, size=len(YEARS)))  # uneven progress
        base = offset + domain_effect[domain_of - 1] + quirk
        base = base + np.where(np.isin(numbers, own), OWN_FUNCTION_BONUS, 0.0)
        base = base + np.where(sector, sector_shift, 0.0)

        previous = None
        maturity = start
        for k, year in enumerate(YEARS):
            if k > 0:
                maturity += growth_year[k]
            noise = rng.normal(0.0, SD_YEAR, size=47)
            sticky = rng.random(47) < P_STICKY
            latent = maturity + base + noise
            for number, (first_year, lift) in ROLLOUTS.items():
                if year >= first_year:
                    latent[number - 1] += lift
            if code in REFORMS and year >= REFORMS[code][0]:
                latent += REFORMS[code][1]
            regress = code in REGRESSIONS and year == REGRESSIONS[code][0]
            if regress:
                latent -= REGRESSIONS[code][1]
            level = np.clip(np.floor(latent + 0.5), 1, 5).astype(np.int64)
            if previous is not None and not regress:
                level = np.where(sticky, np.maximum(level, previous), level)

            # keep the weighted sum off rounding ties and predicate boundaries
            while _awkward(int((w * level).sum())):
                i = int(rng.integers(0, 47))
                step = 1 if level[i] < 5 and (level[i] == 1 or rng.random() < 0.5) else -1
                level[i] += step

            previous = level
            if (code, year) in NOT_ASSESSED:
                continue
            for number, lvl in zip(numbers, level):
                records.append((year, code, name, int(number), int(lvl)))
            total = int((w * level).sum())
            row = {"tahun": year, "kode_opd": code,
                   "indeks": (total + 50) // 100 / 100,
                   "predikat": _predicate(total)}
            for d in range(1, 5):
                mask = domain_of == d
                num = int((w[mask] * level[mask]).sum())
                den = int(w[mask].sum())
                # round half up on exact integers (ties cannot occur here, see the card)
                row[f"indeks_domain_{d}"] = ((num * 200 // den) + 1) // 2 / 100
            answers.append(row)

    main = pd.DataFrame.from_records(
        records, columns=["tahun", "kode_opd", "nama_opd", "nomor_indikator", "tingkat"])
    main = main.sort_values(["tahun", "kode_opd", "nomor_indikator"], kind="mergesort")
    key = pd.DataFrame(answers).sort_values(["tahun", "kode_opd"], kind="mergesort")
    return {
        "indeks_spbe.csv": main.reset_index(drop=True),
        "indikator_spbe.csv": table,
        "indeks_spbe_jawaban.csv": key.reset_index(drop=True),
    }
