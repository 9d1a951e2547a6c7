"""Synthetic daily public-service requests in Balikpapan, 2024-2025 (``permintaan_layanan``).

One row per day, kecamatan and service type: how many requests that service recorded that day
in that kecamatan. Six kecamatan x five services x 731 days = 21,930 rows. The set is made for
a forecasting lesson, so the series carry the structure a learner should uncover:

* a weekly pattern that depends on the service: walk-in services (civil registration, permits,
  the puskesmas) are busy Monday to Thursday, lower on Friday, low on Saturday and close to zero
  on Sunday, while online complaints keep coming at weekends;
* a gentle upward trend (faster for online services and for the growing north and east);
* yearly seasonality: civil registration rises during school admission (mid June to July), permits
  and civil registration have a year-end rush in early December, complaints rise in the rainy
  season, puskesmas visits peak around January; civil registration also rises in the weeks
  before the February 2024 general election;
* national holidays and cuti bersama look like Sundays; the Idul Fitri break (about a week
  around 10 April 2024 and 31 March 2025) is a deep dip, followed by a catch-up surge in the two
  weeks after it;
* kecamatan of different sizes (Selatan and Utara largest);
* counts drawn from a negative binomial (gamma-mixed Poisson), with day-level shocks shared by
  the services of one kecamatan and by the whole city, so the noise is overdispersed;
* a few system outages: the row is kept but ``jumlah`` is empty; after a two-day outage of the
  civil-registration system in October 2024 its backlog was entered on the next day, which
  shows as a one-day spike (the planted anomaly).

Everything is drawn from one ``numpy.random.default_rng(seed)`` in a fixed order (city shocks,
kecamatan shocks, then all counts in one call), so the same seed gives the same CSV bytes.
The holiday list is a close approximation of the national calendar, good enough for synthetic
data; it is not an official reference.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SEED = 20251205

START = np.datetime64("2024-01-01")
END = np.datetime64("2025-12-31")

KECAMATAN = ["Balikpapan Barat", "Balikpapan Kota", "Balikpapan Selatan",
             "Balikpapan Tengah", "Balikpapan Timur", "Balikpapan Utara"]
# rough size of each kecamatan (share of the city's demand); invented, not from any statistic
KECAMATAN_P = np.array([0.115, 0.125, 0.245, 0.150, 0.130, 0.235])
# extra log-growth per year: new housing in the east and north
KECAMATAN_GROWTH = np.array([0.00, -0.01, 0.01, 0.00, 0.03, 0.035])

LAYANAN = ["Administrasi kependudukan", "Perizinan", "Kesehatan (puskesmas)",
           "Pengaduan", "Informasi publik"]
ADM, IZN, KES, ADU, INF = range(5)

# expected requests on an ordinary Thursday in January 2024, for the whole city
CITY_LEVEL = np.array([430.0, 95.0, 610.0, 31.0, 9.5])
# log-growth per year
GROWTH = np.array([0.04, 0.09, 0.03, 0.16, 0.07])
# Monday .. Sunday
WEEKLY = np.array([
    [1.28, 1.10, 1.04, 1.00, 0.78, 0.22, 0.02],   # civil registration: walk-in
    [1.22, 1.10, 1.05, 1.00, 0.84, 0.18, 0.09],   # permits: walk-in and a little online
    [1.32, 1.08, 1.00, 1.00, 0.86, 0.52, 0.03],   # puskesmas: half day on Saturday
    [1.18, 1.05, 1.00, 1.00, 0.95, 0.82, 0.78],   # complaints: mostly online
    [1.20, 1.08, 1.00, 1.00, 0.86, 0.34, 0.26],   # information requests: web form and desk
])
# the kecamatan mix differs a little by service (permits cluster in the business districts)
SERVICE_KECAMATAN = np.array([
    [1.00, 1.00, 1.00, 1.00, 1.00, 1.00],
    [0.85, 1.45, 1.30, 1.05, 0.70, 0.85],
    [1.05, 0.95, 0.95, 1.00, 1.10, 1.00],
    [1.00, 1.05, 1.00, 1.00, 1.00, 1.00],
    [0.90, 1.30, 1.10, 1.05, 0.85, 0.90],
])
# gamma-Poisson shape per service: smaller means noisier relative to the mean
NB_SIZE = np.array([22.0, 10.0, 30.0, 6.0, 4.0])
# how a holiday (libur nasional or cuti bersama) scales each service, as a share of Thursday
HOLIDAY = np.array([0.02, 0.06, 0.05, 0.72, 0.25])
# inside the Idul Fitri break, and in the first and second week after it
LEBARAN_BREAK = np.array([0.02, 0.04, 0.04, 0.55, 0.20])
LEBARAN_AFTER_1 = np.array([1.55, 1.35, 1.18, 1.15, 1.20])
LEBARAN_AFTER_2 = np.array([1.18, 1.12, 1.06, 1.05, 1.05])
LEBARAN_BEFORE = np.array([0.85, 0.80, 0.90, 0.95, 0.90])  # the working days before: mudik

# Idul Fitri: the first and last day of the break (holidays, cuti bersama and the weekend)
LEBARAN = [("2024-04-08", "2024-04-15"), ("2025-03-28", "2025-04-07")]

# national holidays and cuti bersama outside the Idul Fitri break (approximate calendar)
HOLIDAYS = [
    "2024-01-01", "2024-02-08", "2024-02-09", "2024-02-10", "2024-02-14", "2024-03-11",
    "2024-03-12", "2024-03-29", "2024-05-01", "2024-05-09", "2024-05-10", "2024-05-23",
    "2024-05-24", "2024-06-01", "2024-06-17", "2024-06-18", "2024-07-07", "2024-08-17",
    "2024-09-16", "2024-11-27", "2024-12-25", "2024-12-26",
    "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-04-18", "2025-05-01",
    "2025-05-12", "2025-05-13", "2025-05-29", "2025-05-30", "2025-06-06", "2025-06-09",
    "2025-06-27", "2025-08-17", "2025-08-18", "2025-09-05", "2025-12-25", "2025-12-26",
]

# system outages: (first day, last day, kecamatan indices or None for all, services or None)
OUTAGES = [
    ("2024-03-05", "2024-03-05", None, None),            # city data centre down
    ("2024-10-22", "2024-10-23", None, [ADM]),           # civil-registration system down
    ("2025-02-18", "2025-02-18", [4], None),             # network cut at one kecamatan office
    ("2025-07-09", "2025-07-09", None, [IZN]),           # permit system down
    ("2025-09-23", "2025-09-23", [0], [KES]),            # one puskesmas record system down
    ("2025-11-11", "2025-11-11", [1, 5], [ADU]),         # complaint intake for two kecamatan
]
# the civil-registration backlog of the October 2024 outage was keyed in on this day
BACKLOG_DAY = "2024-10-24"
BACKLOG_SHARE = 0.85  # most, not all, of the lost requests came back


def _days() -> np.ndarray:
    return np.arange(START, END + np.timedelta64(1, "D"), dtype="datetime64[D]")


def _bump(days: np.ndarray, first: str, last: str, ramp: int) -> np.ndarray:
    """0..1 window from ``first`` to ``last`` with cosine ramps of ``ramp`` days on each side."""
    out = np.zeros(len(days))
    for year in (2024, 2025):
        a = np.datetime64(f"{year}-{first}")
        b = np.datetime64(f"{year}-{last}")
        da = (days - a).astype(int)
        db = (days - b).astype(int)
        inside = (da >= 0) & (db <= 0)
        up = (da < 0) & (da > -ramp)
        down = (db > 0) & (db < ramp)
        out[inside] = 1.0
        out[up] = 0.5 * (1 + np.cos(np.pi * da[up] / ramp))
        out[down] = 0.5 * (1 + np.cos(np.pi * db[down] / ramp))
    return out


def _expected(days: np.ndarray) -> np.ndarray:
    """Expected requests, shape (day, kecamatan, service)."""
    n = len(days)
    weekday = (days.astype(int) + 3) % 7  # 0 = Monday; 1970-01-01 was a Thursday
    years = (days - START).astype(int) / 365.25
    doy = (days - days.astype("datetime64[Y]")).astype(int)

    # service x day: weekly pattern, trend, seasons
    svc = np.empty((n, 5))
    for s in range(5):
        svc[:, s] = CITY_LEVEL[s] * WEEKLY[s][weekday] * np.exp(GROWTH[s] * years)
    school = _bump(days, "06-10", "07-20", 14)
    yearend = _bump(days, "12-01", "12-20", 7)
    lull = _bump(days, "12-27", "12-31", 3) + _bump(days, "01-01", "01-05", 3)
    rainy = 0.5 * (1 + np.cos(2 * np.pi * (doy - 15) / 365.25))  # 1 in mid January, 0 in July
    election = np.zeros(n)
    pre = (days >= np.datetime64("2024-01-08")) & (days <= np.datetime64("2024-02-13"))
    election[pre] = 1.0
    svc[:, ADM] *= (1 + 0.38 * school) * (1 + 0.16 * yearend) * (1 - 0.18 * lull) * (1 + 0.22 * election)
    svc[:, IZN] *= (1 + 0.32 * yearend) * (1 - 0.25 * lull)
    svc[:, KES] *= 0.94 + 0.14 * rainy
    svc[:, ADU] *= 0.86 + 0.30 * rainy
    svc[:, INF] *= (1 + 0.15 * yearend) * (1 - 0.2 * lull)

    # holidays and Idul Fitri
    factor = np.ones((n, 5))
    is_holiday = np.isin(days, np.array(HOLIDAYS, dtype="datetime64[D]"))
    thursday = WEEKLY[:, 3]
    for s in range(5):
        # a holiday is like a quiet Sunday, but never above the day it replaces
        on_holiday = np.minimum(HOLIDAY[s] * thursday[s] / WEEKLY[s][weekday], 1.0)
        factor[is_holiday, s] = on_holiday[is_holiday]
    for first, last in LEBARAN:
        a, b = np.datetime64(first), np.datetime64(last)
        da, db = (days - a).astype(int), (days - b).astype(int)
        inside = (da >= 0) & (db <= 0)
        before = (da < 0) & (da >= -4) & (weekday < 5)
        week1 = (db >= 1) & (db <= 7)
        week2 = (db >= 8) & (db <= 14)
        factor[inside] = LEBARAN_BREAK * thursday / np.maximum(WEEKLY[:, weekday[inside]].T, 0.02)
        factor[inside] = np.minimum(factor[inside], 1.0)
        factor[before] *= LEBARAN_BEFORE
        factor[week1] *= LEBARAN_AFTER_1
        factor[week2] *= LEBARAN_AFTER_2
    svc *= factor

    # spread over kecamatan
    mix = KECAMATAN_P[None, :] * SERVICE_KECAMATAN  # service x kecamatan
    mix = mix / mix.sum(axis=1, keepdims=True)
    kec_growth = np.exp(np.outer(years, KECAMATAN_GROWTH))  # day x kecamatan
    return svc[:, None, :] * mix.T[None, :, :] * kec_growth[:, :, None]


def generate(seed: int) -> pd.DataFrame:
    """Return the request frame for ``seed`` (identical frames for identical seeds)."""
    rng = np.random.default_rng(seed)
    days = _days()
    mu = _expected(days)
    n, nk, ns = mu.shape

    # shared day shocks: the whole city (weather, a busy news day) and each kecamatan office
    city = np.exp(rng.normal(0.0, 0.06, size=n))
    office = np.exp(rng.normal(0.0, 0.05, size=(n, nk)))
    mu = mu * city[:, None, None] * office[:, :, None]

    size = np.broadcast_to(NB_SIZE[None, None, :], mu.shape)
    counts = rng.negative_binomial(size, size / (size + mu)).astype(float)

    # outages: the requests happened but were not recorded
    index = {str(d): i for i, d in enumerate(days)}
    lost = np.zeros((nk, ns))
    for first, last, kec, svc in OUTAGES:
        rows = np.arange(index[first], index[last] + 1)
        ks = np.arange(nk) if kec is None else np.array(kec)
        ss = np.arange(ns) if svc is None else np.array(svc)
        block = np.ix_(rows, ks, ss)
        if first == "2024-10-22":
            lost = counts[block].sum(axis=0)
        counts[block] = np.nan
    backlog = index[BACKLOG_DAY]
    counts[backlog, :, ADM] += np.round(BACKLOG_SHARE * lost[:, 0])

    frame = pd.DataFrame({
        "tanggal": np.repeat(days, nk * ns),
        "kecamatan": np.tile(np.repeat(KECAMATAN, ns), n),
        "jenis_layanan": np.tile(LAYANAN, n * nk),
        "jumlah": pd.array(counts.reshape(-1), dtype="Float64").astype("Int64"),
    })
    frame["tanggal"] = pd.to_datetime(frame["tanggal"])
    return frame
