"""``cerdas datasets build``: regenerate every synthetic CSV byte for byte from its seed.

Generators belong to the course, not to this package: a dataset folder may hold its own
``datasets/<name>/generate.py``, which defines ``SEED`` and ``generate(seed)`` returning either
one ``pandas.DataFrame`` (written as ``<name>.csv``) or a dict ``{file name: DataFrame}`` whose
first entry is the dataset's main table. Adding such a folder adds a buildable dataset; the
folder name is the dataset's name. Real published tables can be "generated" too, from literal
figures in their ``generate.py``, so every shipped byte can be rebuilt and audited the same way.

Code that several generators share lives in folders whose name starts with ``_`` (e.g.
``datasets/_lib/``; such folders are not datasets). The course's ``datasets/`` folder is imported
as one package, so a generator reaches shared code and other generators with relative imports:
``from .._lib.teks import typo_word``, ``from ..other_set.generate import reference``.
Importing a generator writes no bytecode into the course.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import importlib.util
import sys
import traceback
from pathlib import Path
from types import ModuleType

from cerdas.course import Course
from cerdas.datasets.card import Card, sha256
from cerdas.errors import CourseError, Problem

GENERATOR = "generate.py"


def write_csv(frame, path: Path) -> None:
    """The one CSV dialect of the course: UTF-8, plain header, ``\\n`` line ends, no index."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def as_tables(name: str, result) -> dict:
    """A generator's result as ``{file name: DataFrame}``, the main table first."""
    if isinstance(result, dict):
        return result
    return {f"{name}.csv": result}


def is_dataset_folder(folder: Path) -> bool:
    """Folders of ``datasets/`` that are datasets: not ``_shared`` code, not hidden, not caches."""
    return folder.is_dir() and not folder.name.startswith(("_", "."))


def generator_path(name: str, *, course: Course) -> Path:
    return course.dataset_dir(name) / GENERATOR


def generator_names(course: Course | None = None) -> list[str]:
    """Every dataset of the course that has its own ``generate.py``, sorted."""
    course = course or Course.find()
    if not course.datasets_dir.is_dir():
        return []
    return sorted(p.parent.name for p in course.datasets_dir.glob(f"*/{GENERATOR}") if is_dataset_folder(p.parent))


def _package(course: Course) -> str:
    """Register the course's ``datasets/`` as a package (named after its path) and return its name."""
    root = str(course.datasets_dir.resolve())
    name = f"_cerdas_datasets_{hashlib.sha256(root.encode()).hexdigest()[:12]}"
    if name not in sys.modules:
        spec = importlib.machinery.ModuleSpec(name, None, is_package=True)
        spec.submodule_search_locations = [root]
        sys.modules[name] = importlib.util.module_from_spec(spec)
    return name


def load_generator(name: str, *, course: Course | None = None) -> ModuleType:
    """Import ``datasets/<name>/generate.py`` of the course; a broken one is a CourseError naming it."""
    course = course or Course.find()
    path = generator_path(name, course=course)
    rel = course.rel(path)
    if not path.is_file():
        raise CourseError(Problem(f"datasets/{name}", "has no generator (only synthetic sets can be rebuilt)",
                                  f"choose one of: {', '.join(generator_names(course)) or 'none'}"))
    if not name.isidentifier():
        raise CourseError(Problem(rel, f"the folder name {name!r} is not a Python identifier, so its generator "
                                       "cannot be imported", "rename the folder with letters, digits and '_'"))
    saved = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # never litter the course with __pycache__
    try:
        module = importlib.import_module(f"{_package(course)}.{name}.generate")
    except Exception as exc:
        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if Path(f.filename).resolve().is_relative_to(course.datasets_dir.resolve())]
        where = f" (line {frames[-1].lineno} of {course.rel(Path(frames[-1].filename))})" if frames else ""
        raise CourseError(Problem(rel, f"cannot be imported: {type(exc).__name__}: {exc}{where}",
                                  "fix the generator so that `python -c 'import ...'` of it works")) from exc
    finally:
        sys.dont_write_bytecode = saved
    missing = [attr for attr in ("SEED", "generate") if not hasattr(module, attr)]
    if missing:
        raise CourseError(Problem(rel, f"defines no {' and no '.join(missing)}",
                                  "define SEED (an int) and generate(seed) returning a DataFrame or "
                                  "{file name: DataFrame}"))
    return module


def build_datasets(*, course: Course | None = None, names: list[str] | None = None,
                   out_dir: Path | None = None, update_cards: bool = True) -> dict[str, Path]:
    """Regenerate the named synthetic datasets (all that have a generator by default).

    With ``out_dir`` the files go to ``out_dir/<name>/`` and the cards are left alone (the
    determinism test uses this); otherwise they replace the shipped files and each card's
    ``rows``, ``files`` checksums, ``generator`` and ``seed`` are updated.
    """
    course = course or Course.find()
    written: dict[str, Path] = {}
    known = generator_names(course)
    unknown = [name for name in names or [] if name not in known]
    if unknown:
        raise CourseError([Problem(f"datasets/{name}", "has no generator (only synthetic sets can be rebuilt)",
                                   f"choose one of: {', '.join(known) or 'none'}") for name in unknown])
    modules = {name: load_generator(name, course=course) for name in names or known}
    for name, module in modules.items():
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
            card.meta["generator"] = course.rel(generator_path(name, course=course))
            card.meta["seed"] = module.SEED
            card.write()
    return written
