"""The syllabus, read from the lessons themselves: each notebook's ``cerdas`` metadata block.

    "cerdas": {"modul": 1, "judul": "...", "menit": 60,
               "tujuan": ["...", ...], "audiens": ["pelajar", "mahasiswa", "ASN", "umum"]}

``cerdas check`` validates the block; the site's syllabus page and the certificates' JP read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from cerdas.course import Course
from cerdas.errors import Problem

AUDIENCES = ("pelajar", "mahasiswa", "ASN", "umum")
PATHS = {  # suggested paths: label -> audiences whose lessons it takes
    "Pelajar dan mahasiswa": ("pelajar", "mahasiswa"),
    "ASN (aparatur sipil negara)": ("ASN",),
    "Umum dan komunitas digital": ("umum",),
}
EXAMPLE = ('"cerdas": {"modul": 1, "judul": "...", "menit": 60, "tujuan": ["...", "..."], '
           '"audiens": ["pelajar", "mahasiswa", "ASN", "umum"]}')


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
    """Every lesson with a valid block, ordered by module then path (invalid ones are skipped:
    ``cerdas check`` reports them)."""
    found = []
    for path in course.lesson_notebooks():
        meta = nbformat.read(path, as_version=4).metadata.get("cerdas")
        if metadata_problems(meta, course.rel(path), path.parent.name):
            continue
        found.append(Lesson(path, meta["modul"], meta["judul"].strip(), meta["menit"],
                            tuple(meta["tujuan"]), tuple(meta["audiens"])))
    return sorted(found, key=lambda l: (l.module, l.path.as_posix()))


def minutes_per_jp(course: Course) -> int:
    path = course.root / "kursus.yml"
    settings = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return int((settings or {}).get("menit_per_jp", 45))


def jp(minutes: int, per_jp: int) -> str:
    """Hours of learning as written in Indonesian (comma decimal)."""
    return f"{minutes / per_jp:.1f}".replace(".", ",").removesuffix(",0")
