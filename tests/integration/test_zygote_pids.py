"""A recycled pid never makes a new kernel look dead, and a late kill never reaches it.

The cause of kernels that "died before replying to kernel_info" beside hostile neighbours: the zygote
remembered exit codes by pid forever, and jupyter_client killed finished kernels by process group id.
With ``pid_max`` at 32768 a busy machine, a whole-course verify or a fork-happy submission recycles
pids within minutes, so a new kernel that inherited a finished one's pid was reported dead at once,
or killed by the late SIGKILL meant for its predecessor. Root only: the test forces the pid reuse
with ``/proc/sys/kernel/ns_last_pid``.
"""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest
from jupyter_client.connect import write_connection_file

from cerdas.grading.kernels import ForkedProcess, Sandbox, Zygote, minimal_env

NS_LAST_PID = "/proc/sys/kernel/ns_last_pid"
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0 or not os.access(NS_LAST_PID, os.W_OK),
    reason="forcing a pid to be reused needs root and ns_last_pid")]


def _spawn(zygote: Zygote, folder, *, valid: bool) -> int:
    connection = folder / "kernel.json"
    if valid:
        write_connection_file(str(connection), transport="ipc", ip=str(folder / "s"))
    argv = ["-f", str(connection)] if valid else ["--no-such-option-so-the-kernel-exits"]
    box = Sandbox(confine=False)
    return zygote.spawn(argv=argv, cwd=str(folder), env=minimal_env(str(folder), {}), sandbox=box,
                        writable=[str(folder)])


def _wait_exit(zygote: Zygote, pid: int) -> int:
    for _ in range(200):
        code = zygote.poll(pid)
        if code is not None:
            return code
        time.sleep(0.05)
    raise AssertionError("the kernel that should exit at once did not")


def test_recycled_pid_is_a_live_kernel_and_stale_kills_miss_it(tmp_path):
    zygote = Zygote([])
    try:
        first = tmp_path / "a"
        first.mkdir()
        old = ForkedProcess(zygote, _spawn(zygote, first, valid=False))
        old.wait(timeout=10)  # its manager saw it exit; the zygote reaped it, so the pid is free
        second = tmp_path / "b"
        second.mkdir()
        for _ in range(20):  # another process may take the pid first: try again
            with open(NS_LAST_PID, "w") as fh:
                fh.write(str(old.pid - 1))
            pid = _spawn(zygote, second, valid=True)
            if pid == old.pid:
                break
            zygote.signal(pid, signal.SIGKILL)
            _wait_exit(zygote, pid)
        else:
            pytest.skip("could not get the same pid back")
        time.sleep(1.0)
        assert zygote.poll(pid) is None, "a live kernel on a recycled pid was reported as exited"
        old.kill()  # the late kill jupyter_client sends while shutting the finished kernel down
        time.sleep(0.5)
        assert zygote.poll(pid) is None, "a late kill for a finished kernel reached the new one"
        assert zygote.signal(pid, signal.SIGKILL)
        assert _wait_exit(zygote, pid) == -signal.SIGKILL
        assert not zygote.signal(pid, signal.SIGKILL), "a reaped kernel's pid must not be signalled"
    finally:
        zygote.close()
