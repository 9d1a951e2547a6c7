"""Synthetic network traffic of a city data centre, in 5-minute buckets (``trafik_jaringan``).

Four weeks, 29 September to 26 October 2025 (local time, WITA): 8,064 rows with the number
of HTTP requests, outbound bytes, failed logins/connections and unique client IP addresses of
the city's public portals, plus an attack label that is meant for evaluation only.

How the rows are made:

* normal traffic follows office hours: low at night, a steep rise from 07:00, a peak in the
  morning, a lunch dip (longer on Friday, for Friday prayer), a second peak after lunch, a
  smaller evening peak when residents use the portals from home, and a flatter, lower weekend;
  the level drifts with slow log-normal (AR(1)) noise plus bucket noise;
* unique IPs follow requests with a ratio that changes between day and night; outbound bytes
  follow requests (response size is log-normal) plus a small nightly sync; failed logins follow
  requests, with an extra bump at the start of the working day when civil servants log in;
* one maintenance window (Sunday 12 October, 00:00-03:00) in which the portals are down:
  almost no requests and a few failed connections;
* benign events that are NOT attacks: payroll day (1 October, a busy staff portal and forgotten
  passwords), a full off-site backup (Sunday 5 October at night, high outbound bytes) and a
  public announcement (16 October at 10:00, a sudden crowd of citizens);
* attacks, labelled ``serangan = 1`` with their kind in ``jenis_serangan``: a DDoS burst in the
  afternoon of 8 October (requests, unique IPs and failed connections shoot up), a smaller DDoS
  at night on 21 October that stays within daytime ranges, two nights of slow password guessing
  (14 and 15 October, failed logins only), and a data exfiltration on the night of 18 to 19
  October (outbound bytes high, requests normal).

An IsolationForest on the four numeric columns finds the loud attacks but also flags the loud
benign events and misses the quiet attacks: useful, not perfect. Everything is drawn from one
``numpy.random.default_rng(seed)`` in a fixed order, so the same seed gives the same CSV bytes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SEED = 20251029

START = np.datetime64("2025-09-29T00:00")  # a Monday
DAYS = 28
STEP_MIN = 5
KB = 1024
MB = 1024 * 1024

# requests per 5 minutes at anchor times (hour of day), interpolated in between
WEEKDAY_ANCHORS = [
    (0.0, 260), (3.0, 190), (5.0, 210), (6.5, 520), (7.5, 1500), (8.5, 2500), (9.5, 2800),
    (10.5, 2750), (11.5, 2450), (12.25, 1750), (13.25, 2150), (14.25, 2600), (15.25, 2350),
    (16.25, 1600), (17.5, 1050), (19.0, 1150), (20.25, 1400), (21.5, 1000), (23.0, 480),
    (24.0, 260),
]
FRIDAY_ANCHORS = [
    (0.0, 260), (3.0, 190), (5.0, 210), (6.5, 520), (7.5, 1450), (8.5, 2400), (9.5, 2650),
    (10.75, 2300), (11.5, 1300), (12.5, 1000), (13.5, 1900), (14.5, 2300), (15.5, 1900),
    (16.5, 1300), (17.5, 950), (19.0, 1100), (20.25, 1300), (21.5, 950), (23.0, 500),
    (24.0, 270),
]
WEEKEND_ANCHORS = [
    (0.0, 300), (3.0, 180), (6.0, 200), (8.0, 420), (10.0, 820), (12.0, 760), (14.0, 700),
    (16.0, 740), (19.0, 950), (20.5, 1100), (22.0, 720), (24.0, 300),
]


def _profile(anchors, minutes: np.ndarray) -> np.ndarray:
    hours = np.array([a[0] for a in anchors]) * 60.0
    values = np.array([a[1] for a in anchors], dtype=float)
    return np.interp(minutes, hours, values)


def _window(times: np.ndarray, first: str, last: str) -> np.ndarray:
    """Boolean mask of the buckets from ``first`` to ``last`` inclusive (local time)."""
    return (times >= np.datetime64(first)) & (times <= np.datetime64(last))


def generate(seed: int) -> pd.DataFrame:
    """Return the traffic frame for ``seed`` (identical frames for identical seeds)."""
    rng = np.random.default_rng(seed)
    n = DAYS * 24 * 60 // STEP_MIN
    times = START + np.arange(n) * np.timedelta64(STEP_MIN, "m")
    day = times.astype("datetime64[D]")
    weekday = (day.astype(int) + 3) % 7  # 0 = Monday
    minute = (times - day).astype("timedelta64[m]").astype(int).astype(float)
    hour = minute / 60.0

    # ---- normal traffic ------------------------------------------------------------------
    base = np.where(weekday >= 5, _profile(WEEKEND_ANCHORS, minute),
                    np.where(weekday == 4, _profile(FRIDAY_ANCHORS, minute),
                             _profile(WEEKDAY_ANCHORS, minute)))
    base = base * (1 + 0.012 * (day - day[0]).astype(int) / 7)  # slow growth, ~1 % a week
    daily = np.exp(rng.normal(0.0, 0.07, size=DAYS))[(day - day[0]).astype(int)]
    drift = np.empty(n)
    level = 0.0
    shocks = rng.normal(0.0, 0.035, size=n)
    for i in range(n):  # AR(1) in the log: slow wandering of the level
        level = 0.93 * level + shocks[i]
        drift[i] = level
    noise = rng.normal(0.0, 0.06, size=n)
    mean_req = base * daily * np.exp(drift + noise)

    night = (hour < 6) | (hour >= 22)
    per_ip = np.where(night, 8.0, 5.5) * np.exp(rng.normal(0.0, 0.08, size=n))
    resp_kb = 46.0 * np.exp(rng.normal(0.0, 0.12, size=n))
    login_peak = ((weekday < 5) & (hour >= 7.25) & (hour < 8.75)).astype(float)
    fail_rate = 0.6 + 0.0032 * mean_req + 5.0 * login_peak
    sync = np.where((hour >= 2.0) & (hour < 2.5), 14 * MB, 0.0)
    background = 9 * MB * np.exp(rng.normal(0.0, 0.1, size=n))

    # ---- benign events and the maintenance window ------------------------------------------
    req_mult = np.ones(n)
    ip_mult = np.ones(n)
    fail_extra = np.zeros(n)
    bytes_extra = np.zeros(n)

    maint = _window(times, "2025-10-12T00:00", "2025-10-12T02:55")
    req_mult[maint] = 0.04
    fail_extra[maint] += rng.poisson(7.0, size=int(maint.sum()))

    payday = _window(times, "2025-10-01T07:00", "2025-10-01T15:55")
    shape = np.sin(np.pi * (hour[payday] - 7.0) / 9.0)
    req_mult[payday] *= 1 + 0.35 * shape
    ip_mult[payday] *= 1 + 0.25 * shape
    fail_extra[payday] += rng.poisson(6.0 * shape)

    backup = _window(times, "2025-10-05T01:00", "2025-10-05T02:25")
    bytes_extra[backup] += rng.uniform(280, 360, size=int(backup.sum())) * MB

    news = _window(times, "2025-10-16T10:00", "2025-10-16T12:55")
    since = minute[news] - 600.0
    crowd = 2.8 * np.exp(-since / 35.0) * np.minimum(1.0, (since + 5.0) / 10.0)
    req_mult[news] *= 1 + crowd
    ip_mult[news] *= 1 + 0.95 * crowd
    fail_extra[news] += rng.poisson(2.0 * crowd)

    # ---- draws of the observed counters ----------------------------------------------------
    permintaan = rng.poisson(mean_req * req_mult).astype(np.int64)
    ip_unik = rng.poisson(permintaan / per_ip * ip_mult).astype(np.int64) + 3
    koneksi_gagal = rng.poisson(fail_rate * np.maximum(req_mult, 0.1)).astype(np.int64)
    koneksi_gagal += fail_extra.astype(np.int64)
    byte_keluar = permintaan * resp_kb * KB + background + sync + bytes_extra

    # ---- attacks --------------------------------------------------------------------------
    label = np.zeros(n, dtype=np.int64)
    kind = np.array([""] * n, dtype=object)

    # DDoS burst in office hours: a botnet of thousands of addresses
    ddos = _window(times, "2025-10-08T14:20", "2025-10-08T15:05")
    ramp = np.array([4, 8, 12, 14, 14, 13, 11, 8, 5, 3], dtype=float)
    extra = rng.poisson(ramp * 1500.0)
    permintaan[ddos] += extra
    ip_unik[ddos] += rng.poisson(ramp * 420.0)
    koneksi_gagal[ddos] += rng.poisson(extra * 0.004)
    byte_keluar[ddos] += extra * 3.0 * KB
    label[ddos], kind[ddos] = 1, "DDoS"

    # a small DDoS at night that stays inside daytime ranges
    small = _window(times, "2025-10-21T02:05", "2025-10-21T02:40")
    extra = rng.poisson(np.array([900, 1700, 2100, 2200, 2100, 1900, 1500, 800], dtype=float))
    permintaan[small] += extra
    ip_unik[small] += rng.poisson(extra / 7.0)
    koneksi_gagal[small] += rng.poisson(extra * 0.003)
    byte_keluar[small] += extra * 3.0 * KB
    label[small], kind[small] = 1, "DDoS"

    # slow password guessing from a handful of addresses, two nights, faster on the second
    for first, last, rate in (("2025-10-14T01:00", "2025-10-14T02:55", 10.0),
                              ("2025-10-15T00:30", "2025-10-15T04:25", 45.0)):
        brute = _window(times, first, last)
        tries = rng.poisson(rate, size=int(brute.sum()))
        koneksi_gagal[brute] += tries
        permintaan[brute] += tries
        ip_unik[brute] += rng.integers(1, 4, size=int(brute.sum()))
        byte_keluar[brute] += tries * 2.0 * KB
        label[brute], kind[brute] = 1, "brute force login"

    # data exfiltration over one long-lived connection, Saturday night
    exfil = _window(times, "2025-10-18T23:00", "2025-10-19T00:55")
    byte_keluar[exfil] += rng.uniform(380, 650, size=int(exfil.sum())) * MB
    permintaan[exfil] += rng.integers(0, 3, size=int(exfil.sum()))
    label[exfil], kind[exfil] = 1, "exfiltrasi data"

    frame = pd.DataFrame({
        "waktu": pd.to_datetime(times),
        "permintaan": permintaan,
        "byte_keluar": np.round(byte_keluar).astype(np.int64),
        "koneksi_gagal": koneksi_gagal,
        "ip_unik": ip_unik,
        "serangan": label,
        "jenis_serangan": pd.array([k if k else None for k in kind], dtype="string"),
    })
    return frame
