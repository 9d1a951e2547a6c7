"""Synthetic residents of Balikpapan for the personal-data-protection lesson (``penduduk_sintetis``).

One row per invented resident: NIK, name, birth date, sex, kecamatan, kelurahan, occupation,
monthly income and one health field. Nobody in it exists. It is meant for masking,
pseudonymisation, generalisation and k-anonymity exercises.

The NIK follows the commonly described 16-digit structure (province 2 + city 2 + kecamatan 2 +
birth date DDMMYY with 40 added to the day for women + a 4-digit serial) but can never be a
real one: after the city prefix ``6471`` its kecamatan digits are 91..96, a range no kecamatan
of the city uses (it has six, numbered 01..06). :func:`nik_mungkin_asli` states the rule a
structurally plausible real NIK would meet; every NIK in the file fails it.

How the rows are made:

* age from a young-city population pyramid (invented shares), sex about even, birth date
  uniform within the birth year; reference date 2025-12-31;
* kecamatan with unequal weights, kelurahan within it from the illustrative reference list of
  ``integrasi_data`` (so the two sets can be joined);
* names from lists of common Indonesian given names and family-style names, combined at random
  in a style that depends on the birth cohort (single names for older people, two or three
  words for younger ones, a clan name for some); a short list of public figures' names is
  never produced;
* occupation (labels in the style of the KTP occupation field) from age and sex;
* income log-normal by occupation and age, rounded the way people report it (heaping on round
  millions), empty for children, most students and people without work, and more often
  refused by people who earn more;
* primary health condition whose prevalence rises with age, sometimes not filled in.

All draws come from one ``numpy.random.default_rng(seed)`` in a fixed order; no ``hash()``,
set iteration, clock or global random state.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..integrasi_data.generate import KECAMATAN, reference

SEED = 20251130

N_ROWS = 4800
REFERENCE_DATE = np.datetime64("2025-12-31")
CITY = "6471"
# the NIK's kecamatan digits: 90 + the kecamatan number, a range no kecamatan uses
FAKE_KECAMATAN = {kec: f"{90 + int(kec)}" for kec in KECAMATAN}

KECAMATAN_P = {"01": 0.115, "02": 0.125, "03": 0.245, "04": 0.150, "05": 0.130, "06": 0.235}

# share of residents per 5-year age group 0-4 .. 90-94 (invented, young and working-age heavy)
AGE_GROUP_SHARE = np.array([8.0, 8.2, 8.0, 7.8, 8.3, 8.9, 9.0, 8.4, 7.6, 6.6, 5.6, 4.5, 3.4,
                            2.4, 1.5, 0.9, 0.5, 0.25, 0.1])

# --------------------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------------------

GIVEN = {
    # born before 1970
    ("old", "L"): ["Sukardi", "Sutrisno", "Sumarno", "Paiman", "Suparman", "Slamet", "Mulyadi",
                   "Abdul", "Rahmat", "Syamsul", "Darmawan", "Hasanuddin", "Jumadi", "Kasim",
                   "Bahrudin", "Yohanes", "Petrus", "Herman", "Ismail", "Baharuddin", "Sudarto",
                   "Mansyur", "Ambo", "Muhammad", "Tarmizi", "Wagiman", "Nurdin", "Salim"],
    ("old", "P"): ["Suparmi", "Sumarni", "Tukiyem", "Ponirah", "Siti", "Aminah", "Rukmini",
                   "Juariah", "Fatimah", "Hasnah", "Sarinah", "Maria", "Martha", "Rosmiati",
                   "Sulastri", "Kartini", "Halimah", "Nurhayati", "Rahmah", "Sumiati", "Hadijah",
                   "Samsiah", "Murni", "Salmah", "Endang", "Jamilah"],
    # born 1970-1994
    ("mid", "L"): ["Agus", "Budi", "Hendra", "Joko", "Rudi", "Andi", "Eko", "Dedi", "Ahmad",
                   "Muhammad", "Irwan", "Fajar", "Yusuf", "Arif", "Heri", "Dani", "Wahyu",
                   "Rizal", "Iwan", "Taufik", "Bayu", "Ardiansyah", "Syahrul", "Indra", "Dimas",
                   "Reza", "Yosef", "Stefanus", "Robert", "Hendrik", "Fauzi", "Ilham", "Anton"],
    ("mid", "P"): ["Sri", "Dewi", "Rina", "Yuli", "Nur", "Siti", "Fitri", "Ratna", "Wati",
                   "Lina", "Eka", "Dian", "Maya", "Novi", "Ani", "Desi", "Rini", "Indah", "Tuti",
                   "Lilis", "Nining", "Yanti", "Erna", "Wulan", "Ira", "Mega", "Agustina",
                   "Veronika", "Herlina", "Susi", "Rahmawati", "Nurul"],
    # born 1995 or later
    ("new", "L"): ["Muhammad", "Rizky", "Fadli", "Alif", "Raka", "Aditya", "Farhan", "Rafi",
                   "Naufal", "Arkan", "Azka", "Kevin", "Dafa", "Bima", "Fikri", "Galih", "Haikal",
                   "Ilyas", "Kenzo", "Rayhan", "Zidan", "Abimanyu", "Keenan", "Yoga", "Aldi",
                   "Gilang", "Daffa", "Hafiz", "Satria", "Nathan", "Jonathan", "Arya"],
    ("new", "P"): ["Aisyah", "Nabila", "Putri", "Salsabila", "Zahra", "Alya", "Keisha", "Nadia",
                   "Aulia", "Kirana", "Syifa", "Anisa", "Cantika", "Dinda", "Fira", "Intan",
                   "Laila", "Naura", "Qeisya", "Rania", "Shafa", "Tiara", "Vania", "Zaskia",
                   "Amelia", "Bunga", "Cahaya", "Jessica", "Gabriela", "Nayla", "Hana"],
}
MIDDLE = {
    "L": ["Nur", "Eko", "Adi", "Dwi", "Tri", "Putra", "Rizki", "Wahyu", "Arif", "Ilham", "Fajar",
          "Surya", "Bagus", "Agung", "Hadi", "Akbar", "Maulana", "Dimas"],
    "P": ["Ayu", "Dwi", "Tri", "Nur", "Putri", "Sri", "Dewi", "Indah", "Puspa", "Ratna", "Intan",
          "Kartika", "Aulia", "Eka", "Nurul", "Permata"],
}
LAST = {  # second words that read as "surnames" although most Indonesians have none
    "L": ["Santoso", "Wibowo", "Saputra", "Pratama", "Hidayat", "Setiawan", "Kurniawan", "Nugroho",
          "Susanto", "Purnomo", "Hartono", "Wijaya", "Gunawan", "Syahputra", "Ramadhan",
          "Firmansyah", "Maulana", "Hakim", "Rahman", "Prasetyo", "Sembiring", "Effendi",
          "Darmawan", "Hermawan", "Kusuma", "Halim", "Siswanto", "Rusdi", "Syaputra", "Alamsyah"],
    "P": ["Lestari", "Wulandari", "Rahmawati", "Handayani", "Susanti", "Sari", "Puspitasari",
          "Anggraini", "Permatasari", "Oktaviani", "Safitri", "Utami", "Kusumawati", "Rahayu",
          "Fitriani", "Yuliani", "Damayanti", "Novitasari", "Purwanti", "Ramadhani", "Amalia",
          "Pertiwi", "Fadilah", "Maharani", "Kurniasih", "Hasanah", "Wijayanti", "Nuraini"],
}
CLAN = ["Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sitompul", "Panjaitan",
        "Hutapea", "Sinaga", "Manurung", "Situmorang", "Tambunan", "Pardede", "Ginting",
        "Tarigan", "Sembiring", "Daulay", "Rangkuti", "Wowor", "Lumentut", "Sondakh", "Rumengan",
        "Pasaribu", "Tandiayu", "Palinggi", "Sampe", "Rante", "Marpaung"]
# first words some families use
PREFIX_L = ["Andi", "La", "Muhammad", "M.", "Muh."]
PREFIX_P = ["Andi", "Wa", "Siti", "Nur"]

# public figures' names that must never be produced (lower case, whole name or its start)
BLOCKED = ["joko widodo", "prabowo subianto", "susilo bambang", "megawati", "sri mulyani",
           "anies baswedan", "ganjar pranowo", "ridwan kamil", "gibran", "agus harimurti",
           "basuki tjahaja", "puan maharani", "mahfud", "maruf amin", "jusuf kalla", "habibie",
           "soekarno", "soeharto", "abdurrahman wahid", "iwan fals", "raisa"]


def _pick(rng: np.random.Generator, options: list[str]) -> str:
    return options[int(rng.integers(0, len(options)))]


# given names that rarely stand alone, and names that never take the prefixes above
NOT_ALONE = {"Muhammad", "Siti", "Nur", "Sri", "Abdul", "Andi", "Eka", "Dwi", "Ambo"}
NO_PREFIX = {"Yohanes", "Petrus", "Maria", "Martha", "Yosef", "Stefanus", "Robert", "Hendrik",
             "Veronika", "Agustina", "Jonathan", "Nathan", "Jessica", "Gabriela", "Kevin",
             "Herman", "Anton", "Kenzo"}


def _name(rng: np.random.Generator, sex: str, year: int) -> str:
    cohort = "old" if year < 1970 else ("mid" if year < 1995 else "new")
    while True:
        words = [_pick(rng, GIVEN[(cohort, sex)])]
        r = rng.random()
        single = {"old": 0.45, "mid": 0.22, "new": 0.06}[cohort]
        if r < single and words[0] in NOT_ALONE:
            r = single + 0.5
        if r < single:
            pass
        elif r < single + 0.10 and words[0] not in NO_PREFIX:  # a family prefix first
            words.insert(0, _pick(rng, PREFIX_L if sex == "L" else PREFIX_P))
        if r >= single:
            if cohort == "new" and rng.random() < 0.45:
                words.append(_pick(rng, MIDDLE[sex]))
            s = rng.random()
            if s < 0.14:
                words.append(_pick(rng, CLAN))
            elif s < 0.93:
                words.append(_pick(rng, LAST[sex]))
        # no word twice, "Siti Siti" or "Muhammad M." and the like
        stems = ["muh" if w in ("M.", "Muh.") else w.lower()[:3] for w in words]
        if len(set(stems)) < len(stems):
            continue
        name = " ".join(words)
        if not any(name.lower().startswith(b) or f" {b}" in name.lower() for b in BLOCKED):
            return name


# --------------------------------------------------------------------------------------
# NIK
# --------------------------------------------------------------------------------------

def _date_part(day: int, month: int, year: int, sex: str) -> str:
    return f"{day + (40 if sex == 'P' else 0):02d}{month:02d}{year % 100:02d}"


def nik_mungkin_asli(nik: str) -> bool:
    """True only if ``nik`` has the structure of a real NIK of Kota Balikpapan.

    16 digits; prefix 6471 (province 64, city 71); kecamatan 01..06; digits 7-12 a valid date
    DDMMYY where women's days have 40 added (so the day is 01-31 or 41-71 and must exist in that
    month for some year 19YY or 20YY); serial (last 4 digits) not 0000. Every NIK in this
    dataset returns False, because its kecamatan digits are 91..96.
    """
    if not isinstance(nik, str) or len(nik) != 16 or not nik.isdigit():
        return False
    if nik[:4] != CITY or not 1 <= int(nik[4:6]) <= 6:
        return False
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return False
    for century in (1900, 2000):
        try:
            pd.Timestamp(year=century + yy, month=month, day=day)
            break
        except ValueError:
            continue
    else:
        return False
    return nik[12:] != "0000"


# --------------------------------------------------------------------------------------
# occupation, income, health
# --------------------------------------------------------------------------------------

JOBS = ["Pelajar/Mahasiswa", "Belum/Tidak Bekerja", "Mengurus Rumah Tangga", "Karyawan Swasta",
        "Wiraswasta", "Pegawai Negeri Sipil", "TNI/Polri", "Karyawan BUMN", "Buruh Harian Lepas",
        "Pedagang", "Nelayan", "Sopir", "Guru", "Tenaga Kesehatan", "Pensiunan"]

# relative weights per job (order of JOBS) for working ages, by sex
WORK_L = [0, 5, 0.3, 30, 17, 6, 3.5, 4, 12, 6, 2.5, 5, 2.5, 1.5, 0]
WORK_P = [0, 9, 34, 18, 10, 6, 0.6, 2, 3, 8, 0.2, 0.1, 5.5, 4.5, 0]
YOUNG = [40, 20, 4, 18, 5, 1, 1.5, 1, 6, 3, 0.5, 1, 0.3, 0.7, 0]  # 18-24
OLD_L = [0, 12, 1, 4, 18, 1, 0, 0, 3, 7, 2, 1, 0.5, 0.3, 50]  # 60+
OLD_P = [0, 10, 45, 1, 8, 0.5, 0, 0, 1, 7, 0, 0, 0.3, 0.2, 27]

# median monthly income in rupiah (invented) and log-spread per job
INCOME = {
    "Karyawan Swasta": (4.6e6, 0.45), "Wiraswasta": (4.2e6, 0.85),
    "Pegawai Negeri Sipil": (5.4e6, 0.30), "TNI/Polri": (5.6e6, 0.28),
    "Karyawan BUMN": (8.5e6, 0.45), "Buruh Harian Lepas": (2.5e6, 0.35),
    "Pedagang": (3.1e6, 0.65), "Nelayan": (2.7e6, 0.55), "Sopir": (3.3e6, 0.35),
    "Guru": (3.4e6, 0.60), "Tenaga Kesehatan": (4.9e6, 0.45), "Pensiunan": (3.0e6, 0.50),
    "Mengurus Rumah Tangga": (1.2e6, 0.6), "Belum/Tidak Bekerja": (0.9e6, 0.6),
    "Pelajar/Mahasiswa": (0.8e6, 0.5),
}
# chance that the income is simply not there (no income of one's own)
NO_INCOME = {"Mengurus Rumah Tangga": 0.85, "Belum/Tidak Bekerja": 0.88, "Pelajar/Mahasiswa": 0.94}

CONDITIONS = ["Hipertensi", "Diabetes melitus", "Asma", "Penyakit jantung", "Stroke", "TBC",
              "Gagal ginjal"]


def _job(rng: np.random.Generator, age: int, sex: str) -> str:
    if age < 5:
        return "Belum/Tidak Bekerja"
    if age < 18:
        return "Pelajar/Mahasiswa" if rng.random() < 0.97 or age < 15 else "Belum/Tidak Bekerja"
    if age < 25:
        w = np.array(YOUNG, dtype=float)
        if sex == "L":
            w[2] = 0.2
    elif age < 60:
        w = np.array(WORK_L if sex == "L" else WORK_P, dtype=float)
        if age >= 55:
            w[14] = 8.0  # early retirement
    else:
        w = np.array(OLD_L if sex == "L" else OLD_P, dtype=float)
    return JOBS[int(rng.choice(len(JOBS), p=w / w.sum()))]


def _round_like_people(rng: np.random.Generator, x: float) -> int:
    r = rng.random()
    step = 1_000_000 if r < 0.22 else (500_000 if r < 0.50 else (100_000 if r < 0.92 else 50_000))
    return int(max(step, round(x / step) * step))


def _income(rng: np.random.Generator, job: str, age: int) -> int | None:
    if age < 15:
        return None
    median, spread = INCOME[job]
    if rng.random() < NO_INCOME.get(job, 0.0):
        return None
    experience = 1.0 + 0.5 * np.clip((age - 22) / 30.0, 0.0, 1.0) if job != "Pensiunan" else 1.0
    x = median * experience * np.exp(spread * rng.standard_normal())
    if age >= 65 and job != "Pensiunan":
        x *= 0.6  # older people still at work mostly run small businesses
    # refusals: more often among those who earn more
    refuse = 0.04 + 0.10 * (x > 8e6) + 0.06 * (job == "Wiraswasta")
    if rng.random() < refuse:
        return None
    return _round_like_people(rng, x)


def _condition(rng: np.random.Generator, age: int) -> str | None:
    if rng.random() < 0.07:
        return None  # not filled in
    a = max(0.0, age - 30.0)
    p = np.array([
        0.0055 * a,  # hypertension rises steadily
        0.0022 * a,  # diabetes
        0.035,  # asthma, at any age
        0.0012 * max(0.0, age - 45.0),  # heart disease
        0.0009 * max(0.0, age - 50.0),  # stroke
        0.004,  # tuberculosis
        0.0005 * max(0.0, age - 40.0),  # kidney failure
    ])
    if age < 15:
        p[[0, 1, 3, 4, 6]] = 0.0
    for k in range(len(CONDITIONS)):
        if rng.random() < p[k]:
            return CONDITIONS[k]
    return "Tidak ada"


# --------------------------------------------------------------------------------------
# the frame
# --------------------------------------------------------------------------------------

def generate(seed: int) -> pd.DataFrame:
    """Return the resident frame for ``seed`` (identical frames for identical seeds)."""
    rng = np.random.default_rng(seed)
    ref = reference()
    kec_codes = list(KECAMATAN)
    kec_p = np.array([KECAMATAN_P[k] for k in kec_codes])
    # unequal kelurahan sizes inside each kecamatan
    kel_by_kec = {k: ref.loc[ref.kode_kecamatan == CITY + k, "nama_kelurahan"].tolist()
                  for k in kec_codes}
    kel_p = {k: rng.dirichlet(np.full(len(kel_by_kec[k]), 4.0)) for k in kec_codes}

    ref_year = int(str(REFERENCE_DATE)[:4])
    group_p = AGE_GROUP_SHARE / AGE_GROUP_SHARE.sum()
    used_serials: dict[str, set] = {}
    records = []
    for _ in range(N_ROWS):
        age_group = int(rng.choice(len(group_p), p=group_p))
        age = 5 * age_group + int(rng.integers(0, 5))
        year = ref_year - age
        day_of_year = int(rng.integers(0, 365 + (year % 4 == 0)))
        birth = np.datetime64(f"{year}-01-01") + np.timedelta64(day_of_year, "D")
        sex = "L" if rng.random() < 0.512 else "P"
        kec = kec_codes[int(rng.choice(len(kec_codes), p=kec_p))]
        kel = kel_by_kec[kec][int(rng.choice(len(kel_p[kec]), p=kel_p[kec]))]
        y, m, d = (int(x) for x in str(birth).split("-"))
        age_now = ref_year - y  # the reference date is 31 December

        prefix = CITY + FAKE_KECAMATAN[kec] + _date_part(d, m, y, sex)
        taken = used_serials.setdefault(prefix, set())
        while True:
            # serials are mostly small numbers, as they are handed out in order
            serial = int(min(9999, 1 + rng.geometric(1 / 60.0)))
            if serial not in taken:
                break
        taken.add(serial)

        job = _job(rng, age_now, sex)
        records.append((prefix + f"{serial:04d}", _name(rng, sex, y), str(birth), sex,
                        KECAMATAN[kec], kel, job, _income(rng, job, age_now),
                        _condition(rng, age_now)))

    frame = pd.DataFrame.from_records(records, columns=[
        "nik", "nama", "tanggal_lahir", "jenis_kelamin", "kecamatan", "kelurahan", "pekerjaan",
        "penghasilan_bulanan", "riwayat_penyakit"])
    frame["tanggal_lahir"] = pd.to_datetime(frame["tanggal_lahir"], format="%Y-%m-%d")
    frame["penghasilan_bulanan"] = pd.array(frame["penghasilan_bulanan"].tolist(), dtype="Int64")
    return frame
