"""What grading gives back, typed: the state of each notebook apart from the message a learner reads.

Workers send plain dicts (they cross process and Dask boundaries and are kept as JSON in the
results ledger); :meth:`SubmissionResult.from_dict` turns one into these classes. A decision is
made on :class:`Outcome` and :class:`Standing`, never on the Indonesian text in ``message``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Outcome(str, Enum):
    """How running one submitted notebook ended."""

    OK = "ok"                                   # every cell ran to its end
    UNFINISHED = "unfinished"                   # some cells stopped at a limit; the rest ran
    NOTEBOOK_TIMEOUT = "notebook-timeout"       # the whole notebook ran past its time
    KERNEL_DIED = "kernel-died"
    KERNEL_START_FAILED = "kernel-start-failed"
    FAILED = "failed"                           # the executor itself failed
    UNGRADABLE = "ungradable"                   # the notebook could not be read or prepared: no scores

    @property
    def scored(self) -> bool:
        """Whether the gradebook got the notebook's scores (the cells that did not run score zero)."""
        return self is not Outcome.UNGRADABLE


class Standing(str, Enum):
    """Where a learner stands for one assignment after a run."""

    GRADED = "graded"
    NOT_SUBMITTED = "not-submitted"
    UNGRADABLE = "ungradable"                   # submitted, but nothing could be graded (see ``reasons``)


@dataclass
class NotebookResult:
    name: str
    outcome: Outcome
    message: str = ""                          # for people, in Indonesian; empty when OK
    flags: list[str] = field(default_factory=list)
    unfinished: list[str] = field(default_factory=list)
    seconds: float = 0.0
    notebook: str | None = None                # the graded notebook as JSON text, None when ungradable

    @classmethod
    def from_dict(cls, name: str, data: dict) -> "NotebookResult":
        status = data.get("status", "")
        outcome = Outcome(data["outcome"]) if "outcome" in data else (
            Outcome.OK if status == "ok" else Outcome.UNGRADABLE if data.get("notebook") is None else Outcome.FAILED)
        return cls(name, outcome, "" if status == "ok" else status, list(data.get("flags", [])),
                   list(data.get("unfinished", [])), float(data.get("seconds", 0)), data.get("notebook"))


@dataclass
class SubmissionResult:
    """One learner's submission, every notebook graded (or why not)."""

    job: dict
    notebooks: dict[str, NotebookResult]
    seconds: float = 0.0

    @classmethod
    def from_dict(cls, data: dict) -> "SubmissionResult":
        notebooks = {name: NotebookResult.from_dict(name, nb) for name, nb in data["notebooks"].items()}
        return cls(data["job"], notebooks, float(data.get("seconds", 0)))

    @property
    def student(self) -> str:
        return self.job["student"]

    @property
    def digest(self) -> str:
        return self.job["digest"]

    @property
    def ok(self) -> bool:
        return all(nb.outcome is Outcome.OK for nb in self.notebooks.values())

    def lines(self) -> list[str]:
        """One report line per notebook that did not run cleanly and per flag."""
        out = []
        for name, nb in self.notebooks.items():
            if nb.outcome is not Outcome.OK:
                out.append(f"{self.student}/{name}: {nb.message or nb.outcome.value}")
            out += [f"{self.student}/{name}: {flag}" for flag in nb.flags]
        return out


@dataclass(frozen=True)
class LearnerStatus:
    """A learner's :class:`Standing`; ``str()`` is the Indonesian text of the grades table."""

    standing: Standing
    reasons: tuple[str, ...] = ()

    def __str__(self) -> str:
        from cerdas.grading.inputs import GRADED, NOT_GRADABLE, NOT_SUBMITTED

        if self.standing is Standing.GRADED:
            return GRADED
        if self.standing is Standing.NOT_SUBMITTED:
            return NOT_SUBMITTED
        return f"{NOT_GRADABLE}: " + "; ".join(self.reasons)
