"""``cerdas links``: nbgitpuller links that pull the course into a learner's JupyterHub home and open
one notebook, one per lesson and per released assignment.

The form is exactly the one the site's JupyterHub launch button (Jupyter Book 1, sphinx-book-theme)
produces, so a link printed here and the button on the same page are the same link::

    {hub}/hub/user-redirect/git-pull?repo={repository url}&urlpath={lab/tree}/{repo name}/{path}&branch={branch}

Repository URL, branch, interface and the default hub come from ``_config.yml`` (``repository:`` and
``launch_buttons:``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import yaml

from cerdas.course import Course
from cerdas.errors import CourseError, Problem

INTERFACES = {"classic": "tree", "jupyterlab": "lab/tree"}


@dataclass(frozen=True)
class Link:
    path: str  # the notebook, relative to the repository root
    url: str
    kind: str  # "pelajaran" (lesson) or "tugas" (released assignment)
    published: bool = True  # False: the released notebook is not in the repository yet


@dataclass(frozen=True)
class LaunchSettings:
    repo_url: str
    branch: str
    interface: str
    hub: str
    book_path: str  # repository.path_to_book: where the book sits inside the repository


def settings(course: Course) -> LaunchSettings:
    """Read ``repository:`` and ``launch_buttons:`` from _config.yml; a missing piece is a clear error."""
    where = course.rel(course.config_file)
    try:
        config = yaml.safe_load(course.config_file.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise CourseError(Problem(where, "no _config.yml", "run inside the course repository or pass --root"))
    repo = config.get("repository") or {}
    launch = config.get("launch_buttons") or {}
    url = str(repo.get("url") or "").strip().rstrip("/")
    if not url:
        raise CourseError(Problem(where, "repository.url is not set", "add the course's public git URL under repository:"))
    interface = launch.get("notebook_interface", "classic")
    if interface not in INTERFACES:
        raise CourseError(Problem(where, f"launch_buttons.notebook_interface is {interface!r}",
                                  f"use one of: {', '.join(INTERFACES)}"))
    return LaunchSettings(repo_url=url, branch=str(repo.get("branch") or "master"), interface=interface,
                          hub=str(launch.get("jupyterhub_url") or "").strip().strip("/"),
                          book_path=str(repo.get("path_to_book") or "").strip("/"))


def pull_link(hub: str, path: str, s: LaunchSettings) -> str:
    """The launch button's link for the notebook at ``path`` (relative to the book root)."""
    repo_name = s.repo_url.rsplit("/", 1)[-1]
    in_repo = f"{s.book_path}/{path}" if s.book_path else path
    query = urlencode({"repo": s.repo_url, "urlpath": f"{INTERFACES[s.interface]}/{repo_name}/{in_repo}",
                       "branch": s.branch}, safe="/")
    return f"{hub.strip().strip('/')}/hub/user-redirect/git-pull?{query}"


def released_notebooks(course: Course) -> list[tuple[Path, bool]]:
    """Where each assignment's released notebook is published (book/tugas/<name>/<notebook>.ipynb),
    computed from the source assignments, with whether the file is there yet."""
    found = []
    for name in course.assignment_names():
        for source in sorted((course.source_dir / name).glob("*.ipynb")):
            target = course.published_dir / name / source.name
            found.append((target, target.is_file()))
    return found


def links(*, course: Course | None = None, hub: str | None = None) -> list[Link]:
    """One link per lesson notebook and per released assignment notebook."""
    course = course or Course.find()
    s = settings(course)
    hub = (hub or s.hub).strip()
    if not hub.startswith(("http://", "https://")):
        raise CourseError(Problem(course.rel(course.config_file), f"no usable hub URL ({hub or 'none given'})",
                                  "pass --hub https://your-hub or set launch_buttons.jupyterhub_url"))
    out = [Link(course.rel(p), pull_link(hub, course.rel(p), s), "pelajaran") for p in course.lesson_notebooks()]
    out += [Link(course.rel(p), pull_link(hub, course.rel(p), s), "tugas", ok) for p, ok in released_notebooks(course)]
    return out
