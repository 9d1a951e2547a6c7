"""A generated city cohort for the cohort, export and certificate tests: 42 learners from 5 agencies in
two intakes, 3 assignments with two auto-graded questions each and one written answer in the last,
some submissions missing, some late. Scores follow simple formulas so a test can compute by hand
what a report must show. No kernel runs: the gradebook is filled through nbgrader's API."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path

import nbformat

AGENCIES = [("Diskominfo", 12), ("Dinas Kesehatan", 10), ("Bappeda", 9), ("Satpol PP", 8), ("Kecamatan Kota", 3)]
ASSIGNMENTS = ["m01-data", "m02-model", "m03-spbe"]  # module numbers 01-03 give the JP
DUE = {a: datetime(2026, 3, 1) + timedelta(days=14 * k) for k, a in enumerate(ASSIGNMENTS)}
MAXIMA = {"soal_1": 4, "soal_2": 6}
WRITTEN = ("refleksi", 5)  # the written answer of the last assignment
MINUTES = {"01": [45], "02": [90], "03": [45, 45]}  # lesson parts per module: 1, 2 and 2 JP at 45 min/JP


def learners() -> list[dict]:
    people, i = [], 0
    for agency, size in AGENCIES:
        for _ in range(size):
            people.append({"id": f"asn{i:03d}", "first_name": f"Peserta {i}", "last_name": "Uji",
                           "email": f"asn{i:03d}@kota.example",
                           "instansi": agency, "jabatan": "Analis" if i % 2 else "Pranata Komputer",
                           "angkatan": "2026-I" if i % 3 else "2026-II", "i": i})
            i += 1
    return people


def submits(i: int, k: int) -> bool:
    """Learner i hands in assignment k (0, 1, 2) unless a rule says they missed it."""
    return not [i % 7 == 3, i % 5 == 0, i % 4 == 0][k]


def late(i: int, k: int) -> bool:
    return k == 1 and i % 6 == 1


def scores(i: int, k: int) -> dict[str, float]:
    return {"soal_1": float((i + k) % 5), "soal_2": float((2 * i + k) % 7)}


def written_score(i: int) -> float | None:
    """The written answer of m03: graded by the instructor for even learners, waiting for odd ones."""
    return float(i % 6) if i % 2 == 0 else None


def write_roster(path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, ["id", "first_name", "last_name", "email", "instansi", "jabatan", "angkatan"])
        writer.writeheader()
        for p in learners():
            writer.writerow({k: p[k] for k in writer.fieldnames})
    return path


def write_lessons(root: Path) -> None:
    """A content course with lesson parts whose minutes give each module's JP."""
    (root / "kursus.yml").write_text("nama: Kursus Kota\nmenit_per_jp: 45\n", encoding="utf-8")
    (root / "_config.yml").write_text("title: Kursus Kota\n", encoding="utf-8")
    (root / "_toc.yml").write_text("format: jb-book\nroot: intro\n", encoding="utf-8")
    for module, parts in MINUTES.items():
        for n, minutes in enumerate(parts, start=1):
            nb = nbformat.v4.new_notebook(metadata={"cerdas": {"modul": int(module), "menit": minutes}})
            path = root / "notebooks" / f"{module}-modul" / f"p{n}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, path)


def fill_gradebook(db_url: str, *, with_roster_names: bool = True) -> None:
    from nbgrader.api import Gradebook

    people = learners()
    with Gradebook(db_url) as gb:
        for k, name in enumerate(ASSIGNMENTS):
            gb.add_assignment(name, duedate=DUE[name])
            gb.add_notebook(name, name)
            for cell, points in MAXIMA.items():
                gb.add_grade_cell(cell, name, name, max_score=points, cell_type="code")
            if k == 2:
                gb.add_grade_cell(WRITTEN[0], name, name, max_score=WRITTEN[1], cell_type="markdown")
        for p in people:
            gb.add_student(p["id"], first_name=p["first_name"], last_name=p["last_name"])
        for p in people:
            i = p["i"]
            for k, name in enumerate(ASSIGNMENTS):
                if not submits(i, k):
                    continue
                stamp = DUE[name] + (timedelta(days=2) if late(i, k) else -timedelta(days=1))
                gb.add_submission(name, p["id"], timestamp=stamp)
                for cell, value in scores(i, k).items():
                    grade = gb.find_grade(cell, name, name, p["id"])
                    grade.auto_score = value
                    grade.needs_manual_grade = False
                if k == 2:
                    grade = gb.find_grade(WRITTEN[0], name, name, p["id"])
                    grade.auto_score, grade.needs_manual_grade = None, True
                    if written_score(i) is not None:
                        grade.manual_score, grade.needs_manual_grade = written_score(i), False
                gb.db.commit()


def build_city(root: Path) -> dict:
    """The whole scenario under ``root``: lessons, course directory with a filled gradebook, roster,
    certificates issued by `cerdas certificates`."""
    from cerdas import certificates
    from cerdas.course import Course
    from cerdas.coursedir import CourseDir

    write_lessons(root)
    course_dir = root / "assignments"
    (course_dir / "source").mkdir(parents=True)
    grading = CourseDir.open(course_dir)
    fill_gradebook(grading.db_url)
    roster = write_roster(root / "peserta.csv")
    certificates.issue(course=Course(root), grading=grading)
    return {"root": root, "grading": grading, "roster": roster, "course": Course(root)}
