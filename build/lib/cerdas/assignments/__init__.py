"""Assignments: release the student version and verify that the tests can tell right from wrong."""

from cerdas.assignments.release import release
from cerdas.assignments.verify import VerifyResult, verify

__all__ = ["release", "verify", "VerifyResult"]
