"""A real JupyterHub on 127.0.0.1 for tests and benchmarks: deploy/jupyterhub/jupyterhub_config.py with
local overrides (free ports, LocalProcessSpawner, throwaway Unix users), driven only through the hub's
REST API and each user's own server (contents, kernels, nbgrader's assignment-list handlers).

Needs root (it creates Unix users and the hub starts servers as them) and configurable-http-proxy.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
import yaml

REPO = Path(__file__).resolve().parents[1]
DEPLOY_CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
VENV_BIN = Path(sys.executable).parent

OVERRIDES = """
import os, sys
load_subconfig({deploy!r})
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.Spawner.ip = "127.0.0.1"
c.JupyterHub.concurrent_spawn_limit = 0
# Lessons are pulled from a local git repository owned by root (no network): git reads another user's
# repository only when a global config says it is safe (safe.directory), so learners get one here.
c.Spawner.environment = {{"GIT_CONFIG_GLOBAL": {gitconfig!r}}}
# The test drives the hub as an admin service; no idle culler in a short test.
c.JupyterHub.services = [{{"name": "driver", "api_token": os.environ["CERDAS_TEST_TOKEN"]}}]
c.JupyterHub.load_roles = [r for r in c.JupyterHub.load_roles if r["name"] != "idle-culler"] + [
    {{"name": "driver", "services": ["driver"],
      "scopes": ["admin:users", "admin:servers", "tokens", "admin:groups", "read:users", "list:users"]}}]
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class KernelError(RuntimeError):
    pass


