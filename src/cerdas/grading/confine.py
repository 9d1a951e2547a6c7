"""Confine one forked kernel with Linux namespaces, whoever runs the grader.

The kernel is forked from a warm zygote (``zygote.py``) and enters its own namespaces itself, the way
bubblewrap sets them up, so the imports the zygote paid for are kept (``bwrap`` would ``exec`` a
fresh Python). Three processes per kernel:

* **I** (outside) unshares mount, PID, network, IPC and UTS namespaces (and, when the grader is not
  root, a user namespace that maps only its own uid), forks, and waits: the zygote watches I.
* **G** is PID 1 of the new PID namespace. It builds a new root on a tmpfs that holds only what the
  kernel may see (below), pivots into it, forks K and reaps until K exits. When G exits the kernel
  tears down everything left in the namespace (fork bombs included).
* **K** becomes the kernel: an unprivileged user (``nobody`` when the grader is root), a user
  namespace of its own so ``RLIMIT_NPROC`` counts only this kernel's processes, no capabilities, no
  new privileges, resource limits, then ipykernel.

What K sees: the system's programs and libraries (``/usr``, ``/lib*``, ``/bin``, a few ``/etc``
files), the Python runtime and its site-packages, the ``cerdas`` package and the course's datasets,
all read-only; its own submission folder and kernel connection folder, writable; an empty private
``/tmp`` and ``/dev/shm``; a ``/proc`` that shows only its own processes; a network namespace with
no interface up (no ``127.0.0.1`` of the host). Not the gradebook, its copy, other submissions, the
course's source or anyone's home. Paths in ``hide`` that would show through a read-only folder get
an empty tmpfs on top.

Linux only; needs unprivileged user namespaces (or root). :func:`probe` says whether this host can.
"""

from __future__ import annotations

import ctypes
import os
import platform
import signal
import sys

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_SLAVE = 32, 4096, 16384, 1 << 19
MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 1024, 2048, 1 << 21
MNT_DETACH = 2
PR_SET_DUMPABLE, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT = 4, 24, 38, 47
PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "riscv64": 41, "ppc64le": 203, "s390x": 217}
# statvfs flag -> mount flag: a read-only remount in a user namespace must keep the locked ones
_LOCKED = {os.ST_NOSUID: MS_NOSUID, os.ST_NODEV: MS_NODEV, os.ST_NOEXEC: MS_NOEXEC,
           os.ST_NOATIME: MS_NOATIME, os.ST_NODIRATIME: MS_NODIRATIME, os.ST_RELATIME: MS_RELATIME}
SYSTEM = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc/alternatives",
          "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime", "/etc/timezone",
          "/etc/fonts", "/etc/ssl", "/etc/mime.types", "/etc/nsswitch.conf", "/etc/matplotlibrc"]
DEVICES = ["null", "zero", "full", "random", "urandom", "tty"]
NEWROOT = "/newroot"
EXIT_SETUP = 71  # G or I could not build the sandbox


class ConfineError(RuntimeError):
    """The host does not allow the namespaces a confined kernel needs."""


_libc_handle = None


def _libc():
    global _libc_handle
    if _libc_handle is None:
        _libc_handle = ctypes.CDLL(None, use_errno=True)
    return _libc_handle


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise ConfineError(f"{what}: {os.strerror(err)} (errno {err})")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    enc = (lambda s: s.encode() if s is not None else None)
    _check(_libc().mount(enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data)),
           f"mount {source or fstype} on {target}")


def _write(path: str, text: str) -> None:
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def runtime_paths(extra: list[str] = (), exclude: list[str] = ()) -> list[str]:
    """Folders the kernel reads: the Python installation, its site-packages, ``sys.path`` entries
    (not the working directory a ``-m`` start puts first), the ``cerdas`` package and ``extra``.
    An entry that holds an ``exclude`` path (the course folder, say) is left out."""
    import site

    import cerdas

    found = [sys.base_prefix, sys.prefix, *site.getsitepackages(),
             os.path.dirname(os.path.dirname(os.path.abspath(cerdas.__file__))), *extra]
    cwd = os.getcwd()
    found += [p for p in sys.path if p and os.path.abspath(p) != cwd]
    out = []
    for path in found:
        path = os.path.realpath(path)
        if not os.path.isdir(path) or any(_within(x, path) for x in exclude if x):
            continue
        out.append(path)
    return _outermost(out)


def _within(path: str, folder: str) -> bool:
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _outermost(paths: list[str]) -> list[str]:
    """Drop paths that lie inside another path of the list (one bind mount covers them)."""
    result: list[str] = []
    for path in sorted(set(paths), key=len):
        if not any(_within(path, kept) for kept in result):
            result.append(path)
    return result


def _symlinks_on(path: str) -> list[tuple[str, str]]:
    """The symlinks met while resolving ``path``, in order: (link path, link target)."""
    links, parts, current = [], os.path.abspath(path).split("/")[1:], ""
    for part in parts:
        current = f"{current}/{part}"
        if os.path.islink(current):
            target = os.readlink(current)
            links.append((current, target))
            current = os.path.realpath(current)
    return links


