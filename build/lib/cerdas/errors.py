"""Problems found in the course: what is wrong, where (file, cell) and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One defect, printed as ``path[:cell N]: what — hint``."""

    path: str
    what: str
    hint: str = ""
    cell: int | None = None

    def __str__(self) -> str:
        where = self.path if self.cell is None else f"{self.path}:cell {self.cell}"
        return f"{where}: {self.what}" + (f" — {self.hint}" if self.hint else "")


class CourseError(Exception):
    """Raised with one or more problems; the CLI prints them and exits 1."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def relpath(path: Path, root: Path) -> str:
    """Path as shown to the user: relative to the course root when inside it."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
