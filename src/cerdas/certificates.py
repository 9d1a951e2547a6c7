"""``cerdas certificates``: PDF certificates in Indonesian for learners who pass, each with a
verification code that ``cerdas certificates verify CODE`` checks against the gradebook.

The code is an HMAC of (student, course, date issued, points) under a secret kept in the course
directory (``.cerdas/sertifikat.key``, created once, readable only by its owner); the register of
issued certificates sits beside it. Verifying recomputes the code and re-reads the learner's
points from the gradebook, so a forged or outdated certificate is refused.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import nbformat
import yaml

from cerdas.course import Course
from cerdas.coursedir import CourseDir


@dataclass
class Standing:
    student: str
    name: str
    points: float
    possible: float
    modules: list[str]


def _settings(course: Course) -> dict:
    path = course.root / "kursus.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}


def jp_of(course: Course, modules: list[str]) -> float:
    """Hours of learning (JP) of the given assignments' modules, from the lessons' minutes."""
    per_jp = float(_settings(course).get("menit_per_jp", 45))
    minutes = 0
    for module in modules:
        number = module[1:3]
        for path in course.notebooks_dir.glob(f"{number}-*/*.ipynb"):
            minutes += int((nbformat.read(path, as_version=4).metadata.get("cerdas") or {}).get("menit", 0))
    return round(minutes / per_jp, 1)


def standings(db_url: str) -> list[Standing]:
    """Points per student (manual where graded, else automatic) over every assignment submitted."""
    from nbgrader.api import Gradebook

    rows = []
    with Gradebook(db_url) as gb:
        for student in gb.students:
            points = possible = 0.0
            modules = []
            for submission in student.submissions:
                grades = [g for nb in submission.notebooks for g in nb.grades]
                points += sum(g.score or 0 for g in grades)  # manual score where given, else automatic
                possible += sum(g.max_score for g in grades)
                modules.append(submission.assignment.name)
            name = " ".join(filter(None, [student.first_name, student.last_name])) or student.id
            rows.append(Standing(student.id, name, points, possible, sorted(modules)))
    return rows


def _key(grading: CourseDir) -> bytes:
    path = grading.state_dir / "sertifikat.key"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        os.chmod(path, 0o600)
    return bytes.fromhex(path.read_text().strip())


def code_for(key: bytes, course_name: str, student: str, issued: str, points: float) -> str:
    message = f"{course_name}|{student}|{issued}|{points:g}".encode()
    digest = hmac.new(key, message, hashlib.sha256).digest()
    text = base64.b32encode(digest[:10]).decode()
    return f"CRD-{text[:4]}-{text[4:8]}-{text[8:12]}-{text[12:16]}"


def _register(grading: CourseDir) -> Path:
    return grading.state_dir / "sertifikat.json"


def issue(*, course: Course, grading: CourseDir, out_dir: Path | None = None, today: date | None = None) -> list[Path]:
    """A PDF for every learner of ``grading`` (the nbgrader course directory and its gradebook) who
    passes ``course``'s rule; ``out_dir`` defaults to ``sertifikat/`` in the course directory."""
    out_dir = out_dir or grading.certificates_dir
    settings = _settings(course)
    rule = settings.get("sertifikat") or {}
    threshold, minimum = float(rule.get("ambang_lulus", 0.7)), int(rule.get("minimal_tugas", 1))
    course_name = settings.get("nama", "Cerdas")
    issued = (today or date.today()).isoformat()
    key = _key(grading)
    register_path = _register(grading)
    register = json.loads(register_path.read_text()) if register_path.is_file() else {}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for row in standings(grading.db_url):
        if len(row.modules) < minimum or not row.possible or row.points / row.possible < threshold:
            continue
        code = code_for(key, course_name, row.student, issued, row.points)
        register[code] = {"student": row.student, "issued": issued, "points": row.points, "modules": row.modules}
        path = out_dir / f"sertifikat-{row.student}.pdf"
        _pdf(path, course_name, settings.get("penyelenggara", ""), row, jp_of(course, row.modules), issued, code)
        written.append(path)
    register_path.write_text(json.dumps(register, indent=1))
    return written


def verify_code(*, course: Course, grading: CourseDir, code: str) -> tuple[bool, str]:
    register_path = _register(grading)
    register = json.loads(register_path.read_text()) if register_path.is_file() else {}
    entry = register.get(code.strip().upper())
    if not entry:
        return False, "kode tidak dikenal: sertifikat ini tidak diterbitkan oleh kursus ini"
    course_name = _settings(course).get("nama", "Cerdas")
    expected = code_for(_key(grading), course_name, entry["student"], entry["issued"], entry["points"])
    if not hmac.compare_digest(expected, code.strip().upper()):
        return False, "kode tidak cocok dengan data penerbitan"
    current = {r.student: r for r in standings(grading.db_url)}.get(entry["student"])
    if current is None or current.points < entry["points"]:
        return False, "nilai di buku nilai tidak lagi mendukung sertifikat ini"
    return True, (f"sah: {current.name} ({entry['student']}), diterbitkan {entry['issued']}, "
                  f"{entry['points']:g} poin, modul {', '.join(entry['modules'])}")


def _pdf(path: Path, course_name: str, organiser: str, row: Standing, jp: float, issued: str, code: str) -> None:
    import matplotlib

    matplotlib.use("Agg")  # a PDF file, not a lesson
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    fig = plt.figure(figsize=(11.69, 8.27))
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.add_patch(Rectangle((0.03, 0.04), 0.94, 0.92, fill=False, lw=3, edgecolor="#1f4e79"))
    texts = [
        (0.86, "SERTIFIKAT", 34, "bold"), (0.79, course_name, 18, "normal"),
        (0.68, "diberikan kepada", 13, "normal"), (0.60, row.name, 28, "bold"),
        (0.51, f"yang telah menyelesaikan {len(row.modules)} tugas modul kursus ini", 13, "normal"),
        (0.46, f"({', '.join(row.modules)})", 10, "normal"),
        (0.39, f"dengan nilai {row.points:g} dari {row.possible:g} poin", 13, "normal"),
        (0.33, f"Jam pelajaran: {jp:g} JP", 14, "bold"),
        (0.20, f"Diterbitkan {issued} oleh {organiser}", 11, "normal"),
        (0.13, f"Kode verifikasi: {code}", 12, "bold"),
        (0.08, "Periksa keaslian di halaman \"Cek keaslian sertifikat\" situs kursus (cek-sertifikat.html)", 9, "normal"),
    ]
    for y, text, size, weight in texts:
        ax.text(0.5, y, text, ha="center", va="center", fontsize=size, fontweight=weight, color="#1b1b1b", wrap=True)
    fig.savefig(path, format="pdf")
    plt.close(fig)