class Plan:
    """What one kernel's root holds, resolved on the host before any namespace is entered."""

    def __init__(self, *, ro: list[str], rw: list[str], hide: list[str], tmp_bytes: int, user: dict | None):
        self.links: list[tuple[str, str]] = []
        self.binds: list[tuple[str, bool]] = []  # (real path, writable)
        system = [p for p in SYSTEM if os.path.lexists(p)]
        for path, writable in [*((p, False) for p in [*system, *ro]), *((p, True) for p in rw)]:
            if not os.path.exists(path):
                continue
            self.links += [link for link in _symlinks_on(path) if link not in self.links]
            real = os.path.realpath(path)
            if not any(real == b for b, _ in self.binds):
                self.binds.append((real, writable))
        self.binds.sort(key=lambda b: (b[0].count("/"), b[0]))
        self.hide = [os.path.realpath(h) for h in hide if os.path.isdir(h)
                     and any(_within(h, b) and os.path.realpath(h) != b for b, _ in self.binds)]
        self.tmp_bytes = tmp_bytes
        self.user = user


def enter(plan: Plan, *, error_fd: int = 2) -> None:
    """Run in a freshly forked, single-threaded child. Returns only in K, the confined kernel process;
    I and G never return. Raises :class:`ConfineError` (in I) when the namespaces cannot be made; G
    writes why it failed to ``error_fd`` and exits with :data:`EXIT_SETUP`."""
    root = os.geteuid() == 0
    uid, gid = os.getuid(), os.getgid()
    flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS
    _check(_libc().unshare(flags | (0 if root else CLONE_NEWUSER)), "unshare")
    if not root:
        _map_ids(uid, gid)
    pid = os.fork()
    if pid:  # I: wait for G, exit with its status; interrupts and terminations are for K
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _, status = os.waitpid(pid, 0)
        os._exit(os.waitstatus_to_exitcode(status) & 0xFF)
    try:  # G
        _build_root(plan)
        kernel = os.fork()
    except BaseException as exc:  # noqa: BLE001 - report and leave; the kernel never starts
        os.write(error_fd, f"the sandbox could not be built: {exc}\n".encode())
        os._exit(EXIT_SETUP)
    if kernel:
        _reap(kernel)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)
    _drop(plan.user)


def _map_ids(uid: int, gid: int) -> None:
    _write("/proc/self/setgroups", "deny")
    _write("/proc/self/uid_map", f"{uid} {uid} 1")
    _write("/proc/self/gid_map", f"{gid} {gid} 1")


def _reap(kernel: int) -> None:
    """G: PID 1 of the namespace. Reap every orphan; leave when the kernel exits."""
    _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    os.closerange(3, 65536)
    code = 1
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        if pid == kernel:
            code = os.waitstatus_to_exitcode(status)
            break
    os._exit(code & 0xFF if code >= 0 else 128 - code)


def _readonly_flags(path: str) -> int:
    try:
        have = os.statvfs(path).f_flag
    except OSError:
        have = 0
    return MS_REMOUNT | MS_BIND | MS_RDONLY | sum(ms for st, ms in _LOCKED.items() if have & st)


