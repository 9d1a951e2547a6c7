"""JupyterHub for a Cerdas training lab: one server (a PC in a training room or a city's VM).

What it sets up (read README.md beside this file first):

* Accounts: NativeAuthenticator. People sign up at /hub/signup with a username and password; an
  admin approves them at /hub/authorize. Every hub user is also a Unix account, created on the first
  start of their server (home folder readable only by them).
* Courses: courses.yml lists, for each nbgrader course, its instructors and students. They become hub
  groups ``formgrade-<course>`` / ``nbgrader-<course>`` (how nbgrader tells which courses a learner may
  see) and ``instructors`` / ``students``.
* Learners see the nbgrader assignment list (fetch, check, submit, read feedback) of their own courses
  only, never the instructor tools; instructors get formgrader for their course, whose folder is
  ``~/kursus/<course>`` in their home.
* The nbgrader exchange is one shared folder (default /srv/nbgrader/exchange) for all courses.
* Per-user limits: SystemdSpawner runs each server as a systemd unit with a memory cap and a CPU quota.
* nbgitpuller is installed: ``cerdas links --hub https://this-hub`` prints links that pull the course
  into a learner's home and open a lesson.

Settings come from environment variables (defaults in brackets), so the same file serves a real lab,
the end-to-end test and the load benchmark:

    CERDAS_HUB_COURSES   courses.yml path            [courses.yml beside this file]
    CERDAS_HUB_STATE     hub database, secrets, generated Jupyter config   [/srv/jupyterhub]
    CERDAS_EXCHANGE      nbgrader exchange root      [/srv/nbgrader/exchange]
    CERDAS_HUB_ADMINS    comma-separated admin usernames   [admin]
    CERDAS_HUB_MEM       memory per learner server   [2G]
    CERDAS_HUB_CPU       CPU cores per learner server   [1]
"""

import json
import os
import pwd
import re
import subprocess
import sys
from pathlib import Path

import yaml

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)

HERE = Path(__file__).resolve().parent
COURSES_FILE = Path(os.environ.get("CERDAS_HUB_COURSES", HERE / "courses.yml"))
STATE = Path(os.environ.get("CERDAS_HUB_STATE", "/srv/jupyterhub"))
EXCHANGE = Path(os.environ.get("CERDAS_EXCHANGE", "/srv/nbgrader/exchange"))
ADMINS = {name.strip() for name in os.environ.get("CERDAS_HUB_ADMINS", "admin").split(",") if name.strip()}
UNIX_NAME = r"^[a-z][a-z0-9_-]{0,31}$"


# --- courses: who teaches, who learns ---------------------------------------------------------
def read_courses(path: Path) -> dict[str, dict[str, list[str]]]:
    """``{course_id: {"instructors": [...], "students": [...]}}`` from courses.yml, checked."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    courses = data.get("courses") or {}
    if not isinstance(courses, dict) or not courses:
        raise SystemExit(f"{path}: no courses (expected `courses: {{<id>: {{instructors: [...], students: [...]}}}}`)")
    checked = {}
    for course_id, people in courses.items():
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", str(course_id)):
            raise SystemExit(f"{path}: course id {course_id!r}: use letters, digits, '.', '_' or '-'")
        people = people or {}
        checked[str(course_id)] = {role: [str(u).lower() for u in people.get(role) or []]
                                   for role in ("instructors", "students")}
        for name in checked[str(course_id)]["instructors"] + checked[str(course_id)]["students"]:
            if not re.fullmatch(UNIX_NAME, name):
                raise SystemExit(f"{path}: course {course_id}: {name!r} is not a valid username "
                                 "(lower-case letters, digits, '-' or '_', starting with a letter)")
    return checked


COURSES = read_courses(COURSES_FILE)
INSTRUCTORS = sorted({u for people in COURSES.values() for u in people["instructors"]})
STUDENTS = sorted({u for people in COURSES.values() for u in people["students"]})

groups = {"instructors": {"users": INSTRUCTORS}, "students": {"users": STUDENTS}}
for course_id, people in COURSES.items():
    groups[f"formgrade-{course_id}"] = {"users": people["instructors"]}
    groups[f"nbgrader-{course_id}"] = {"users": people["students"]}
c.JupyterHub.load_groups = groups

# A learner's server asks the hub which groups (so which courses) its user is in: nbgrader's
# JupyterHubAuthPlugin reads them with the server's own token. Nothing else is added to that token.
c.JupyterHub.load_roles = [
    {"name": "server", "scopes": ["users:activity!user", "access:servers!server", "read:users:name!user",
                                  "read:users:groups!user"]},
]

# --- accounts ---------------------------------------------------------------------------------
c.JupyterHub.authenticator_class = "nativeauthenticator.NativeAuthenticator"
c.Authenticator.admin_users = ADMINS
c.Authenticator.allow_all = True  # anyone who signed up *and* was approved by an admin
c.Authenticator.username_pattern = UNIX_NAME  # hub names are Unix account names
c.NativeAuthenticator.minimum_password_length = 8
c.NativeAuthenticator.check_common_password = True
c.NativeAuthenticator.allowed_failed_logins = 5
c.NativeAuthenticator.seconds_before_next_try = 300
c.NativeAuthenticator.ask_email_on_signup = False

# --- where things live ------------------------------------------------------------------------
STATE.mkdir(parents=True, exist_ok=True, mode=0o700)
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.JupyterHub.bind_url = os.environ.get("CERDAS_HUB_URL", "http://:8000")


def exchange_root(path: Path) -> None:
    """One exchange for every course: anyone may create inside, only the owner may delete (like /tmp)."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o1777)


