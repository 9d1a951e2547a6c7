"""The test suite's own scheduling: `make.py test` runs two workers with ``--dist loadgroup`` and
tests/conftest.py puts each test file (and every test of the built site) in one group, so a module's
or the session's expensive fixtures (the site build, the hub, PostgreSQL) are made once, on one worker.

Under pytest 9 with pytest-xdist 3.8 the group marks were silently ignored (xdist renames
``item._nodeid``, which pytest 9 no longer reads): both workers built the site, started the hub
and PostgreSQL, and the suite ran ~10 minutes longer. This test fails when that happens again.
"""

from __future__ import annotations

import os

import pytest


def test_groups_reach_the_scheduler(request):
    """Under loadgroup, this test's id carries its group (its file), which is how xdist keeps a
    group on one worker; outside xdist (a plain `pytest tests/unit`) there is nothing to check."""
    if not os.environ.get("PYTEST_XDIST_WORKER") or not request.config.getvalue("loadgroup"):
        pytest.skip("not running under pytest-xdist --dist loadgroup")
    assert request.node.nodeid.endswith("@tests/unit/test_suite_groups.py"), request.node.nodeid
