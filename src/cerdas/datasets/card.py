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

from cerdas.errors import CourseError, Problem

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
        """Read a card; a card that cannot be read is a CourseError naming the file and what to fix."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise CourseError(Problem(str(path), f"is not UTF-8 text (byte {exc.start})", "save it as UTF-8")) from exc
        match = FRONT.match(text)
        if not match:
            raise CourseError(Problem(str(path), "no YAML front matter between '---' lines",
                                      "start the card with a '---' line, the fields (title, rows, columns, ...), "
                                      "and another '---' line"))
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" (line {mark.line + 2})" if mark is not None else ""  # +1 for 0-based, +1 for the '---'
            raise CourseError(Problem(str(path), f"front matter is not valid YAML{line}: {getattr(exc, 'problem', exc)}",
                                      "fix the YAML between the '---' lines")) from exc
        if not isinstance(meta, dict):
            raise CourseError(Problem(str(path), "front matter is not a mapping of fields",
                                      "write it as 'field: value' lines (title, rows, columns, ...)"))
        return cls(Path(path), meta, match.group(2))

    def field(self, name: str, kind: type | tuple[type, ...] | None = None):
        """A front matter field that must be there (and of ``kind``); else a CourseError naming it."""
        if self.meta.get(name) in (None, "", {}, []):
            raise CourseError(Problem(str(self.path), f"front matter lacks '{name}'",
                                      f"add '{name}:' to the front matter (see the other cards)"))
        value = self.meta[name]
        if kind is not None and not isinstance(value, kind):
            expected = "a mapping" if kind is dict else getattr(kind, "__name__", str(kind))
            raise CourseError(Problem(str(self.path), f"'{name}' should be {expected}, not {type(value).__name__}",
                                      f"fix '{name}:' in the front matter"))
        return value

    def write(self) -> None:
        front = yaml.safe_dump(self.meta, sort_keys=False, allow_unicode=True, width=100)
        self.path.write_text(f"---\n{front}---\n{self.body}", encoding="utf-8")

    @property
    def name(self) -> str:
        return self.path.parent.name

    @property
    def columns(self) -> dict:
        return self._columns(self.meta.get("columns"), "columns")

    def table_columns(self, file_name: str) -> dict:
        """Columns of one shipped file: ``columns`` for the main file, ``tables[file].columns`` else."""
        files = list(self.meta.get("files") or {})
        if files and file_name == files[0]:
            return self.columns
        tables = self.meta.get("tables") or {}
        table = (tables.get(file_name) if isinstance(tables, dict) else None) or {}
        if not isinstance(tables, dict) or not isinstance(table, dict):
            raise CourseError(Problem(str(self.path), "'tables' should map each extra file to its columns",
                                      f"write 'tables: {{{file_name}: {{columns: ...}}}}'"))
        return self._columns(table.get("columns"), f"tables: {file_name}: columns")

    def _columns(self, value, where: str) -> dict:
        """A columns mapping (name -> spec mapping, or nothing); anything else is a CourseError."""
        value = value or {}
        if not isinstance(value, dict) or not all(spec is None or isinstance(spec, dict) for spec in value.values()):
            raise CourseError(Problem(str(self.path), f"'{where}' should map each column name to its type and arti",
                                      "write e.g. 'kolom: {type: teks, arti: ...}' for every column"))
        return value

    def missing_fields(self) -> list[str]:
        return [k for k in REQUIRED if k not in self.meta]
