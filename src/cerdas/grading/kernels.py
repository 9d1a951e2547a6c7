"""Kernels forked from a warm zygote, plugged into jupyter_client so nbclient/nbgrader drive them.

:class:`Zygote` talks to one ``cerdas.grading.zygote`` process; :class:`ForkKernelManager` is an
``AsyncKernelManager`` whose provisioner asks the zygote for a kernel instead of starting Python.
Everything else (messaging, timeouts, outputs, errors) is jupyter_client and nbclient as usual, so
executing with it gives the same outputs as nbgrader's own kernels.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning.local_provisioner import LocalProvisioner
from traitlets import Any as AnyTrait


@dataclass
class Sandbox:
    """How a kernel is confined: its namespaces (``confine.py``), limits, and the user it becomes when
    the grader is root. With ``confine=False`` (``--no-sandbox``) only the limits and user apply."""

    memory_bytes: int | None = 2 * 1024**3
    processes: int | None = 256     # RLIMIT_NPROC, counted per kernel (its own user namespace)
    file_bytes: int | None = 256 * 1024**2
    cpu_seconds: int | None = None
    user: dict | None = None  # {"uid": int, "gid": int}
    log: str | None = None
    confine: bool = True
    read_only: list[str] = field(default_factory=list)  # besides the runtime: the course's datasets
    hide: list[str] = field(default_factory=list)  # never shown, even inside a read-only folder
    tmp_bytes: int = 64 * 1024**2   # the kernel's private /tmp
    env: dict = field(default_factory=dict)  # extra environment for the kernel (on top of a minimal one)

    def limits(self) -> dict:
        # Without a user namespace per kernel, RLIMIT_NPROC would count every kernel of the same user
        # together (one fork bomb starves the rest), so it applies only when confined.
        return {"memory_bytes": self.memory_bytes, "processes": self.processes if self.confine else None,
                "file_bytes": self.file_bytes, "cpu_seconds": self.cpu_seconds}

    def confinement(self, writable: list[str]) -> dict | None:
        if not self.confine:
            return None
        return {"ro": self.read_only, "rw": writable, "hide": self.hide, "tmp_bytes": self.tmp_bytes}


class Zygote:
    """One warm process per worker thread; spawns kernels by fork."""

    def __init__(self, preload: list[str]):
        self._lock = threading.Lock()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cerdas.grading.zygote", *preload],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        ready = json.loads(self.proc.stdout.readline() or "{}")
        if not ready.get("ready"):
            raise RuntimeError("the kernel zygote failed to start")

    def _ask(self, request: dict) -> dict:
        with self._lock:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the kernel zygote exited")
        return json.loads(line)

    def spawn(self, *, argv: list[str], cwd: str, env: dict, sandbox: Sandbox, writable: list[str]) -> int:
        return int(self._ask({"op": "spawn", "argv": argv, "cwd": cwd, "env": env, "limits": sandbox.limits(),
                              "user": sandbox.user, "log": sandbox.log,
                              "confine": sandbox.confinement(writable)})["pid"])

    def poll(self, pid: int) -> int | None:
        return self._ask({"op": "poll", "pid": pid})["returncode"]

    def signal(self, pid: int, signum: int) -> bool:
        """Signal the kernel's process group, unless it has been reaped (its pid may be another's now)."""
        return bool(self._ask({"op": "signal", "pid": pid, "signum": int(signum)})["sent"])

    def close(self) -> None:
        """Stop the zygote: end of input makes it kill the kernels it still has, then exit."""
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(timeout=5)


@dataclass
class ForkedProcess:
    """The bits of ``subprocess.Popen`` that jupyter_client's provisioner uses."""

    zygote: Zygote
    pid: int
    returncode: int | None = None
    stdin: Any = None
    stdout: Any = None
    stderr: Any = None
    _signals: list = field(default_factory=list)

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self.zygote.poll(self.pid)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.returncode is None and self.zygote.proc.poll() is None:
            self.zygote.signal(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def kernel_argv(cmd: list[str]) -> list[str]:
    """The IPKernelApp arguments of a kernelspec command (everything after ``-m ipykernel_launcher``)."""
    for marker in ("ipykernel_launcher", "ipykernel"):
        if marker in cmd:
            return list(cmd[cmd.index(marker) + 1:])
    return [arg for arg in cmd[1:] if arg != "-m"]


class ForkProvisioner(LocalProvisioner):
    zygote: Zygote | None = None
    sandbox: Sandbox | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        sandbox = self.sandbox or Sandbox()
        cwd = str(kwargs.get("cwd") or os.getcwd())
        rundir = os.path.dirname(self.parent.connection_file)
        if sandbox.user and os.geteuid() == 0:
            for path in (rundir, self.parent.connection_file):
                os.chown(path, sandbox.user["uid"], sandbox.user["gid"])
        pid = self.zygote.spawn(argv=kernel_argv(cmd), cwd=cwd, env=minimal_env(cwd, sandbox.env), sandbox=sandbox,
                                writable=[cwd, rundir])
        self.process = ForkedProcess(self.zygote, pid)
        self.pid = self.pgid = pid
        self.cwd = cwd
        return self.connection_info

    async def send_signal(self, signum: int) -> None:
        """Through the zygote, never ``os.killpg`` by a pid that may have been recycled (jupyter_client's
        default): a late kill of a finished kernel once killed a neighbour's new kernel at start."""
        if self.process:
            self.process.send_signal(signum)


def minimal_env(home: str, extra: dict) -> dict:
    """The kernel's environment: nothing of the grader's (no tokens, no database URLs)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": os.environ.get("LANG", "C.UTF-8"),
           "HOME": home, "IPYTHONDIR": os.path.join(home, ".ipython"), "MPLCONFIGDIR": os.path.join(home, ".mpl"),
           "MPLBACKEND": "module://matplotlib_inline.backend_inline", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
           "NBGRADER_EXECUTION": "autograde",
           # one BLAS thread per kernel: workers already use every core, oversubscription only slows
           "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "TZ"):
        if key in os.environ:
            env[key] = os.environ[key]
    env.update(extra)
    return env


class ForkKernelManager(AsyncKernelManager):
    """An AsyncKernelManager that gets its kernels from the current thread's zygote."""

    zygote = AnyTrait(None, allow_none=True)
    sandbox = AnyTrait(None, allow_none=True)

    async def _async_pre_start_kernel(self, **kw: Any):
        # The kernel talks over Unix sockets in a private folder of its own (short path: a socket path
        # has a 107-byte limit), which is all of the grader it can reach: its network namespace has no
        # interface, so TCP on 127.0.0.1 is out of reach both ways.
        self._rundir = tempfile.mkdtemp(prefix="cerdas-k-", dir=_short_tmp())
        self.connection_file = os.path.join(self._rundir, "kernel.json")
        self.transport = "ipc"
        self.ip = os.path.join(self._rundir, "s")
        self.cache_ports = False
        if self.provisioner is None:
            provisioner = ForkProvisioner(kernel_id=self.kernel_id or "", kernel_spec=self.kernel_spec, parent=self)
            provisioner.zygote = self.zygote or current_zygote()
            provisioner.sandbox = self.sandbox or current_sandbox()
            self.provisioner = provisioner
        return await super()._async_pre_start_kernel(**kw)


    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart and getattr(self, "_rundir", None):
            shutil.rmtree(self._rundir, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources


def _short_tmp() -> str:
    """A temporary folder whose paths leave room for socket names (``/tmp`` unless it cannot be used)."""
    default = tempfile.gettempdir()
    if len(default) <= 40:
        return default
    return "/tmp" if os.access("/tmp", os.W_OK | os.X_OK) else default


_local = threading.local()


def use(zygote: Zygote, sandbox: Sandbox) -> None:
    """Make ``zygote`` and ``sandbox`` the ones this thread's ForkKernelManagers use."""
    _local.zygote, _local.sandbox = zygote, sandbox


def current_zygote() -> Zygote:
    zygote = getattr(_local, "zygote", None)
    if zygote is None:
        raise RuntimeError("no zygote for this thread: call cerdas.grading.kernels.use() first")
    return zygote


def current_sandbox() -> Sandbox:
    return getattr(_local, "sandbox", None) or Sandbox()
