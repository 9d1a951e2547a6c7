"""Data cards: ``datasets/<name>/CARD.md`` with YAML front matter and prose sections.

Front matter fields: title, rows, columns (name -> type, meaning, optional ``missing: true``),
synthetic, generator, seed, licence, files (file name -> sha256), created, and optionally
target, lessons, and ``tables`` (file name -> {columns: ...}) describing any file after the first.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

FRONT = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.S)
REQUIRED = ("title", "rows", "columns", "synthetic", "licence", "files", "created")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Card:
    path: Path
    meta: dict
    body: str

    @classmethod
    def read(cls, path: Path) -> "Card":
        text = Path(path).read_text(encoding="utf-8")
        match = FRONT.match(text)
        if not match:
            raise ValueError(f"{path}: no YAML front matter between '---' lines")
        meta = yaml.safe_load(match.group(1)) or {}
        if not isinstance(meta, dict):
            raise ValueError(f"{path}: front matter is not a mapping")
        return cls(Path(path), meta, match.group(2))

    def write(self) -> None:
        front = yaml.safe_dump(self.meta, sort_keys=False, allow_unicode=True, width=100)
        self.path.write_text(f"---\n{front}---\n{self.body}", encoding="utf-8")

    @property
    def name(self) -> str:
        return self.path.parent.name

    @property
    def columns(self) -> dict:
        return self.meta.get("columns") or {}

    def table_columns(self, file_name: str) -> dict:
        """Columns of one shipped file: ``columns`` for the main file, ``tables[file].columns`` else."""
        files = list(self.meta.get("files") or {})
        if files and file_name == files[0]:
            return self.columns
        return ((self.meta.get("tables") or {}).get(file_name) or {}).get("columns") or {}

    def missing_fields(self) -> list[str]:
        return [k for k in REQUIRED if k not in self.meta]
