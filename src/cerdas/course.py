"""Where things are: the one path policy of the course.

Every other module asks a :class:`Course` for paths; nothing else joins folder names.
The course root is found from ``CERDAS_ROOT``, else by walking up from the current
directory to a folder holding ``_toc.yml`` and ``datasets/``. Never from where the package is
installed: the toolkit serves any course.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MARKERS = ("_toc.yml", "datasets")


def _is_root(path: Path) -> bool:
    return all((path / m).exists() for m in MARKERS)


def find_root(start: Path | None = None) -> Path:
    env = os.environ.get("CERDAS_ROOT")
    if env:
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if _is_root(candidate):
            return candidate
    raise FileNotFoundError(
        f"no Cerdas course found from {here}: run inside the repository or set CERDAS_ROOT"
    )


@dataclass(frozen=True)
class Course:
    root: Path

    @classmethod
    def find(cls, root: str | Path | None = None) -> "Course":
        return cls(Path(root).resolve() if root else find_root())

    # --- content -------------------------------------------------------
    @property
    def config_file(self) -> Path:
        return self.root / "_config.yml"

    @property
    def toc_file(self) -> Path:
        return self.root / "_toc.yml"

    @property
    def book_dir(self) -> Path:
        return self.root / "book"

    @property
    def notebooks_dir(self) -> Path:
        return self.root / "notebooks"

    @property
    def datasets_dir(self) -> Path:
        return self.root / "datasets"

    def dataset_dir(self, name: str) -> Path:
        return self.datasets_dir / name

    # --- assignments (nbgrader course directory) -------------------------
    @property
    def assignments_dir(self) -> Path:
        return self.root / "assignments"

    @property
    def source_dir(self) -> Path:
        return self.assignments_dir / "source"

    @property
    def release_dir(self) -> Path:
        return self.assignments_dir / "release"

    @property
    def published_dir(self) -> Path:
        """Released (solution-free) assignment notebooks published in the book and the repository,
        so the site, Binder and nbgitpuller links can point at them: book/tugas/<name>/."""
        return self.book_dir / "tugas"

    def assignment_names(self) -> list[str]:
        if not self.source_dir.is_dir():
            return []
        return sorted(p.name for p in self.source_dir.iterdir() if p.is_dir() and not p.name.startswith("."))

    # --- outputs ---------------------------------------------------------
    @property
    def build_dir(self) -> Path:
        return self.root / "_build"

    @property
    def html_dir(self) -> Path:
        return self.build_dir / "html"

    def lesson_notebooks(self) -> list[Path]:
        if not self.notebooks_dir.is_dir():
            return []
        return sorted(
            p for p in self.notebooks_dir.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
        )

    def rel(self, path: Path) -> str:
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
