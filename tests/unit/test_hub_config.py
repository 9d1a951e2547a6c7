"""deploy/jupyterhub/jupyterhub_config.py loads in JupyterHub's own config loader and says what the
README promises (the end-to-end hub test runs the same file with local overrides)."""

from __future__ import annotations

import json

import pytest
from traitlets.utils.importstring import import_item

from conftest import REPO

CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"


@pytest.fixture
def load(tmp_path, monkeypatch):
    def run(courses: str):
        (tmp_path / "courses.yml").write_text(courses)
        monkeypatch.setenv("CERDAS_HUB_COURSES", str(tmp_path / "courses.yml"))
        monkeypatch.setenv("CERDAS_HUB_STATE", str(tmp_path / "state"))
        monkeypatch.setenv("CERDAS_EXCHANGE", str(tmp_path / "exchange"))
        from jupyterhub.app import JupyterHub

        app = JupyterHub()
        app.load_config_file(str(CONFIG))
        return app.config, tmp_path

    return run


def test_config_loads_with_the_example_courses(load):
    config, root = load((REPO / "deploy" / "jupyterhub" / "courses.yml").read_text())
    hub = config.JupyterHub
    for name in (hub.authenticator_class, hub.spawner_class):
        import_item(name)  # the pinned packages provide them
    assert hub.authenticator_class == "nativeauthenticator.NativeAuthenticator"
    assert hub.load_groups["formgrade-cerdas"]["users"] == ["guru"]
    assert hub.load_groups["nbgrader-cerdas"]["users"] == ["siti", "budi"]
    assert config.SystemdSpawner.mem_limit and config.SystemdSpawner.cpu_limit
    assert (root / "exchange").stat().st_mode & 0o7777 == 0o1777
    common = (root / "state" / "jupyter" / "common" / "nbgrader_config.py").read_text()
    assert str(root / "exchange") in common and "JupyterHubAuthPlugin" in common
    page = json.loads((root / "state" / "jupyter" / "learner" / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True


@pytest.mark.parametrize("courses, message", [
    ("courses: {}\n", "no courses"),
    ("courses:\n  cerdas:\n    students: [Siti Aminah]\n", "not a valid username"),
    ("courses:\n  'kelas A':\n    students: [siti]\n", "course id"),
])
def test_bad_courses_file_is_a_clear_error(load, courses, message):
    with pytest.raises(SystemExit, match=message):
        load(courses)


def test_kubernetes_values_hide_the_same_instructor_tools(tmp_path):
    """z2jh-values.yaml cannot be run here; at least its learner files say what `cerdas lab` writes."""
    import yaml

    from cerdas.lab import learner_config

    values = yaml.safe_load((REPO / "deploy" / "jupyterhub" / "z2jh-values.yaml").read_text())
    files = values["singleuser"]["extraFiles"]
    learner_config(tmp_path)
    assert files["learner-page-config"]["data"] == json.loads((tmp_path / "labconfig" / "page_config.json").read_text())
    assert files["learner-server-config"]["data"] == json.loads(
        (tmp_path / "jupyter_server_config.d" / "zz-cerdas-learner.json").read_text())
