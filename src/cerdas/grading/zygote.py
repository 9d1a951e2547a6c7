"""A warm process that forks fresh IPython kernels on request.

Starting a kernel and importing pandas / scikit-learn costs about two seconds per submission
(issue measurements: 0.75 s kernel start, 1.2 s importing scikit-learn). The zygote pays that once:
it imports ipykernel and the modules the assignment uses, then ``fork()``s one child per
submission. Each child is a brand-new address space (copy-on-write), so no submission can see
another's state; it gets its own process group, working directory, environment, resource limits
and, when the grader runs as root, an unprivileged user, then becomes an ordinary ipykernel.

Protocol: JSON lines on stdin/stdout. ``{"op": "spawn", ...}`` → ``{"pid": N}``;
``{"op": "poll", "pid": N}`` → ``{"returncode": int | null}``; ``{"op": "quit"}``.
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
    if not user or os.geteuid() != 0:
        return
    os.setgroups([])
    os.setgid(int(user["gid"]))
    os.setuid(int(user["uid"]))


MS_BIND, MS_REC, MS_PRIVATE = 4096, 16384, 1 << 18
PIDS_CGROUP = "/sys/fs/cgroup/pids"


def _libc():
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def _reachable_paths(request: dict) -> list[str]:
    """What the kernel user must be able to read: the Python installation, the ``cerdas`` package
    (an editable install lives in the checkout) and the course's datasets."""
    import site

    import cerdas

    paths = {sys.base_prefix, sys.prefix, *site.getsitepackages(), os.path.dirname(os.path.dirname(cerdas.__file__))}
    root = (request.get("env") or {}).get("CERDAS_ROOT")
    if root:
        paths.add(os.path.join(root, "datasets"))
    return sorted(p for p in paths if os.path.isdir(p))


def _closed_ancestor(path: str) -> str | None:
    """The highest folder on ``path`` that others cannot enter (e.g. /root for a pyenv Python)."""
    parts = os.path.abspath(path).split(os.sep)
    for depth in range(2, len(parts) + 1):
        folder = os.sep.join(parts[:depth])
        if not os.stat(folder).st_mode & 0o001:
            return folder
    return None


def _isolate(request: dict) -> None:
    """Root on Linux only: in a private mount namespace, keep the Python installation, the package and
    the datasets reachable for the unprivileged kernel user even when they live in a closed folder
    (a pyenv /root, a checkout in a mode-700 temporary folder: tmpfs over the closed folder, those
    paths bound back), and cover ``hide`` paths (the course's source,
    gradebook, other students' work) with an empty tmpfs."""
    if os.geteuid() != 0 or not sys.platform.startswith("linux"):
        return
    libc = _libc()
    if libc.unshare(0x00020000) != 0:  # CLONE_NEWNS
        return
    libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None)
    if request.get("user"):
        closed: dict[str, list[str]] = {}
        for path in _reachable_paths(request):
            ancestor = _closed_ancestor(path)
            if ancestor:
                closed.setdefault(ancestor, []).append(path)
        for ancestor, paths in closed.items():
            keep = f"/tmp/.cerdas-keep-{os.getpid()}"
            kept = []
            for index, path in enumerate(paths):
                os.makedirs(f"{keep}/{index}", exist_ok=True)
                if libc.mount(path.encode(), f"{keep}/{index}".encode(), None, MS_BIND | MS_REC, None) == 0:
                    kept.append((path, f"{keep}/{index}"))
            if libc.mount(b"tmpfs", ancestor.encode(), b"tmpfs", 0, b"size=1m,mode=0755") == 0:
                for path, holder in kept:
                    os.makedirs(path, exist_ok=True)
                    libc.mount(holder.encode(), path.encode(), None, MS_BIND | MS_REC, None)
    for path in request.get("hide") or []:
        if os.path.isdir(path):
            libc.mount(b"tmpfs", path.encode(), b"tmpfs", 0, b"size=1m,mode=0755")


def _limit_pids(limit: int | None) -> None:
    """Root only: a pids cgroup caps how many processes the kernel may ever have (fork bombs)."""
    if not limit or os.geteuid() != 0 or not os.access(PIDS_CGROUP, os.W_OK):
        return
    group = f"{PIDS_CGROUP}/cerdas-{os.getpid()}"
    try:
        os.makedirs(group, exist_ok=True)
        with open(f"{group}/pids.max", "w") as fh:
            fh.write(str(limit))
        with open(f"{group}/cgroup.procs", "w") as fh:
            fh.write(str(os.getpid()))
    except OSError:
        pass


def _release_pids(pid: int) -> None:
    try:
        os.rmdir(f"{PIDS_CGROUP}/cerdas-{pid}")
    except OSError:
        pass


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
        os.closerange(3, 1024)
        _limit_pids((request.get("limits") or {}).get("pids"))
        _isolate(request)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        _become(request.get("user"))
        _apply_limits(request.get("limits") or {})
        import random

        random.seed()
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed()
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(request["argv"])
        app.start()
        code = 0
    except BaseException:  # noqa: BLE001 - the child must never fall back into the zygote loop
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code)


def serve(preload: list[str]) -> None:
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    import ipykernel.kernelapp  # noqa: F401  (the expensive part of a kernel start)
    import ipykernel.ipkernel  # noqa: F401

    for name in preload:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a module the submission cannot import fails there, not here
            pass
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
            print(json.dumps({"pid": pid}), file=out, flush=True)
        elif op == "poll":
            pid = int(request["pid"])
            if pid not in exited:
                try:
                    done, status = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    done, status = pid, 0
                if done:
                    exited[pid] = os.waitstatus_to_exitcode(status)
                    _release_pids(pid)
            print(json.dumps({"returncode": exited.get(pid)}), file=out, flush=True)
        elif op == "quit":
            break


if __name__ == "__main__":
    serve([m for m in sys.argv[1:] if m])
