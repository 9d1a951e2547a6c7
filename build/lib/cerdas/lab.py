"""``cerdas lab``: set up the JupyterLab that learners use (what pip alone cannot do).

* Bahasa Indonesia by default: the ``jupyterlab-language-pack-id-ID`` package is installed by pip; this
  makes ``id_ID`` the default locale for everyone using this environment (a settings override; a
  learner can still switch language in the *Settings > Language* menu).
* Learners see nbgrader's assignment list (fetch, validate, submit, fetch feedback) but not the
  instructor tools (formgrader, create-assignment, course list): their front-end plugins are
  disabled and their server extensions switched off.

Binder runs it from ``postBuild``; a JupyterHub where instructors share the environment runs it with
``--keep-instructor-tools`` and hides those tools per group instead (see deploy/jupyterhub/).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LOCALE = "id_ID"
# The id_ID language pack (4.5.post3) translates about 500 strings but not the main menu titles, so
# those are named here (the menus keep their ids and items; only the labels change).
MENU_TITLES = {"file": "Berkas", "edit": "Sunting", "view": "Tampilan", "run": "Jalankan", "kernel": "Kernel",
               "tabs": "Tab", "settings": "Pengaturan", "help": "Bantuan"}
LANGUAGE_OVERRIDE = {
    "@jupyterlab/translation-extension:plugin": {"locale": LOCALE},
    "@jupyterlab/mainmenu-extension:plugin": {
        "menus": [{"id": f"jp-mainmenu-{menu}", "label": label} for menu, label in MENU_TITLES.items()]},
    # No English pop-up asking to fetch Jupyter news from the internet.
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"},
}
INSTRUCTOR_PLUGINS = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                      "@jupyter/nbgrader:course-list"]
INSTRUCTOR_SERVER_EXTENSIONS = ["nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list"]


def _write_json(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def language_default(prefix: Path) -> Path:
    """{prefix}/share/jupyter/lab/settings/overrides.d/cerdas.json: Indonesian unless the user chose."""
    return _write_json(prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "cerdas.json",
                       LANGUAGE_OVERRIDE)


def learner_config(config_dir: Path) -> list[Path]:
    """In a Jupyter config directory (an entry of ``jupyter --paths`` config), hide the instructor tools."""
    page = config_dir / "labconfig" / "page_config.json"
    current = json.loads(page.read_text(encoding="utf-8")) if page.is_file() else {}
    disabled = current.get("disabledExtensions") or {}
    if isinstance(disabled, list):
        disabled = {name: True for name in disabled}
    current["disabledExtensions"] = {**disabled, **{name: True for name in INSTRUCTOR_PLUGINS}}
    server = {"ServerApp": {"jpserver_extensions": {name: False for name in INSTRUCTOR_SERVER_EXTENSIONS}}}
    # "zz-" sorts after nbgrader.json in jupyter_server_config.d, so this one wins.
    return [_write_json(page, current),
            _write_json(config_dir / "jupyter_server_config.d" / "zz-cerdas-learner.json", server)]


def setup_lab(*, prefix: Path | None = None, keep_instructor_tools: bool = False) -> list[Path]:
    """Configure the environment at ``prefix`` (default: this Python's) for learners; the files written."""
    prefix = Path(prefix or sys.prefix)
    written = [language_default(prefix)]
    if not keep_instructor_tools:
        written += learner_config(prefix / "etc" / "jupyter")
    return written
