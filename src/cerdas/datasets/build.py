"""``cerdas datasets build``: regenerate every synthetic CSV byte for byte from its seed."""

from __future__ import annotations

from pathlib import Path

from cerdas.course import Course
from cerdas.datasets.card import Card, sha256
from cerdas.datasets.generators import GENERATORS
from cerdas.errors import CourseError, Problem


def write_csv(frame, path: Path) -> None:
    """The one CSV dialect of the course: UTF-8, plain header, ``\\n`` line ends, no index."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def as_tables(name: str, result) -> dict:
    """A generator's result as ``{file name: DataFrame}``, the main table first."""
    if isinstance(result, dict):
        return result
    return {f"{name}.csv": result}


def build_datasets(*, course: Course | None = None, names: list[str] | None = None,
                   out_dir: Path | None = None, update_cards: bool = True) -> dict[str, Path]:
    """Regenerate the named synthetic datasets (all by default).

    With ``out_dir`` the files go to ``out_dir/<name>/`` and the cards are left alone (the
    determinism test uses this); otherwise they replace the shipped files and each card's
    ``rows`` and ``files`` checksum are updated.
    """
    course = course or Course.find()
    written: dict[str, Path] = {}
    unknown = [name for name in names or [] if name not in GENERATORS]
    if unknown:
        raise CourseError([Problem(f"datasets/{name}", "has no generator (only synthetic sets can be rebuilt)",
                                   f"choose one of: {', '.join(sorted(GENERATORS))}") for name in unknown])
    for name in names or sorted(GENERATORS):
        module = GENERATORS[name]
        tables = as_tables(name, module.generate(module.SEED))
        target_dir = (out_dir / name) if out_dir else course.dataset_dir(name)
        paths = []
        for file_name, frame in tables.items():
            write_csv(frame, target_dir / file_name)
            paths.append(target_dir / file_name)
        written[name] = paths[0]
        card_path = course.dataset_dir(name) / "CARD.md"
        if update_cards and out_dir is None and card_path.is_file():
            card = Card.read(card_path)
            card.meta["rows"] = int(len(next(iter(tables.values()))))
            card.meta["files"] = {p.name: sha256(p) for p in paths}
            card.meta["generator"] = f"cerdas.datasets.generators.{name}"
            card.meta["seed"] = module.SEED
            card.write()
    return written
