"""The syllabus, read from the lessons themselves: each notebook's ``cerdas`` metadata block.

    "cerdas": {"modul": 1, "judul": "...", "menit": 60,
               "tujuan": ["...", ...], "audiens": ["pelajar", "mahasiswa", "ASN", "umum"]}

``cerdas check`` validates the block; the site's syllabus page and the certificates' JP read it.
The course settings (``kursus.yml``) add the longest lesson allowed and the audience paths:

    maks_menit_pelajaran: 60
    jalur:
      - nama: "ASN (aparatur sipil negara)"
        audiens: [ASN]
        untuk: "Satu kalimat: siapa yang dilayani jalur ini."
        urutan: [0, 1, 7, 8]     # module numbers, in the order the path takes them
        pilihan: [8]             # which of them are optional
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from cerdas.course import Course
from cerdas.errors import CourseError, Problem

AUDIENCES = ("pelajar", "mahasiswa", "ASN", "umum")
SETTINGS = "kursus.yml"
EXAMPLE = ('"cerdas": {"modul": 1, "judul": "...", "menit": 60, "tujuan": ["...", "..."], '
           '"audiens": ["pelajar", "mahasiswa", "ASN", "umum"]}')


@dataclass(frozen=True)
class LearningPath:
    """One audience's way through the course: modules in order, some optional."""

    name: str
    audiences: tuple[str, ...]
    serves: str
    modules: tuple[int, ...]
    optional: frozenset[int]


@dataclass(frozen=True)
class Lesson:
    path: Path
    module: int
    title: str
    minutes: int
    objectives: tuple[str, ...]
    audiences: tuple[str, ...]


def metadata_problems(meta, rel: str, folder: str) -> list[Problem]:
    """What is wrong with one lesson's ``cerdas`` block (empty when valid)."""
    fix = f"set metadata.cerdas in the notebook, e.g. {EXAMPLE}"
    if not isinstance(meta, dict):
        return [Problem(rel, "notebook metadata has no 'cerdas' block (syllabus: module, objectives, minutes, audience)", fix)]
    problems = []

    def bad(what, hint=fix):
        problems.append(Problem(rel, f"metadata.cerdas: {what}", hint))

    modul = meta.get("modul")
    if not isinstance(modul, int) or isinstance(modul, bool) or modul < 0:
        bad(f"'modul' must be a module number, not {modul!r}")
    elif folder[:2].isdigit() and int(folder[:2]) != modul:
        bad(f"'modul' is {modul} but the lesson lives in {folder}/", f"set 'modul': {int(folder[:2])}")
    if not isinstance(meta.get("judul"), str) or not meta["judul"].strip():
        bad("'judul' (the lesson title) is missing or empty")
    minutes = meta.get("menit")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 5 <= minutes <= 600:
        bad(f"'menit' must be the minutes a learner needs, 5 to 600, not {minutes!r}")
    goals = meta.get("tujuan")
    if not isinstance(goals, list) or not goals or not all(isinstance(g, str) and g.strip() for g in goals):
        bad("'tujuan' must be a non-empty list of learning objectives (text, in Indonesian)")
    audiences = meta.get("audiens")
    if not isinstance(audiences, list) or not audiences:
        bad(f"'audiens' must be a non-empty list drawn from {list(AUDIENCES)}")
    else:
        unknown = [a for a in audiences if a not in AUDIENCES]
        if unknown:
            bad(f"'audiens' has unknown value(s) {unknown}", f"use only {list(AUDIENCES)}")
    return problems


def lessons(course: Course) -> list[Lesson]:
    """Every lesson with a valid block, ordered by module, then as _toc.yml lists them, then by path
    (invalid ones are skipped: ``cerdas check`` reports them)."""
    found = []
    for path in course.lesson_notebooks():
        try:
            meta = nbformat.read(path, as_version=4).metadata.get("cerdas")
        except Exception:  # not JSON, not a notebook: cerdas check names it (check.notebooks.read_notebook)
            continue
        if metadata_problems(meta, course.rel(path), path.parent.name):
            continue
        found.append(Lesson(path, meta["modul"], meta["judul"].strip(), meta["menit"],
                            tuple(meta["tujuan"]), tuple(meta["audiens"])))
    order = _toc_order(course)
    return sorted(found, key=lambda l: (l.module, order.get(l.path.resolve(), len(order)), l.path.as_posix()))


def _toc_order(course: Course) -> dict[Path, int]:
    from cerdas.check.toc import resolve, toc_files  # cerdas.check imports this module

    try:
        entries = toc_files(course) if course.toc_file.is_file() else []
    except yaml.YAMLError:
        return {}
    paths = [p.resolve() for e in entries if (p := resolve(course, e))]
    return {p: i for i, p in reversed(list(enumerate(paths)))}


