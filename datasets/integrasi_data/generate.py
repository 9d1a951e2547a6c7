"""Two agency tables about the same kelurahan and the reference codes that join them (``integrasi_data``).

A synthetic exercise for Satu Data Indonesia (reference codes / master data). Four files:

* ``kode_wilayah.csv`` (main table): the reference list of 30 illustrative kelurahan in the six
  kecamatan of Balikpapan, one canonical 10-digit code each (``6471`` + kecamatan ``01``..``06`` +
  a 4-digit kelurahan number). The kecamatan numbering is alphabetical and illustrative, not
  the official Kemendagri or BPS numbering; the kelurahan names are invented.
* ``data_dinas_a.csv``: a health office's list of posyandu, one row per posyandu, with dotted
  codes ("64.71.01.1001"), names in capitals or with a "Kel." prefix, abbreviations and typos,
  ``dd/mm/yyyy`` date strings (plus a few other spellings), duplicated entries and a few
  posyandu in kelurahan that the reference does not know.
* ``data_dinas_b.csv``: a second office's half-year recap per kelurahan (2024, two semesters),
  with codes that lost their dots, lost the zero of the kecamatan number, were saved as
  numbers by a spreadsheet, or name only the kecamatan; names with odd spacing and
  abbreviations; dates as ISO strings or Indonesian text ("12 Maret 2024").
* ``data_bps.csv``: a statistics table about the same kelurahan keyed by BPS-style codes
  (``6471`` + a 3-digit kecamatan + a 3-digit kelurahan, numbered in another order than the
  reference), names in capitals, written the statistics office's way, and one kelurahan the
  reference does not have yet. Learners build a Kemendagri-BPS crosswalk from names to use it.
* ``kunci_pencocokan.csv``: the answer key, one row per agency row: the reference code it
  belongs to (empty when it cannot be matched), how it can be matched (by its code after
  standardising, or only by its name) and, for duplicates, the row it repeats.

Every row is first made clean from the reference and then damaged on purpose. A row whose
code is damaged beyond repair keeps a name that a careful learner can still recognise, so
that about nine in ten rows of each agency table can be matched and the rest (kelurahan
missing from the reference, a housing estate written where the kelurahan should be) must be
reported as unmatched.

All draws come from one ``numpy.random.default_rng(seed)`` in a fixed order; no ``hash()``,
set iteration, clock or global random state. ``data_bps.csv`` draws from its own generator
(seeded from ``seed`` and 2), so adding it left the other four files byte for byte as they were.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SEED = 20251129

CITY = "6471"

# kecamatan number -> name; alphabetical numbering, illustrative only
KECAMATAN = {
    "01": "Balikpapan Barat",
    "02": "Balikpapan Kota",
    "03": "Balikpapan Selatan",
    "04": "Balikpapan Tengah",
    "05": "Balikpapan Timur",
    "06": "Balikpapan Utara",
}

# invented kelurahan names per kecamatan (numbered 1001, 1002, ... in this order)
KELURAHAN_NAMES = {
    "01": ["Teluk Seroja", "Tanjung Harapan Ulu", "Tanjung Harapan Ilir", "Gunung Pelita",
           "Sungai Rambai"],
    "02": ["Pelabuhan Indah", "Dermaga Jaya", "Sumber Rukun", "Bukit Cendana", "Karang Kemuning"],
    "03": ["Pantai Nyiur", "Sungai Bambu", "Sungai Bambu Baru", "Mekar Sentosa", "Telaga Biru",
           "Gunung Kenanga"],
    "04": ["Gunung Rindang", "Damar Wangi", "Sido Rukun", "Karang Melati"],
    "05": ["Muara Bening", "Pantai Lestari", "Tanjung Kelapa", "Sungai Meranti", "Wono Asri"],
    "06": ["Gunung Asri", "Batu Pelangi", "Sungai Nipah", "Karang Sejahtera", "Harapan Mulya"],
}


def reference() -> pd.DataFrame:
    """The reference table (also used by ``penduduk_sintetis``)."""
    rows = []
    for kec, names in KELURAHAN_NAMES.items():
        for i, name in enumerate(names, start=1):
            rows.append((f"{CITY}{kec}{1000 + i}", name, f"{CITY}{kec}", KECAMATAN[kec]))
    return pd.DataFrame(rows, columns=["kode_kelurahan", "nama_kelurahan", "kode_kecamatan",
                                       "nama_kecamatan"])


# kelurahan that the agencies know but the reference does not (new, renamed, or not a kelurahan)
UNKNOWN_A = [  # (written code, written name, puskesmas, posyandu count)
    ("64.71.06.1009", "KEL. GIRI MULYO", "Puskesmas Gunung Asri", 3),
    ("64.71.07.1002", "Kel. Bukit Damai", "Puskesmas Pelabuhan Indah", 2),
    ("", "PERUM GRIYA PERMAI", "Puskesmas Pantai Nyiur", 2),
    ("64.71.03", "Kampung Baru Laut", "Puskesmas Pantai Nyiur", 1),
    ("64.71.06.1006", "KEL. SUNGAI NIPAH BARU", "Puskesmas Sungai Nipah", 2),
    ("", "-", "Puskesmas Teluk Seroja", 1),
]
UNKNOWN_B = [  # (written code, written name, kecamatan as written, semesters)
    ("6471061009", "Giri Mulyo", "Balikpapan Utara", (1, 2)),
    ("", "Bukit Damai", "Bpp. Kota", (2,)),
    ("647103", "Perumahan Korpri", "Balikpapan Selatan", (1,)),
    ("647106", "Sungai Nipah Baru", "Bpp Utara", (2,)),
]

POSYANDU_WORDS = ["Melati", "Mawar", "Anggrek", "Kenanga", "Dahlia", "Cempaka", "Teratai",
                  "Flamboyan", "Seroja", "Anyelir", "Kemuning", "Bougenvil", "Tunas Harapan",
                  "Balita Ceria", "Permata Bunda", "Kasih Ibu", "Bina Sehat", "Sayang Ibu",
                  "Pelangi", "Nusa Indah", "Asoka", "Lestari", "Harapan Bunda", "Srikandi"]
ROMAN = ["I", "II", "III", "IV", "V"]

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]
BULAN_PENDEK = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]

# the abbreviations people write for the first word of a name
ABBREV = {
    "Sungai": ["Sei", "Sei.", "Sg.", "S."],
    "Gunung": ["Gn.", "Gn", "G."],
    "Tanjung": ["Tj.", "Tg.", "Tj"],
    "Karang": ["Krg.", "Krg"],
    "Pelabuhan": ["Pel."],
    "Pantai": ["Pt."],
}
KECAMATAN_WRITTEN = {  # how the second office writes "Balikpapan X"
    "plain": "Balikpapan {x}", "upper": "BALIKPAPAN {X}", "bpp": "Bpp {x}", "bppdot": "Bpp. {x}",
    "bpn": "BPN {x}", "short": "{x}",
}


# --------------------------------------------------------------------------------------
# small text damages
# --------------------------------------------------------------------------------------

def _typo(rng: np.random.Generator, word: str) -> str:
    """One slip of the keyboard inside a word (never its first letter)."""
    if len(word) < 5:
        return word
    i = int(rng.integers(1, len(word) - 1))
    kind = int(rng.integers(0, 4))
    if kind == 0:  # dropped letter
        return word[:i] + word[i + 1:]
    if kind == 1:  # doubled letter
        return word[:i] + word[i] + word[i:]
    if kind == 2:  # swapped neighbours
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    vowels = "aiueo"  # wrong vowel
    for j in range(i, len(word)):
        if word[j] in vowels:
            others = [v for v in vowels if v != word[j]]
            return word[:j] + others[int(rng.integers(0, len(others)))] + word[j + 1:]
    return word


def _typo_name(rng: np.random.Generator, name: str) -> str:
    """A typo in the longest word, leaving Ulu/Ilir/Baru words (which tell kelurahan apart) alone."""
    words = name.split(" ")
    candidates = [k for k, w in enumerate(words) if len(w) >= 5 and w not in ("Baru", "Ilir")]
    if not candidates:
        return name
    k = max(candidates, key=lambda j: (len(words[j]), -j))
    words[k] = _typo(rng, words[k])
    return " ".join(words)


def _abbreviate(rng: np.random.Generator, name: str) -> str:
    first, _, rest = name.partition(" ")
    if first in ABBREV and rest:
        options = ABBREV[first]
        return f"{options[int(rng.integers(0, len(options)))]} {rest}"
    return name


# --------------------------------------------------------------------------------------
# agency A: the health office's posyandu list
# --------------------------------------------------------------------------------------

def _date_a(rng: np.random.Generator, day: np.datetime64) -> str:
    y, m, d = (int(x) for x in str(day).split("-"))
    r = rng.random()
    if r < 0.78:
        return f"{d:02d}/{m:02d}/{y}"
    if r < 0.90:
        return f"{d}/{m}/{y}"
    if r < 0.96:
        return f"{d:02d}-{m:02d}-{y}"
    return f"{d:02d}/{m:02d}/{y % 100:02d}"


def _name_a(rng: np.random.Generator, name: str, heavy: bool) -> str:
    """How the health office writes a kelurahan name (heavy: more than a careful reader can undo)."""
    if rng.random() < 0.25:
        name = _abbreviate(rng, name)
    if rng.random() < (0.22 if heavy else 0.12):
        name = _typo_name(rng, name)
    if name.endswith(" Ulu") and rng.random() < 0.3:
        name = name[:-4] + " Hulu"
    r = rng.random()
    if r < 0.40:
        name = f"KEL. {name.upper()}"
    elif r < 0.62:
        name = name.upper()
    elif r < 0.80:
        name = f"Kel. {name}"
    elif r < 0.88:
        name = f"Kelurahan {name}"
    if rng.random() < 0.06:
        name = name + " "
    return name


def _code_a(rng: np.random.Generator, code: str) -> tuple[str, bool]:
    """(code as written, still usable after standardising?)"""
    dotted = f"{code[:2]}.{code[2:4]}.{code[4:6]}.{code[6:]}"
    r = rng.random()
    if r < 0.74:
        return dotted, True
    if r < 0.80:
        return code, True  # someone pasted the canonical form
    if r < 0.84:
        return dotted.replace(".", ". ", 1) if rng.random() < 0.5 else dotted + " ", True
    if r < 0.88:
        return f"{code[:2]}.{code[2:4]}.{code[4:6]}", False  # kecamatan only
    if r < 0.93:
        # a slip in the kelurahan number ("1003" typed "1093"): it points to no kelurahan
        tail = code[6:]
        bad = tail[:2] + "9" + tail[3]
        return f"{code[:2]}.{code[2:4]}.{code[4:6]}.{bad}", False
    return "", False


def _agency_a(rng: np.random.Generator, ref: pd.DataFrame):
    """Rows of the posyandu list and their key entries, in shuffled order."""
    # puskesmas: two per kecamatan, named after one of its kelurahan; each kelurahan belongs to one
    puskesmas = {}
    for kec, names in KELURAHAN_NAMES.items():
        homes = [names[0], names[len(names) // 2]]
        for i, name in enumerate(names):
            home = homes[0] if i < len(names) // 2 else homes[1]
            if rng.random() < 0.15:
                home = homes[1 - homes.index(home)]
            puskesmas[name] = f"Puskesmas {home}"

    clean = []  # (kode, nama, posyandu name, puskesmas, date, balita, kader)
    word_order = rng.permutation(len(POSYANDU_WORDS))
    w = 0
    for row in ref.itertuples(index=False):
        n = int(np.clip(rng.poisson(3.7), 2, 7))
        used: dict[str, int] = {}
        for _ in range(n):
            if rng.random() < 0.35 and used:
                word = list(used)[int(rng.integers(0, len(used)))]
            else:
                word = POSYANDU_WORDS[int(word_order[w % len(word_order)])]
                w += 1
            used[word] = used.get(word, 0) + 1
            clean.append([row.kode_kelurahan, row.nama_kelurahan, word, used[word],
                          puskesmas[row.nama_kelurahan]])
    # posyandu with more than one of the same word get Roman numerals
    counts: dict[tuple, int] = {}
    for c in clean:
        counts[(c[0], c[2])] = max(counts.get((c[0], c[2]), 0), c[3])
    for c in clean:
        c[2] = f"Posyandu {c[2]} {ROMAN[c[3] - 1]}" if counts[(c[0], c[2])] > 1 else f"Posyandu {c[2]}"
        del c[3]

    records, keys = [], []
    start = np.datetime64("2024-01-08")
    for kode, nama, posyandu, pusk in clean:
        written_code, code_ok = _code_a(rng, kode)
        # a row whose code cannot be used keeps a name a careful reader can still recognise
        written_name = _name_a(rng, nama, heavy=code_ok)
        if not code_ok and rng.random() < 0.5:
            written_name = f"KEL. {nama.upper()}"
        day = start + np.timedelta64(int(rng.integers(0, 200)), "D")
        balita = int(np.clip(rng.lognormal(np.log(62), 0.38), 12, 210))
        kader = int(np.clip(rng.poisson(5.2), 2, 11)) if rng.random() > 0.06 else None
        records.append([written_code, written_name, pusk, posyandu, _date_a(rng, day), balita, kader])
        keys.append([kode, "kode" if code_ok else "nama", None])

    # posyandu in places the reference does not know
    for code, name, pusk, n in UNKNOWN_A:
        for k in range(n):
            day = start + np.timedelta64(int(rng.integers(0, 200)), "D")
            word = POSYANDU_WORDS[int(rng.integers(0, len(POSYANDU_WORDS)))]
            balita = int(np.clip(rng.lognormal(np.log(55), 0.35), 12, 210))
            records.append([code, name, pusk, f"Posyandu {word}" + (f" {ROMAN[k]}" if n > 1 else ""), _date_a(rng, day),
                            balita, int(np.clip(rng.poisson(4.5), 2, 9))])
            keys.append([None, "tidak cocok", None])

    # the same posyandu entered twice (later update, a second operator, a merged spreadsheet)
    n_dup = 7
    sources = rng.choice(len(clean), size=n_dup, replace=False)
    for s in sorted(int(x) for x in sources):
        rec = list(records[s])
        kode = keys[s][0]
        r = rng.random()
        if r < 0.4:
            pass  # exact copy
        elif r < 0.75:
            rec[4] = _date_a(rng, start + np.timedelta64(int(rng.integers(200, 300)), "D"))
            rec[5] = int(max(10, rec[5] + int(rng.integers(-6, 7))))
        else:
            nama = ref.loc[ref.kode_kelurahan == kode, "nama_kelurahan"].iloc[0]
            rec[1] = _name_a(rng, nama, heavy=False)
            rec[3] = rec[3].upper()
        records.append(rec)
        keys.append([kode, keys[s][1], s])

    order = rng.permutation(len(records))
    ids = {int(old): f"A-{new + 1:03d}" for new, old in enumerate(order)}
    repeats = {}  # row -> the earlier row (by id) it repeats
    for old, (_, _, dup) in enumerate(keys):
        if dup is not None:
            first, later = sorted((old, dup), key=lambda i: ids[i])
            repeats[later] = first
    rows, key_rows = [], []
    for old in order:
        old = int(old)
        rows.append([ids[old], *records[old]])
        kode, cara, _ = keys[old]
        key_rows.append(["A", ids[old], kode, cara, ids[repeats[old]] if old in repeats else None])
    frame = pd.DataFrame(rows, columns=["id_baris", "kode_kel", "kelurahan", "puskesmas",
                                       "nama_posyandu", "tgl_pendataan", "jumlah_balita",
                                       "jumlah_kader"])
    frame["kode_kel"] = frame["kode_kel"].replace("", None)
    frame["jumlah_kader"] = pd.array(frame["jumlah_kader"].tolist(), dtype="Int64")
    # posyandu count per kelurahan (without duplicates), for agency B's recap
    per_kel = {}
    for kode, *_ in clean:
        per_kel[kode] = per_kel.get(kode, 0) + 1
    balita = {}
    for (kode, *_), rec in zip(clean, records[:len(clean)]):
        balita[kode] = balita.get(kode, 0) + rec[5]
    return frame, key_rows, per_kel, balita


# --------------------------------------------------------------------------------------
# agency B: the second office's half-year recap per kelurahan
# --------------------------------------------------------------------------------------

def _date_b(rng: np.random.Generator, day: np.datetime64) -> str:
    y, m, d = (int(x) for x in str(day).split("-"))
    r = rng.random()
    if r < 0.55:
        return f"{y}-{m:02d}-{d:02d}"
    if r < 0.85:
        return f"{d} {BULAN[m - 1]} {y}"
    if r < 0.95:
        return f"{d:02d} {BULAN_PENDEK[m - 1]} {y}"
    return f"{BULAN[m - 1]} {y}"  # the day was never written down


def _kecamatan_b(rng: np.random.Generator, kec_name: str) -> str:
    x = kec_name.split(" ")[1]
    styles = list(KECAMATAN_WRITTEN)
    p = np.array([0.5, 0.12, 0.12, 0.08, 0.08, 0.10])
    style = styles[int(rng.choice(len(styles), p=p))]
    return KECAMATAN_WRITTEN[style].format(x=x, X=x.upper())


def _name_b(rng: np.random.Generator, name: str, heavy: bool) -> str:
    if rng.random() < 0.3:
        name = _abbreviate(rng, name)
    if rng.random() < (0.15 if heavy else 0.08):
        name = _typo_name(rng, name)
    if name.endswith(" Ulu") and rng.random() < 0.4:
        name = name[:-4] + " Hulu"
    r = rng.random()
    if r < 0.12:
        name = name.replace(" ", "  ", 1)  # double space
    elif r < 0.20:
        name = " " + name
    elif r < 0.26:
        name = name.replace(" ", "", 1)  # written together: "SungaiBambu"
    r = rng.random()
    if r < 0.15:
        name = name.lower()
    elif r < 0.22:
        name = name.upper()
    return name


def _code_b(rng: np.random.Generator, code: str) -> tuple[str, bool]:
    r = rng.random()
    if r < 0.58:
        return code, True
    if r < 0.72:
        return code[:4] + str(int(code[4:6])) + code[6:], True  # "647111001": zero dropped
    if r < 0.77:
        return code + ".0", True  # read back from a spreadsheet as a number
    if r < 0.89:
        return code[:6], False  # kecamatan only
    if r < 0.93:
        return f"{float(code):.6e}".replace("e+0", "E+"), False  # scientific notation, digits lost
    return "", False


def _agency_b(rng: np.random.Generator, ref: pd.DataFrame, per_kel: dict, balita: dict):
    records, keys = [], []
    for semester in (1, 2):
        base = np.datetime64("2024-07-05") if semester == 1 else np.datetime64("2025-01-06")
        for row in ref.itertuples(index=False):
            if semester == 2 and rng.random() < 0.07:
                continue  # this kelurahan had not reported yet
            written_code, code_ok = _code_b(rng, row.kode_kelurahan)
            written_name = _name_b(rng, row.nama_kelurahan, heavy=code_ok)
            day = base + np.timedelta64(int(rng.gamma(2.0, 6.0)), "D")
            n_pos = per_kel[row.kode_kelurahan]
            if rng.random() < 0.22:  # the two offices do not count the same posyandu
                n_pos = max(1, n_pos + int(rng.choice([-1, 1, 1])))
            ditimbang = int(round(balita[row.kode_kelurahan] * rng.uniform(0.62, 0.93)))
            if rng.random() < 0.05:
                ditimbang = None
            records.append([written_code, written_name, _kecamatan_b(rng, row.nama_kecamatan),
                            "Semester I 2024" if semester == 1 else "Semester II 2024",
                            _date_b(rng, day), n_pos, ditimbang])
            keys.append([row.kode_kelurahan, "kode" if code_ok else "nama", None])
        for code, name, kec, semesters in UNKNOWN_B:
            if semester in semesters:
                day = base + np.timedelta64(int(rng.gamma(2.0, 6.0)), "D")
                n_pos = int(rng.integers(1, 4))
                records.append([code, name, kec, "Semester I 2024" if semester == 1 else "Semester II 2024",
                                _date_b(rng, day), n_pos, int(n_pos * rng.integers(35, 70))])
                keys.append([None, "tidak cocok", None])
    order = rng.permutation(len(records))
    # the recap is sorted by period then by how the name is written, as a spreadsheet would be
    order = sorted((int(i) for i in order), key=lambda i: (records[i][3], records[i][1].strip().lower()))
    rows, key_rows = [], []
    for new, old in enumerate(order):
        rid = f"B-{new + 1:03d}"
        rows.append([rid, *records[old]])
        key_rows.append(["B", rid, keys[old][0], keys[old][1], None])
    frame = pd.DataFrame(rows, columns=["id_baris", "kode_wilayah", "nama_wilayah", "kecamatan",
                                       "periode", "tanggal_laporan", "jumlah_posyandu",
                                       "jumlah_balita_ditimbang"])
    frame["kode_wilayah"] = frame["kode_wilayah"].replace("", None)
    frame["jumlah_balita_ditimbang"] = pd.array(frame["jumlah_balita_ditimbang"].tolist(), dtype="Int64")
    return frame, key_rows


# BPS-style kecamatan numbers (3 digits: 2-digit serial + a digit for a split kecamatan), in an
# order by position rather than alphabetical; illustrative only, not the official BPS codes
BPS_KECAMATAN = {"05": "010", "06": "020", "03": "030", "04": "040", "01": "050", "02": "060"}
# names the statistics table writes differently from the reference (before upper-casing)
BPS_NAMES = {"Sido Rukun": "Sidorukun", "Wono Asri": "Wonoasri", "Tanjung Harapan Ulu": "Tanjung Harapan Hulu"}
BPS_NEW = ("06", "Giri Mulyo")  # a kelurahan the statistics table has and the reference not yet


def _bps(rng: np.random.Generator, ref: pd.DataFrame, balita: dict) -> pd.DataFrame:
    """The statistics table: BPS-style code, kecamatan, kelurahan and an estimate of children under five."""
    rows = []
    for kec, names in KELURAHAN_NAMES.items():
        extra = [BPS_NEW[1]] if kec == BPS_NEW[0] else []
        # kelurahan numbered 001, 002, ... in reverse reference order, the new one last
        for i, name in enumerate(list(reversed(names)) + extra, start=1):
            code = f"{CITY}{BPS_KECAMATAN[kec]}{i:03d}"
            if name in names:
                registered = balita[f"{CITY}{kec}{1000 + names.index(name) + 1}"]
                estimate = int(round(registered / rng.uniform(0.72, 0.97)))
            else:
                estimate = int(rng.integers(150, 260))
            rows.append((code, KECAMATAN[kec].upper(), BPS_NAMES.get(name, name).upper(), estimate))
    frame = pd.DataFrame(rows, columns=["kode_bps", "nama_kecamatan", "nama_kelurahan", "perkiraan_balita"])
    return frame.sort_values("kode_bps", ignore_index=True)


def generate(seed: int) -> dict[str, pd.DataFrame]:
    """Return the five tables for ``seed``, the reference first."""
    rng = np.random.default_rng(seed)
    ref = reference()
    dinas_a, key_a, per_kel, balita = _agency_a(rng, ref)
    dinas_b, key_b = _agency_b(rng, ref, per_kel, balita)
    key = pd.DataFrame(key_a + key_b, columns=["sumber", "id_baris", "kode_kelurahan", "cara_cocok",
                                               "duplikat_dari"])
    return {
        "kode_wilayah.csv": ref,
        "data_dinas_a.csv": dinas_a,
        "data_dinas_b.csv": dinas_b,
        "kunci_pencocokan.csv": key,
        "data_bps.csv": _bps(np.random.default_rng([seed, 2]), ref, balita),
    }