class HubUser:
    """One person, logged in with their own API token; everything runs on their server, as them."""

    def __init__(self, hub: "LocalHub", name: str, token: str):
        self.hub, self.name, self.token = hub, name, token
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"token {token}"
        self.kernel_id: str | None = None
        self.spawn_seconds: float | None = None

    @property
    def server(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def start_server(self, timeout: float = 120) -> float:
        """Ask the hub for a server and wait until it is ready; the seconds it took."""
        started = time.perf_counter()
        r = self.http.post(f"{self.hub.url}/hub/api/users/{self.name}/server")
        if r.status_code not in (201, 202):
            raise RuntimeError(f"{self.name}: spawn refused: {r.status_code} {r.text[:300]}")
        while time.perf_counter() - started < timeout:
            model = self.http.get(f"{self.hub.url}/hub/api/users/{self.name}").json()
            server = (model.get("servers") or {}).get("")
            if server and server.get("ready"):
                if self.http.get(f"{self.server}/api/status").status_code == 200:
                    self.spawn_seconds = time.perf_counter() - started
                    return self.spawn_seconds
            elif not server and not model.get("pending"):
                raise RuntimeError(f"{self.name}: server failed to start; hub log: {self.hub.log_tail(about=self.name)}")
            time.sleep(0.25)
        raise TimeoutError(f"{self.name}: server not ready after {timeout} s; hub log: {self.hub.log_tail()}")

    # --- files (contents API) ---------------------------------------------------------------
    def get(self, path: str) -> dict:
        r = self.http.get(f"{self.server}/api/contents/{path}", params={"content": 1})
        r.raise_for_status()
        return r.json()

    def put(self, path: str, model: dict) -> None:
        r = self.http.put(f"{self.server}/api/contents/{path}", json=model)
        if r.status_code not in (200, 201):
            raise RuntimeError(f"{self.name}: PUT {path}: {r.status_code} {r.text[:300]}")

    def mkdir(self, path: str) -> None:
        self.put(path, {"type": "directory"})

    def upload_text(self, path: str, text: str) -> None:
        self.put(path, {"type": "file", "format": "text", "content": text})

    def upload_notebook(self, path: str, nb: dict) -> None:
        self.put(path, {"type": "notebook", "content": nb})

    # --- nbgrader's assignment list (what the learner's Assignments tab calls) ---------------
    def assignments(self, course_id: str = "") -> list[dict]:
        r = self.http.get(f"{self.server}/assignments", params={"course_id": course_id})
        r.raise_for_status()
        body = r.json()
        if not body.get("success"):
            raise RuntimeError(f"{self.name}: assignment list failed: {body.get('value')}")
        return body["value"]

    def assignment_action(self, action: str, course_id: str, assignment_id: str) -> dict:
        r = self.http.post(f"{self.server}/assignments/{action}",
                           json={"course_id": course_id, "assignment_id": assignment_id})
        r.raise_for_status()
        return r.json()

    # --- code, run by this user's kernel ----------------------------------------------------
    def run(self, code: str, timeout: float = 120) -> str:
        """Run ``code`` in this user's kernel; its printed output. A Python error raises KernelError."""
        if self.kernel_id is None:
            r = self.http.post(f"{self.server}/api/kernels", json={"name": "python3"})
            r.raise_for_status()
            self.kernel_id = r.json()["id"]
        return execute(self.server, self.kernel_id, self.token, code, timeout=timeout)


def execute(server: str, kernel_id: str, token: str, code: str, timeout: float = 120) -> str:
    """Run ``code`` in a running kernel of a Jupyter server (over its websocket, as the browser does);
    the printed output (streams and text results). A Python error raises KernelError."""
    import websocket

    ws_url = server.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(ws_url, header=[f"Authorization: token {token}"], timeout=timeout)
    try:
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        out, error, deadline = [], None, time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                out.append(content["text"])
            elif kind == "execute_result":
                out.append(content["data"].get("text/plain", "") + "\n")
            elif kind == "error":
                error = "\n".join(content["traceback"])
            elif kind == "status" and content["execution_state"] == "idle":
                break
        else:
            raise TimeoutError(f"code did not finish in {timeout} s")
    finally:
        ws.close()
    if error:
        raise KernelError(f"{error}\n--- output ---\n{''.join(out)}")
    return "".join(out)


class LocalHub:
    """Throwaway Unix users + the deploy config's hub on free 127.0.0.1 ports; ``stop()`` undoes all."""

    def __init__(self, courses: dict[str, dict[str, list[str]]], extra_users: list[str] = (), extra_config: str = ""):
        self.extra_config = extra_config
        self.tag = "c" + secrets.token_hex(3)  # Unix names unique to this run
        self.courses = {cid: {role: [self.user(n) for n in names] for role, names in people.items()}
                        for cid, people in courses.items()}
        self.users = sorted({u for p in self.courses.values() for names in p.values() for u in names}
                            | {self.user(n) for n in extra_users})
        self.base = Path(tempfile.mkdtemp(prefix="cerdas-hub-"))
        os.chmod(self.base, 0o755)
        self.state, self.exchange, self.homes = self.base / "state", self.base / "exchange", self.base / "home"
        self.homes.mkdir(mode=0o755)
        self.token = secrets.token_hex(32)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = self.base / "hub.log"
        self.admin = requests.Session()
        self.admin.headers["Authorization"] = f"token {self.token}"
        self.created: list[str] = []

    def user(self, short: str) -> str:
        return f"{self.tag}{short}"

    def start(self, timeout: float = 90) -> "LocalHub":
        for name in self.users:
            subprocess.run(["useradd", "--create-home", "--home-dir", str(self.homes / name),
                            "--shell", "/bin/bash", name], check=True, capture_output=True)
            self.created.append(name)
        probe = subprocess.run([sys.executable, "-c", "import jupyterhub, nbgrader, cerdas"], user=self.users[0],
                               cwd=self.base, capture_output=True, text=True)
        if probe.returncode:
            raise RuntimeError(f"a learner account cannot run {sys.executable} (is a parent folder of the checkout "
                               f"closed to other users, e.g. mode 700?): {probe.stderr.strip()[-300:]}")
        courses_file = self.base / "courses.yml"
        courses_file.write_text(yaml.safe_dump({"courses": self.courses}))
        config = self.base / "hub_config.py"
        gitconfig = self.base / "gitconfig"
        gitconfig.write_text("[safe]\n\tdirectory = *\n")
        os.chmod(gitconfig, 0o644)
        config.write_text(OVERRIDES.format(deploy=str(DEPLOY_CONFIG), port=self.port, hub_port=free_port(),
                                           gitconfig=str(gitconfig),
                                           proxy_api_port=free_port(), chp=shutil.which("configurable-http-proxy"))
                          + self.extra_config)
        env = {**os.environ, "CERDAS_TEST_TOKEN": self.token, "CERDAS_HUB_COURSES": str(courses_file),
               "CERDAS_HUB_STATE": str(self.state), "CERDAS_EXCHANGE": str(self.exchange),
               "CERDAS_HUB_ADMINS": self.user("admin"),
               "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}"}
        env.pop("JUPYTER_CONFIG_PATH", None)
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen([str(VENV_BIN / "jupyterhub"), "-f", str(config)], cwd=self.base,
                                         env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited ({self.proc.returncode}): {self.log_tail()}")
            try:
                if self.admin.get(f"{self.url}/hub/api/", timeout=2).status_code == 200:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"the hub did not answer in {timeout} s: {self.log_tail()}")

    def log_tail(self, lines: int = 40, about: str = "") -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        kept = [line for line in text.splitlines() if about in line and " 200 GET " not in line]
        return "\n".join(kept[-lines:])

    def login(self, short: str) -> HubUser:
        """The hub user (created by the admin if the courses file did not), with a fresh token of its own."""
        name = self.user(short) if not short.startswith(self.tag) else short
        r = self.admin.post(f"{self.url}/hub/api/users/{name}")
        if r.status_code not in (201, 409):
            raise RuntimeError(f"creating {name}: {r.status_code} {r.text[:200]}")
        r = self.admin.post(f"{self.url}/hub/api/users/{name}/tokens", json={"note": "test", "expires_in": 3600})
        r.raise_for_status()
        return HubUser(self, name, r.json()["token"])

    def course_repository(self, files: dict[str, str]) -> str:
        """A git repository (branch main) with ``files``, readable by every learner: a stand-in for the
        course's public repository. Its URL (file://)."""
        origin = self.base / "origin" / "cerdas"
        for name, text in files.items():
            (origin / name).parent.mkdir(parents=True, exist_ok=True)
            (origin / name).write_text(text, encoding="utf-8")
        git = ["git", "-c", "user.name=Cerdas", "-c", "user.email=cerdas@example.invalid", "-C", str(origin)]
        for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "kursus"]):
            subprocess.run([*git, *args], check=True, capture_output=True)
        subprocess.run(["chmod", "-R", "a+rX", str(self.base / "origin")], check=True)
        return f"file://{origin}"

    def start_servers(self, users: list[HubUser], timeout: float = 120) -> list[float]:
        with ThreadPoolExecutor(max_workers=len(users) or 1) as pool:
            return list(pool.map(lambda u: u.start_server(timeout), users))

    def stop(self) -> None:
        import psutil

        if self.proc and self.proc.poll() is None:
            self.proc.terminate()  # the hub stops the servers and the proxy it started
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        uids = set()
        for name in self.created:
            try:
                import pwd

                uids.add(pwd.getpwnam(name).pw_uid)
            except KeyError:
                pass
        for proc in psutil.process_iter(["uids"]):  # anything left running as a throwaway user
            if proc.info["uids"] and proc.info["uids"].real in uids:
                try:
                    proc.kill()
                except psutil.NoSuchProcess:  # it ended between the listing and the kill
                    pass
        for name in self.created:
            subprocess.run(["userdel", "--force", name], capture_output=True)
        shutil.rmtree(self.base, ignore_errors=True)