def jupyter_config_dirs(state: Path) -> dict[str, Path]:
    """Generated Jupyter config folders put on each server's JUPYTER_CONFIG_PATH by group."""
    common = state / "jupyter" / "common"
    common.mkdir(parents=True, exist_ok=True)
    (common / "nbgrader_config.py").write_text(
        "# Written by deploy/jupyterhub/jupyterhub_config.py at hub start: edit that file, not this one.\n"
        "from nbgrader.auth import JupyterHubAuthPlugin\n"
        "c = get_config()\n"
        f"c.Exchange.root = {str(EXCHANGE)!r}\n"
        "c.Exchange.path_includes_course = True  # ~/<course>/<assignment>: courses never collide\n"
        "c.Authenticator.plugin_class = JupyterHubAuthPlugin  # courses = the user's hub groups\n",
        encoding="utf-8")
    learner = state / "jupyter" / "learner"
    from cerdas.lab import learner_config

    learner_config(learner)
    dirs = {"common": common, "learner": learner}
    for course_id in COURSES:
        course = state / "jupyter" / f"course-{course_id}"
        course.mkdir(parents=True, exist_ok=True)
        (course / "nbgrader_config.py").write_text(
            "# Written by deploy/jupyterhub/jupyterhub_config.py at hub start.\n"
            "import os\n"
            "c = get_config()\n"
            f"c.CourseDirectory.course_id = {course_id!r}\n"
            f"c.CourseDirectory.root = os.path.expanduser('~/kursus/{course_id}')\n",
            encoding="utf-8")
        dirs[course_id] = course
    for folder in state.joinpath("jupyter").rglob("*"):
        os.chmod(folder, 0o755 if folder.is_dir() else 0o644)
    os.chmod(state / "jupyter", 0o755)
    os.chmod(state, 0o711)  # learners' servers read state/jupyter, nothing else here
    return dirs


exchange_root(EXCHANGE)
CONFIG_DIRS = jupyter_config_dirs(STATE)


# --- each user's server -----------------------------------------------------------------------
def ensure_unix_user(name: str) -> pwd.struct_passwd:
    """The Unix account of a hub user: created on first start, home readable only by its owner."""
    if not re.fullmatch(UNIX_NAME, name):
        raise ValueError(f"{name!r} cannot be a Unix account name")
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", name], check=True)
        entry = pwd.getpwnam(name)
    os.chmod(entry.pw_dir, 0o700)
    return entry


def pre_spawn(spawner) -> None:
    """Create the account; give the server the Jupyter config of the user's role."""
    name = spawner.user.name
    entry = ensure_unix_user(name)
    teaches = [cid for cid, people in COURSES.items() if name in people["instructors"]]
    paths = [CONFIG_DIRS[teaches[0]]] if teaches else [CONFIG_DIRS["learner"]]
    paths.append(CONFIG_DIRS["common"])
    for course_id in teaches[:1]:  # nbgrader's formgrader serves one course per server
        course_dir = Path(entry.pw_dir) / "kursus" / course_id
        if not course_dir.exists():
            course_dir.mkdir(parents=True)
            for folder in (course_dir.parent, course_dir):
                os.chown(folder, entry.pw_uid, entry.pw_gid)
    spawner.environment.update({"JUPYTER_CONFIG_PATH": os.pathsep.join(str(p) for p in paths)})


c.Spawner.pre_spawn_hook = pre_spawn
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
# The learners' environment: the course requirements plus jupyterhub (deploy/jupyterhub/requirements.txt).
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
# A whole class pressing "Start" at 08:00 on a small server: each JupyterLab may take a while to
# answer (benchmarks/hub_load.py: 20 at once on 2 cores took longer than JupyterHub's default 30 s).
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180

c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
c.SystemdSpawner.mem_limit = os.environ.get("CERDAS_HUB_MEM", "2G")
c.SystemdSpawner.cpu_limit = float(os.environ.get("CERDAS_HUB_CPU", "1"))
c.SystemdSpawner.isolate_tmp = True  # a private /tmp per learner
c.SystemdSpawner.isolate_devices = True
c.SystemdSpawner.disable_user_sudo = True
c.SystemdSpawner.username_template = "{USERNAME}"
c.SystemdSpawner.user_workingdir = "/home/{USERNAME}"
c.SystemdSpawner.unit_extra_properties = {"TasksMax": "512"}  # a fork bomb stops here

# Stop servers idle for an hour (frees memory in a shared room).
c.JupyterHub.services = [
    {"name": "idle-culler", "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"]},
]
c.JupyterHub.load_roles.append(
    {"name": "idle-culler", "services": ["idle-culler"],
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]})
