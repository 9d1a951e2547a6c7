"""Synthetic applicants to a city digital-talent training programme, 2021-2025 (``seleksi_pelatihan``).

One row per applicant and intake: id, year, sex, kecamatan, age, education, test score, years of
work experience, laptop ownership, distance to the training venue, chosen track, where the
applicant went to school, and the past selection decision ``diterima`` (the target).

A HISTORICAL BIAS IS PLANTED ON PURPOSE, for the fairness lesson. Qualifications (test score,
education, experience) are drawn the same way for every group, but the past committee's
decision added a penalty on the log-odds for women and for applicants from Balikpapan Timur
and Balikpapan Utara (the far, less-connected kecamatan). The penalty is large in 2021-2023 and
shrinks after a policy change in 2024 (blind review of the files, laptop loans and a transport
allowance). Two proxies carry the kecamatan penalty into any model that is trained without the
kecamatan column: ``jarak_km`` (almost a stand-in for kecamatan) and ``punya_laptop`` (less
common in the far kecamatan); ``program`` is a weaker proxy for sex. The proxies have NO direct
effect on the decision: whatever weight a model gives them is inherited bias.

Everything is drawn from one ``numpy.random.default_rng(seed)`` in a fixed order, so the same
seed always gives the same frame and, through ``cerdas.datasets.build``, the same CSV bytes.
No Python ``hash()``, set iteration, clock or global random state is used.

How the decision is made: each intake has a fixed number of seats. Every applicant who sat the
test gets a committee score = merit (standardised test score, education, capped experience)
+ group penalties of that year + logistic noise; the top ``SEATS[year]`` scores are accepted.
Applicants who missed the test (empty ``nilai_tes``) are never accepted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SEED = 20251129

YEARS = [2021, 2022, 2023, 2024, 2025]
APPLICANTS = {2021: 560, 2022: 610, 2023: 690, 2024: 760, 2025: 830}
SEATS = {2021: 150, 2022: 165, 2023: 185, 2024: 220, 2025: 245}
POLICY_YEAR = 2024  # first intake after the policy change (blind review, laptop loans, transport)

KECAMATAN = ["Balikpapan Barat", "Balikpapan Kota", "Balikpapan Selatan",
             "Balikpapan Tengah", "Balikpapan Timur", "Balikpapan Utara"]
KECAMATAN_P = np.array([0.12, 0.12, 0.24, 0.15, 0.14, 0.23])
FAR = ("Balikpapan Timur", "Balikpapan Utara")

# the planted bias: log-odds penalty by year (before and after the 2024 policy change)
PENALTY_FAR = {2021: -1.25, 2022: -1.15, 2023: -1.05, 2024: -0.40, 2025: -0.20}
PENALTY_WOMEN = {2021: -0.85, 2022: -0.75, 2023: -0.65, 2024: -0.20, 2025: -0.05}

# merit weights on the committee score
W_SCORE = 1.25        # per standard deviation of the test score
W_EDU = {"SMA/SMK": 0.0, "D3": 0.25, "S1": 0.45, "S2": 0.55}
W_EXPERIENCE = 0.10   # per year, capped at 5 years
NOISE = 0.6           # scale of the logistic noise in the committee's judgement

SHARE_WOMEN = {2021: 0.36, 2022: 0.38, 2023: 0.41, 2024: 0.44, 2025: 0.46}
PENDIDIKAN = ["SMA/SMK", "D3", "S1", "S2"]
PENDIDIKAN_P = np.array([0.42, 0.14, 0.40, 0.04])
AGE_START = {"SMA/SMK": 17, "D3": 20, "S1": 22, "S2": 24}   # youngest age at application
GRAD_AGE = {"SMA/SMK": 18, "D3": 21, "S1": 22.5, "S2": 25}  # typical age at graduation
SCORE_EDU = {"SMA/SMK": 0.0, "D3": 1.5, "S1": 3.0, "S2": 4.5}  # small, same for every group

# proxies: distance to the venue (Balikpapan Kota/Tengah) and laptop ownership by kecamatan
DISTANCE = {  # (low, high) in km
    "Balikpapan Barat": (5.0, 12.0), "Balikpapan Kota": (0.8, 5.0), "Balikpapan Selatan": (3.0, 10.0),
    "Balikpapan Tengah": (1.5, 6.0), "Balikpapan Timur": (14.0, 33.0), "Balikpapan Utara": (9.0, 27.0),
}
LAPTOP = {"Balikpapan Barat": 0.76, "Balikpapan Kota": 0.86, "Balikpapan Selatan": 0.84,
          "Balikpapan Tengah": 0.81, "Balikpapan Timur": 0.52, "Balikpapan Utara": 0.58}
LAPTOP_GROWTH = 0.025  # per year, everywhere

PROGRAM = ["Analisis Data", "Pemrograman Web", "Desain UI/UX", "Jaringan dan Keamanan"]
PROGRAM_P = {"L": np.array([0.25, 0.38, 0.09, 0.28]), "P": np.array([0.29, 0.21, 0.40, 0.10])}

ASAL = ["Balikpapan", "Kaltim lainnya", "Luar Kaltim"]
ASAL_P = np.array([0.71, 0.17, 0.12])

P_ABSENT = {"near": 0.025, "far": 0.05}      # missed the test (more often when the venue is far)
P_EXPERIENCE_MISSING = 0.035                  # left empty on the form


def _age(rng: np.random.Generator, edu: str) -> int:
    """Age at application: the programme takes applicants up to 35 (redraw above that)."""
    while True:
        age = AGE_START[edu] + int(np.floor(rng.gamma(2.0, 2.2)))
        if age <= 35:
            return age


def _experience(rng: np.random.Generator, edu: str, age: int) -> int:
    years_out = max(0.0, age - GRAD_AGE[edu])
    if years_out < 0.5 or rng.random() < 0.25:
        return 0  # still studying, or no formal job yet
    return int(np.clip(np.round(years_out * rng.uniform(0.3, 1.0)), 0, 15))


def generate(seed: int) -> pd.DataFrame:
    """Return the applicant frame for ``seed`` (identical frames for identical seeds)."""
    rng = np.random.default_rng(seed)
    rows = []
    for year in YEARS:
        n = APPLICANTS[year]
        t = YEARS.index(year)
        year_rows = []
        for i in range(n):
            sex = "P" if rng.random() < SHARE_WOMEN[year] else "L"
            kec = KECAMATAN[int(rng.choice(len(KECAMATAN), p=KECAMATAN_P))]
            far = kec in FAR
            edu = PENDIDIKAN[int(rng.choice(len(PENDIDIKAN), p=PENDIDIKAN_P))]
            age = _age(rng, edu)
            exp = _experience(rng, edu, age)
            ability = rng.standard_normal()
            score = float(np.clip(np.round(58 + 12 * ability + SCORE_EDU[edu] + rng.normal(0, 3)), 5, 100))
            absent = rng.random() < P_ABSENT["far" if far else "near"]
            low, high = DISTANCE[kec]
            distance = round(float(rng.uniform(low, high)), 1)
            laptop = rng.random() < min(0.97, LAPTOP[kec] + LAPTOP_GROWTH * t)
            program = PROGRAM[int(rng.choice(len(PROGRAM), p=PROGRAM_P[sex]))]
            asal = ASAL[int(rng.choice(len(ASAL), p=ASAL_P))]
            exp_missing = rng.random() < P_EXPERIENCE_MISSING
            noise = rng.logistic(0.0, NOISE)
            year_rows.append({
                "tahun": year, "jenis_kelamin": sex, "kecamatan": kec, "usia": age, "pendidikan": edu,
                "nilai_tes": None if absent else score,
                "pengalaman_tahun": None if exp_missing else exp,
                "punya_laptop": "ya" if laptop else "tidak", "jarak_km": distance, "program": program,
                "asal_sekolah": asal, "_exp": exp, "_noise": noise, "_absent": absent, "_far": far,
            })

        # the committee: merit + the year's penalties + noise; top SEATS[year] are accepted
        scores = np.array([r["nilai_tes"] if r["nilai_tes"] is not None else np.nan for r in year_rows])
        mean, sd = np.nanmean(scores), np.nanstd(scores)
        committee = np.full(n, -np.inf)
        for k, r in enumerate(year_rows):
            if r["_absent"]:
                continue
            merit = (W_SCORE * (r["nilai_tes"] - mean) / sd + W_EDU[r["pendidikan"]]
                     + W_EXPERIENCE * min(r["_exp"], 5))
            bias = ((PENALTY_FAR[year] if r["_far"] else 0.0)
                    + (PENALTY_WOMEN[year] if r["jenis_kelamin"] == "P" else 0.0))
            committee[k] = merit + bias + r["_noise"]
        order = np.argsort(-committee, kind="stable")
        accepted = np.zeros(n, dtype=int)
        accepted[order[:SEATS[year]]] = 1
        accepted[~np.isfinite(committee)] = 0
        for k, r in enumerate(year_rows):
            r["diterima"] = int(accepted[k])
        # the registration office numbers applicants in order of arrival: shuffle within the year
        for k in rng.permutation(n):
            rows.append(year_rows[int(k)])

    frame = pd.DataFrame(rows)
    # registration numbers restart every year
    frame["id_pendaftar"] = [f"DT{y}-{k:04d}" for y, k in
                             zip(frame["tahun"], frame.groupby("tahun").cumcount() + 1)]
    frame["nilai_tes"] = frame["nilai_tes"].astype("Float64").round(0).astype("Int64")
    frame["pengalaman_tahun"] = frame["pengalaman_tahun"].astype("Int64")
    columns = ["id_pendaftar", "tahun", "jenis_kelamin", "kecamatan", "usia", "pendidikan", "nilai_tes",
               "pengalaman_tahun", "punya_laptop", "jarak_km", "program", "asal_sekolah", "diterima"]
    return frame[columns]
