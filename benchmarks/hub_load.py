"""Load: N learners (default 20) log in to a real JupyterHub on 127.0.0.1 and start their servers at
the same moment; report spawn-time percentiles and failures.

The hub is deploy/jupyterhub/jupyterhub_config.py with the end-to-end test's local overrides
(LocalProcessSpawner instead of SystemdSpawner, throwaway Unix users, free ports). "Log in" is the
API login the test uses: the admin service issues each learner a token, and the learner asks for
their server with it. Run by hand, as root, with configurable-http-proxy on PATH:

    .venv/bin/python benchmarks/hub_load.py [--learners 20] [--timeout 300]

A spawn counts from the learner's request until their server answers through the proxy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from local_hub import LocalHub  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--learners", type=int, default=20)
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds a single spawn may take (default: the deploy config's Spawner timeouts)")
    args = p.parse_args(argv)
    if os.geteuid() != 0:
        print("run as root: the hub starts each learner's server as their own Unix user", file=sys.stderr)
        return 2
    names = [f"p{i:02d}" for i in range(args.learners)]
    extra = (f"\nc.Spawner.start_timeout = {int(args.timeout)}\nc.Spawner.http_timeout = {int(args.timeout)}\n"
             if args.timeout else "")
    hub = LocalHub({"beban": {"instructors": [], "students": names}}, extra_config=extra)
    try:
        print(f"starting a hub with {args.learners} learners (Unix users, courses.yml) ...", flush=True)
        started = time.perf_counter()
        hub.start()
        print(f"hub up in {time.perf_counter() - started:.1f} s", flush=True)
        login_started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.learners) as pool:
            users = list(pool.map(hub.login, names))
        login_s = time.perf_counter() - login_started
        print(f"{len(users)} logins (tokens) in {login_s:.1f} s; starting {len(users)} servers at once ...", flush=True)
        results: dict[str, float | str] = {}

        def spawn(user):
            try:
                results[user.name] = user.start_server(args.timeout or 600)
            except Exception as exc:  # noqa: BLE001 (a failure is a result here)
                results[user.name] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
            done = sum(isinstance(v, float) for v in results.values())
            print(f"\r  ready {done}/{len(users)}", end="", flush=True)

        wall_started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=len(users)) as pool:
            list(pool.map(spawn, users))
        wall = time.perf_counter() - wall_started
        print()
        times = [v for v in results.values() if isinstance(v, float)]
        failures = {k: v for k, v in results.items() if not isinstance(v, float)}
        print(f"learners {len(users)}, ready {len(times)}, failed {len(failures)}, all done in {wall:.1f} s "
              f"on {os.cpu_count()} CPU cores")
        if times:
            print("spawn seconds: " + ", ".join(f"p{q}={percentile(times, q):.1f}" for q in (50, 90, 95, 100))
                  + f", mean={statistics.mean(times):.1f}, min={min(times):.1f}")
        for name, why in sorted(failures.items()):
            print(f"  FAILED {name}: {why[:200]}")
        if failures:
            kept = Path("/tmp") / f"hub_load-{hub.tag}.log"
            kept.write_text(hub.log.read_text(errors="replace"))
            print(f"hub log kept at {kept}")
        return 1 if failures else 0
    finally:
        hub.stop()


if __name__ == "__main__":
    sys.exit(main())
