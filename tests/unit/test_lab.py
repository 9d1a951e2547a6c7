"""`cerdas lab`: the learners' JupyterLab settings (Binder's postBuild, a hub's environment)."""

from __future__ import annotations

import json

from cerdas.cli import main
from cerdas.lab import INSTRUCTOR_PLUGINS, setup_lab


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_learner_environment_is_indonesian_without_instructor_tools(tmp_path):
    page = tmp_path / "etc" / "jupyter" / "labconfig" / "page_config.json"
    page.parent.mkdir(parents=True)
    page.write_text(json.dumps({"disabledExtensions": ["@jupyterlab/some:other"]}))  # already disabled: kept
    setup_lab(prefix=tmp_path)
    overrides = read(tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "cerdas.json")
    assert overrides["@jupyterlab/translation-extension:plugin"] == {"locale": "id_ID"}
    labels = [m["label"] for m in overrides["@jupyterlab/mainmenu-extension:plugin"]["menus"]]
    assert labels[0] == "Berkas" and "Bantuan" in labels
    disabled = read(page)["disabledExtensions"]
    assert disabled == {"@jupyterlab/some:other": True, **{name: True for name in INSTRUCTOR_PLUGINS}}
    assert "@jupyter/nbgrader:assignment-list" not in disabled
    server = read(tmp_path / "etc" / "jupyter" / "jupyter_server_config.d" / "zz-cerdas-learner.json")
    assert server["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False


def test_hub_environment_keeps_instructor_tools(tmp_path, capsys):
    assert main(["lab", "--prefix", str(tmp_path), "--keep-instructor-tools"]) == 0
    assert "overrides.d/cerdas.json" in capsys.readouterr().out
    assert not (tmp_path / "etc").exists()