def settings(course: Course) -> dict:
    """The course settings in ``kursus.yml`` (empty when the course has none); CourseError when unreadable."""
    path = course.root / SETTINGS
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CourseError(Problem(SETTINGS, f"is not valid YAML ({exc.__class__.__name__})", "fix the YAML syntax"))
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CourseError(Problem(SETTINGS, "must be a mapping of settings (name: value)", "see README, 'Your own course'"))
    return data


def minutes_per_jp(course: Course) -> int:
    return int(settings(course).get("menit_per_jp", 45))


def max_minutes(course: Course) -> int | None:
    """The longest lesson the course allows (``maks_menit_pelajaran``), None when it sets no maximum."""
    value = settings(course).get("maks_menit_pelajaran")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 5:
        raise CourseError(Problem(SETTINGS, f"'maks_menit_pelajaran' must be a number of minutes (5 or more), not {value!r}",
                                  "write e.g. 'maks_menit_pelajaran: 60', or remove it for no maximum"))
    return value


def learning_paths(course: Course) -> list[LearningPath]:
    """The audience paths of ``jalur`` in ``kursus.yml`` (empty when it has none). CourseError lists
    every malformed entry; :func:`path_problems` checks them against the lessons."""
    raw = settings(course).get("jalur")
    if raw is None:
        return []
    example = "see the 'jalur' example in README, 'Audience paths'"
    if not isinstance(raw, list) or not raw:
        raise CourseError(Problem(SETTINGS, "'jalur' must be a list of paths", example))
    paths, problems = [], []
    for number, entry in enumerate(raw, start=1):
        where = f"jalur[{number}]"

        def bad(what, hint=example):
            problems.append(Problem(SETTINGS, f"{where}: {what}", hint))

        if not isinstance(entry, dict):
            bad("is not a mapping with nama, audiens, untuk, urutan, pilihan")
            continue
        name, serves = entry.get("nama"), entry.get("untuk")
        audiences, order, optional = entry.get("audiens"), entry.get("urutan"), entry.get("pilihan", [])
        if not isinstance(name, str) or not name.strip():
            bad("'nama' (the path's name, shown on the syllabus) is missing")
        else:
            where = f"jalur '{name.strip()}'"
        if not isinstance(serves, str) or not serves.strip():
            bad("'untuk' (one sentence: whom the path serves) is missing")
        if not isinstance(audiences, list) or not audiences:
            bad(f"'audiens' must be a non-empty list drawn from {list(AUDIENCES)}")
        elif unknown := [a for a in audiences if a not in AUDIENCES]:
            bad(f"'audiens' has unknown audience(s) {unknown}", f"use only {list(AUDIENCES)}")
        modules = order if isinstance(order, list) else []
        optional = optional if isinstance(optional, list) else None
        if not modules or not all(_is_module(m) for m in modules):
            bad(f"'urutan' must be a non-empty list of module numbers, not {order!r}")
        elif len(set(modules)) != len(modules):
            bad(f"'urutan' lists module(s) {sorted({m for m in modules if modules.count(m) > 1})} twice")
        if optional is None or not all(_is_module(m) for m in optional):
            bad(f"'pilihan' must be a list of module numbers, not {entry.get('pilihan')!r}")
        elif stray := [m for m in optional if m not in modules]:
            bad(f"'pilihan' names module(s) {stray} that 'urutan' does not list", "add them to 'urutan' or remove them")
        if not problems:
            paths.append(LearningPath(name.strip(), tuple(audiences), " ".join(serves.split()), tuple(modules),
                                      frozenset(optional)))
    if problems:
        raise CourseError(problems)
    return paths


def _is_module(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def path_problems(paths: list[LearningPath], found: list[Lesson], course: Course) -> list[Problem]:
    """Paths against the lessons: every module a path names exists, every module is on some path, and
    a lesson on a path lists that path's audiences in its ``audiens``."""
    if not paths:
        return []
    problems = []
    modules = sorted({l.module for l in found})
    for path in paths:
        if unknown := [m for m in path.modules if m not in modules]:
            problems.append(Problem(SETTINGS, f"jalur '{path.name}': no lesson has module(s) {unknown}",
                                    f"use module numbers of existing lessons ({modules})"))
        for lesson in found:
            missing = [a for a in path.audiences if lesson.module in path.modules and a not in lesson.audiences]
            if missing:
                problems.append(Problem(course.rel(lesson.path),
                                        f"metadata.cerdas: 'audiens' omits {missing}, but {SETTINGS} puts module "
                                        f"{lesson.module} on the path '{path.name}'",
                                        f"add {missing} to 'audiens', or take module {lesson.module} off that path"))
    for module in modules:
        if not any(module in p.modules for p in paths):
            problems.append(Problem(SETTINGS, f"module {module} is on no path in 'jalur'",
                                    "add it to the 'urutan' of at least one path (as 'pilihan' if optional)"))
    return problems


def jp(minutes: int, per_jp: int) -> str:
    """Hours of learning as written in Indonesian (comma decimal)."""
    return f"{minutes / per_jp:.1f}".replace(".", ",").removesuffix(",0")
