"""A warm process that forks fresh IPython kernels on request.

Starting a kernel and importing pandas / scikit-learn costs about two seconds per submission
(issue measurements: 0.75 s kernel start, 1.2 s importing scikit-learn). The zygote pays that once:
it imports ipykernel and the modules the assignment uses, then ``fork()``s one child per
submission. Each child is a brand-new address space (copy-on-write), so no submission can see
another's state; it gets its own process group, namespaces that confine it (``confine.py``: it sees only its own
submission, the runtime and the datasets; no network), an unprivileged user, resource limits, then
becomes an ordinary ipykernel.

Protocol: JSON lines on stdin/stdout. ``{"op": "spawn", ...}`` → ``{"pid": N}``;
``{"op": "poll", "pid": N}`` → ``{"returncode": int | null}``;
``{"op": "signal", "pid": N, "signum": S}`` → ``{"sent": bool}``; ``{"op": "quit"}``.
POSIX only; elsewhere the grader starts ordinary kernels.
"""

from __future__ import annotations

import importlib
import json
import os
import sys


def _apply_limits(limits: dict) -> None:
    import resource

    table = {"memory_bytes": resource.RLIMIT_AS, "processes": resource.RLIMIT_NPROC,
             "file_bytes": resource.RLIMIT_FSIZE, "cpu_seconds": resource.RLIMIT_CPU}
    for key, which in table.items():
        value = limits.get(key)
        if value and key == "memory_bytes":
            value = int(value) + _address_space()  # the budget comes on top of what is already loaded
        if value:
            resource.setrlimit(which, (int(value), int(value)))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _address_space() -> int:
    """Bytes of virtual memory this process already maps (the preloaded libraries)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _become(user: dict | None) -> None:
    """Without a sandbox (``--no-sandbox``): at least drop root for the kernel."""
    if not user or os.geteuid() != 0:
        return
    os.setgroups([])
    os.setgid(int(user["gid"]))
    os.setuid(int(user["uid"]))


def _confine(request: dict) -> None:
    """Enter the kernel's own namespaces (see ``confine.py``); returns in the kernel process only."""
    from cerdas.grading import confine

    spec = request["confine"]
    plan = confine.Plan(ro=confine.runtime_paths(spec.get("ro") or [], spec.get("hide") or []),
                        rw=spec.get("rw") or [request["cwd"]], hide=spec.get("hide") or [],
                        tmp_bytes=int(spec.get("tmp_bytes") or 64 << 20), user=request.get("user"))
    confine.enter(plan)


def _child(request: dict) -> None:
    """Runs in the forked child: isolate, limit, then serve as an IPython kernel. Never returns."""
    code = 1
    try:
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        log = os.open(request.get("log") or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.closerange(3, 65536)
        if request.get("confine") is not None:
            _confine(request)
        else:
            _become(request.get("user"))
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        _apply_limits(request.get("limits") or {})
        import random

        random.seed()
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed()
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        # No parent poller: ipykernel's default comes from JPY_PARENT_PID, read when the zygote imported
        # it (set when the grader runs from a Jupyter terminal), and a confined kernel's parent is PID 1
        # of its namespace, which the poller takes for "orphaned": the kernel would exit at once.
        app.parent_handle = 0
        app.initialize(request["argv"])
        app.start()
        code = 0
    except BaseException:  # noqa: BLE001 - the child must never fall back into the zygote loop
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code)


def serve(preload: list[str]) -> None:
    os.environ.pop("JPY_PARENT_PID", None)
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    import ipykernel.kernelapp  # noqa: F401  (the expensive part of a kernel start)
    import ipykernel.ipkernel  # noqa: F401

    from cerdas.grading import confine

    confine._libc()  # loaded before any fork

    for name in preload:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a module the submission cannot import fails there, not here
            pass
    # Pids are recycled (pid_max is often 32768; a busy machine, a whole-course verify or a fork-happy
    # submission goes through them in minutes). Only this loop reaps, so only it knows whether a pid
    # still names one of its kernels: polls and signals are answered here, never by pid from outside,
    # and a new kernel's pid replaces whatever an earlier kernel with that pid left.
    live: set[int] = set()
    exited: dict[int, int] = {}
    out = sys.stdout
    print(json.dumps({"ready": True}), file=out, flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        op = request.get("op")
        if op == "spawn":
            pid = os.fork()
            if pid == 0:
                _child(request)
            live.add(pid)
            exited.pop(pid, None)
            print(json.dumps({"pid": pid}), file=out, flush=True)
        elif op == "poll":
            pid = int(request["pid"])
            if pid in live:
                try:
                    done, status = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    done, status = pid, 0
                if done:
                    live.discard(pid)
                    exited[pid] = os.waitstatus_to_exitcode(status)
            print(json.dumps({"returncode": None if pid in live else exited.get(pid, 0)}), file=out, flush=True)
        elif op == "signal":
            pid, sent = int(request["pid"]), False
            if pid in live:  # not reaped yet, so the pid and its process group are still this kernel's
                try:
                    os.killpg(pid, int(request["signum"]))
                    sent = True
                except (ProcessLookupError, PermissionError):
                    pass
            print(json.dumps({"sent": sent}), file=out, flush=True)
        elif op == "quit":
            break
    for pid in live:  # the grader is done (or gone): no kernel outlives its zygote
        try:
            os.killpg(pid, 9)
        except OSError:
            pass

if __name__ == "__main__":
    serve([m for m in sys.argv[1:] if m])