def _build_root(plan: Plan) -> None:
    """G: a tmpfs root holding only the planned folders, then pivot into it (as bubblewrap does)."""
    _mount(None, "/", None, MS_SLAVE | MS_REC)
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=1m")
    os.chdir("/tmp")
    for folder in ("newroot", "oldroot"):
        os.mkdir(folder)
    _pivot(".", "oldroot")  # "/" is that small tmpfs now; the host's tree is under /oldroot
    new = NEWROOT
    _mount("tmpfs", new, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=4m")
    for link, target in plan.links:
        os.makedirs(new + os.path.dirname(link), exist_ok=True)
        if not os.path.lexists(new + link):
            os.symlink(target, new + link)
    tmp_made = False
    for real, writable in plan.binds:
        if real.startswith("/tmp/") and not tmp_made:
            _private_tmp(new, plan.tmp_bytes)
            tmp_made = True
        target = new + real
        if os.path.isdir("/oldroot" + real):
            os.makedirs(target, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if not os.path.exists(target):
                open(target, "w").close()
        _mount("/oldroot" + real, target, None, MS_BIND | MS_REC)
        if not writable:
            _mount(None, target, None, _readonly_flags(target))
    for hidden in plan.hide:
        _mount("tmpfs", new + hidden, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=16k")
    if not tmp_made:
        _private_tmp(new, plan.tmp_bytes)
    _devices(new)
    os.makedirs(new + "/proc", exist_ok=True)
    try:
        _mount("proc", new + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    except ConfineError:
        if os.geteuid() == 0:  # root can always; elsewhere a kernel without /proc is still better
            raise                # than one that sees the host's processes
    _identity(new, plan.user)
    _check(_libc().umount2(b"/oldroot", MNT_DETACH), "umount /oldroot")
    os.chdir(new)
    _pivot(".", ".")
    _check(_libc().umount2(b".", MNT_DETACH), "umount old root")
    os.chdir("/")
    _mount(None, "/", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _private_tmp(new: str, size: int) -> None:
    os.makedirs(new + "/tmp", exist_ok=True)
    _mount("tmpfs", new + "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"mode=1777,size={max(size, 1 << 20)}")


def _devices(new: str) -> None:
    dev = new + "/dev"
    os.makedirs(dev, exist_ok=True)
    _mount("tmpfs", dev, "tmpfs", MS_NOSUID, "mode=0755,size=64k")
    for name in DEVICES:
        if os.path.exists("/oldroot/dev/" + name):
            open(f"{dev}/{name}", "w").close()
            _mount(f"/oldroot/dev/{name}", f"{dev}/{name}", None, MS_BIND)
    os.makedirs(dev + "/shm")
    _mount("tmpfs", dev + "/shm", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777,size=64m")
    for name, target in {"fd": "/proc/self/fd", "stdin": "/proc/self/fd/0", "stdout": "/proc/self/fd/1",
                         "stderr": "/proc/self/fd/2"}.items():
        os.symlink(target, f"{dev}/{name}")


def _identity(new: str, user: dict | None) -> None:
    """A passwd and group naming only the kernel's user: the host's account list stays out."""
    uid = user["uid"] if user else os.getuid()
    gid = user["gid"] if user else os.getgid()
    os.makedirs(new + "/etc", exist_ok=True)
    with open(new + "/etc/passwd", "w") as fh:
        fh.write(f"peserta:x:{uid}:{gid}:peserta:/tmp:/bin/sh\n")
    with open(new + "/etc/group", "w") as fh:
        fh.write(f"peserta:x:{gid}:\n")
    with open(new + "/etc/hostname", "w") as fh:
        fh.write("kotak\n")


def _pivot(new_root: str, put_old: str) -> None:
    number = PIVOT_ROOT.get(platform.machine())
    if number is None:
        raise ConfineError(f"pivot_root: unknown system call number on {platform.machine()}")
    _check(_libc().syscall(number, new_root.encode(), put_old.encode()), "pivot_root")


def _drop(user: dict | None) -> None:
    """K: become the kernel's user in a user namespace of its own, with no capabilities left."""
    if os.geteuid() == 0 and user:
        os.setgroups([])
        os.setgid(int(user["gid"]))
        os.setuid(int(user["uid"]))
        _libc().prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)  # else /proc/self stays root's after setuid
    uid, gid = os.getuid(), os.getgid()
    # A user namespace per kernel: RLIMIT_NPROC counts this kernel's processes only, and K keeps no
    # capability over the namespaces G set up.
    _check(_libc().unshare(CLONE_NEWUSER), "unshare user namespace")
    if os.path.exists("/proc/self/uid_map"):
        _map_ids(uid, gid)
    libc = _libc()
    for cap in range(64):
        libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
    libc.prctl(PR_CAP_AMBIENT, 4, 0, 0, 0)  # PR_CAP_AMBIENT_CLEAR_ALL
    _check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = (ctypes.c_uint32 * 6)()
    _check(libc.capset(header, data), "capset")


def probe(plan: Plan) -> str | None:
    """Try the whole confinement once in a throwaway child; None when it works, else why not."""
    if not sys.platform.startswith("linux"):
        return f"kernel namespaces are Linux-only (this is {sys.platform})"
    if os.environ.get("CERDAS_SANDBOX") == "off":
        return "disabled by CERDAS_SANDBOX=off"
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            os.setsid()
            enter(plan, error_fd=write)
            message = b""
        except BaseException as exc:  # noqa: BLE001
            message = str(exc).encode() or exc.__class__.__name__.encode()
        os.write(write, message)
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 4096):
        chunks.append(chunk)
    os.close(read)
    _, status = os.waitpid(pid, 0)
    message = b"".join(chunks).decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if message:
        return message
    return None if code == 0 else f"the sandbox probe exited with status {code}"


def check(*, extra_ro: list[str] = (), hide: list[str] = ()) -> str | None:
    """From the grader: can kernels be confined here? Probes in a fresh interpreter (forking the
    grader itself, which runs threads, is unsafe). None when they can, else the reason."""
    import json
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="cerdas-probe-") as folder:
        request = json.dumps({"ro": list(extra_ro), "rw": [folder], "hide": list(hide)})
        done = subprocess.run([sys.executable, "-m", "cerdas.grading.confine", request],
                              capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        return (done.stderr.strip().splitlines() or [f"the probe exited with status {done.returncode}"])[-1]
    return json.loads(done.stdout).get("why")


def _main(argv: list[str]) -> int:
    import json

    request = json.loads(argv[0])
    plan = Plan(ro=runtime_paths(request["ro"], request["hide"]), rw=request["rw"], hide=request["hide"],
                tmp_bytes=1 << 20, user=_nobody() if os.geteuid() == 0 else None)
    print(json.dumps({"why": probe(plan)}))
    return 0


def _nobody() -> dict | None:
    import pwd

    try:
        entry = pwd.getpwnam("nobody")
    except KeyError:
        return None
    return {"uid": entry.pw_uid, "gid": entry.pw_gid}


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
