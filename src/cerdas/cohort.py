"""``cerdas cohort``: who finished, how many JP each earned and where people struggle, across a cohort.

One table of learners (:func:`collect`) is read from the gradebook, the roster and the certificate
register: for every learner on the roster (or, without one, in the gradebook) and every assignment,
whether they submitted, their score as a share of the maximum, and whether they were late. From it:

* **leadership view** (:func:`leadership`): per agency (``instansi``) and per intake (``angkatan``):
  enrolment, assignments completed, mean score, JP earned, certificates issued, learners at risk, and
  per assignment the completion and mean score. No names or ids. Groups under :data:`MIN_GROUP`
  learners are merged into "lainnya" (and, if that is still too small, with the next smallest group),
  so no shown figure describes fewer than five people (UU PDP data minimisation).
* **instructor view**: the same plus one row per learner, and the learners at risk by name.
* **weakest items**: per assignment, the questions with the smallest share of full points (from the
  item analysis, :func:`cerdas.grading.report.item_analysis`), written answers not yet graded left out.

A learner is *at risk* when they missed two assignments in a row: two consecutive assignments (in due
date order, then by name) that were both open (due, or already submitted by someone) and that they did
not submit. *Completed* means submitted and graded. JP follow the certificates: the JP of the modules
of the assignments a learner completed (:func:`cerdas.certificates.jp_of`).

:func:`write` renders both views (``dasbor-pimpinan.html``, ``dasbor-pengajar.html``, templates in
:mod:`cerdas.report`) and the same tables as CSV and Excel into ``reports/kohort/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd

from cerdas import report

MIN_GROUP = 5  # smallest group a leadership figure may describe
OTHERS = "lainnya"
UNKNOWN = "(tidak diisi)"
DIMENSIONS = {"instansi": "Instansi", "angkatan": "Angkatan"}


@dataclass
class Cohort:
    """Learners (one row each: id, nama, instansi, jabatan, kelas, angkatan, then per assignment
    ``<a>:status`` / ``<a>:nilai`` / ``<a>:terlambat``), the assignments in order, the weakest items."""

    learners: pd.DataFrame
    assignments: list[str]
    open_assignments: list[str]
    weakest: pd.DataFrame
    summary: pd.DataFrame = field(default_factory=pd.DataFrame)  # per learner: selesai, rata_rata, jp, ...


def _order(gb, names: list[str] | None) -> list:
    rows = [a for a in gb.assignments if not names or a.name in names]
    missing = sorted(set(names or []) - {a.name for a in rows})
    if missing:
        from cerdas.errors import CourseError, Problem

        raise CourseError(Problem("gradebook", f"has no assignment {', '.join(missing)}",
                                  "grade it first (cerdas grade) or check the name"))
    far = datetime.max
    return sorted(rows, key=lambda a: (a.duedate or far, a.name))


def collect(*, grading, roster: dict | None = None, assignments: list[str] | None = None,
            course=None, now: datetime | None = None) -> Cohort:
    """Read the cohort from ``grading``'s gradebook (a :class:`~cerdas.coursedir.CourseDir`)."""
    from nbgrader.api import Gradebook

    from cerdas.grading.report import grades_table, item_analysis

    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    people: dict[str, dict] = {}
    marks: dict[str, dict] = {}
    with Gradebook(grading.db_url) as gb:
        ordered = _order(gb, assignments)
        names = [a.name for a in ordered]
        for student in gb.students:
            people.setdefault(student.id, {"nama": " ".join(filter(None, [student.first_name, student.last_name]))})
        submitted_any = set()
        for a in ordered:
            for sub in gb.assignment_submissions(a.name):
                grades = [g for nb in sub.notebooks for g in nb.grades]
                waiting = any(g.needs_manual_grade and g.manual_score is None for g in grades)
                maximum = sum(g.max_score for g in grades) or a.max_score or 0
                points = sum(g.score or 0 for g in grades) - (sub.late_submission_penalty or 0)
                late = bool(a.duedate and sub.timestamp and sub.timestamp > a.duedate)
                marks.setdefault(sub.student.id, {})[a.name] = {
                    "status": "menunggu penilaian" if waiting else "selesai",
                    "nilai": max(points, 0) / maximum if maximum else None, "terlambat": late}
                submitted_any.add(a.name)
        opened = [a.name for a in ordered if a.name in submitted_any or (a.duedate and a.duedate <= now)]
    if roster is not None:
        people = {sid: {"nama": " ".join(filter(None, [p.get("first_name"), p.get("last_name")])), **p}
                  for sid, p in roster.items()}
    rows = []
    for sid, person in sorted(people.items()):
        row = {"id": sid, "nama": person.get("nama") or "",
               **{g: person.get(g) or UNKNOWN for g in ("instansi", "jabatan", "kelas", "angkatan")}}
        for name in names:
            mark = marks.get(sid, {}).get(name)
            row[f"{name}:status"] = mark["status"] if mark else "tidak mengumpulkan"
            row[f"{name}:nilai"] = mark["nilai"] if mark else None
            row[f"{name}:terlambat"] = bool(mark and mark["terlambat"])
        rows.append(row)
    learners = pd.DataFrame(rows)
    weak = []
    for name in names:
        try:
            items = item_analysis(grades_table(grading.db_url, name))
        except Exception:  # noqa: BLE001 - an assignment nobody submitted has no item analysis
            continue
        items = items.dropna(subset=["porsi_penuh"]).sort_values(["porsi_penuh", "rata_rata"]).head(3)
        weak += [{"tugas": name, "soal": r.soal, "poin": r.poin, "dinilai": r.dinilai,
                  "porsi_penuh": r.porsi_penuh, "rata_rata": r.rata_rata} for r in items.itertuples()]
    cohort = Cohort(learners, names, opened, pd.DataFrame(weak, columns=["tugas", "soal", "poin", "dinilai",
                                                                          "porsi_penuh", "rata_rata"]))
    cohort.summary = _summary(cohort, course, grading)
    return cohort


def _missed_two_in_a_row(statuses: list[str]) -> bool:
    return any(a == b == "tidak mengumpulkan" for a, b in zip(statuses, statuses[1:]))


def _summary(cohort: Cohort, course, grading) -> pd.DataFrame:
    """Per learner: assignments completed, mean score (share), JP earned, certificate, at risk."""
    from cerdas.certificates import jp_of

    jp = {name: (jp_of(course, [name]) if course is not None else 0.0) for name in cohort.assignments}
    certified = _certified(grading)
    frame = cohort.learners[["id", "nama", "instansi", "jabatan", "kelas", "angkatan"]].copy()
    done = pd.DataFrame({n: cohort.learners[f"{n}:status"] == "selesai" for n in cohort.assignments},
                        index=cohort.learners.index)
    scores = pd.DataFrame({n: cohort.learners[f"{n}:nilai"].where(done[n]) for n in cohort.assignments},
                          index=cohort.learners.index, dtype=float)
    frame["tugas_selesai"] = done.sum(axis=1).astype(int)
    frame["terlambat"] = sum(cohort.learners[f"{n}:terlambat"].astype(int) for n in cohort.assignments) \
        if cohort.assignments else 0
    frame["rata_rata_nilai"] = scores.mean(axis=1)
    frame["jp"] = sum(done[n].astype(float) * jp[n] for n in cohort.assignments) if cohort.assignments else 0.0
    frame["sertifikat"] = frame["id"].isin(certified)
    opened = cohort.open_assignments
    frame["berisiko"] = [_missed_two_in_a_row([row[f"{n}:status"] for n in opened])
                         for _, row in cohort.learners.iterrows()]
    frame["tugas_terlewat"] = [", ".join(n for n in opened if row[f"{n}:status"] == "tidak mengumpulkan")
                               for _, row in cohort.learners.iterrows()]
    return frame


def _certified(grading) -> set[str]:
    path = grading.state_dir / "sertifikat.json"
    if not path.is_file():
        return set()
    return {entry["student"] for entry in json.loads(path.read_text(encoding="utf-8")).values()}


def merge_small(sizes: pd.Series, minimum: int = MIN_GROUP) -> dict[str, str]:
    """Group label -> label shown: groups under ``minimum`` become "lainnya"; while "lainnya" is still
    under ``minimum``, the smallest shown group joins it. Every shown group then has >= ``minimum``
    learners (when the cohort has that many at all)."""
    shown = {name: (name if size >= minimum else OTHERS) for name, size in sizes.items()}
    def others() -> int:
        return int(sum(size for name, size in sizes.items() if shown[name] == OTHERS))
    while 0 < others() < minimum:
        named = sorted(((size, name) for name, size in sizes.items() if shown[name] != OTHERS))
        if not named:
            break
        shown[named[0][1]] = OTHERS
    return shown


def _aggregate(summary: pd.DataFrame, learners: pd.DataFrame, assignments: list[str], by: str) -> pd.DataFrame:
    mapping = merge_small(summary[by].value_counts())
    label = summary[by].map(mapping)
    rows = []
    for group in sorted(label.unique(), key=lambda g: (g == OTHERS, g)):
        part = summary[label == group]
        rows.append({"kelompok": group, "peserta": len(part),
                     "tugas_selesai": int(part["tugas_selesai"].sum()),
                     "selesai_per_peserta": part["tugas_selesai"].mean(),
                     "rata_rata_nilai": part["rata_rata_nilai"].mean(),
                     "jp_total": part["jp"].sum(), "jp_per_peserta": part["jp"].mean(),
                     "sertifikat": int(part["sertifikat"].sum()), "berisiko": int(part["berisiko"].sum()),
                     **{f"{n}:selesai": int((learners.loc[part.index, f"{n}:status"] == "selesai").sum())
                        for n in assignments}})
    return pd.DataFrame(rows)


def leadership(cohort: Cohort) -> dict[str, pd.DataFrame]:
    """The aggregated tables: per agency, per intake, per assignment. No names, no ids, no group
    under :data:`MIN_GROUP` learners. Empty when the whole cohort is under :data:`MIN_GROUP`."""
    s, learners = cohort.summary, cohort.learners
    if len(s) < MIN_GROUP:
        return {}
    tables = {dim: _aggregate(s, learners, cohort.assignments, dim) for dim in DIMENSIONS}
    per_assignment = []
    for n in cohort.assignments:
        done = learners[f"{n}:status"] == "selesai"
        per_assignment.append({"tugas": n, "peserta": len(learners), "selesai": int(done.sum()),
                               "porsi_selesai": done.mean(),
                               "menunggu_penilaian": int((learners[f"{n}:status"] == "menunggu penilaian").sum()),
                               "terlambat": int(learners[f"{n}:terlambat"].sum()),
                               "rata_rata_nilai": learners.loc[done, f"{n}:nilai"].astype(float).mean()})
    tables["tugas"] = pd.DataFrame(per_assignment)
    return tables


def _plots(tables: dict[str, pd.DataFrame]) -> list[dict]:
    plt = report.pyplot()
    figures = []
    agency = tables.get("instansi")
    if agency is not None and len(agency):
        fig, ax = plt.subplots(figsize=(6, 0.45 * len(agency) + 1.2))
        ax.barh(agency["kelompok"], agency["selesai_per_peserta"], color="#1f4e79")
        ax.set(title="Rata-rata tugas selesai per peserta", xlabel="Tugas selesai per peserta")
        ax.invert_yaxis()
        best = agency.loc[agency["selesai_per_peserta"].idxmax()]
        low = agency.loc[agency["selesai_per_peserta"].idxmin()]
        figures.append({"src": report.png(fig), "alt": (
            f"Rata-rata tugas selesai per peserta menurut instansi: tertinggi {best['kelompok']} "
            f"({report.angka(best['selesai_per_peserta'])}), terendah {low['kelompok']} "
            f"({report.angka(low['selesai_per_peserta'])}).")})
    per = tables.get("tugas")
    if per is not None and len(per):
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.bar(per["tugas"], per["porsi_selesai"] * 100, color="#2da44e")
        ax.set(title="Peserta yang menyelesaikan tiap tugas", ylabel="Persen peserta", ylim=(0, 100))
        ax.tick_params(axis="x", labelrotation=30)
        low = per.loc[per["porsi_selesai"].idxmin()]
        figures.append({"src": report.png(fig), "alt": (
            f"Persen peserta yang menyelesaikan tiap tugas; paling sedikit {low['tugas']} "
            f"({report.persen(low['porsi_selesai'])}).")})
    return figures


def write(cohort: Cohort, folder: Path, *, title: str = "Kursus", today: date | None = None) -> list[Path]:
    """Both dashboards (HTML) and their tables (CSV, Excel) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = leadership(cohort)
    made = (today or date.today()).isoformat()
    common = {"title": title, "dibuat": made, "tables": tables, "dimensions": DIMENSIONS,
              "assignments": cohort.assignments, "weakest": cohort.weakest.to_dict("records"),
              "learners": len(cohort.summary), "minimum": MIN_GROUP, "figures": _plots(tables)}
    at_risk = cohort.summary[cohort.summary["berisiko"]]
    paths = [report.write(folder / "dasbor-pimpinan.html", "dasbor-kohort.html", view="pimpinan", **common),
             report.write(folder / "dasbor-pengajar.html", "dasbor-kohort.html", view="pengajar",
                          people=cohort.summary.to_dict("records"), at_risk=at_risk.to_dict("records"), **common)]
    lead = [t.assign(menurut=DIMENSIONS[dim])[["menurut", *t.columns]] for dim, t in tables.items() if dim in DIMENSIONS]
    if lead:
        paths.append(folder / "ringkasan-pimpinan.csv")
        pd.concat(lead, ignore_index=True).to_csv(paths[-1], index=False, encoding="utf-8")
    paths.append(folder / "peserta-pengajar.csv")
    cohort.summary.to_csv(paths[-1], index=False, encoding="utf-8")
    with pd.ExcelWriter(folder / "kohort-pimpinan.xlsx") as xlsx:
        for name, table in tables.items():
            table.to_excel(xlsx, sheet_name=f"per_{name}", index=False)
        cohort.weakest.to_excel(xlsx, sheet_name="butir_terlemah", index=False)
    with pd.ExcelWriter(folder / "kohort-pengajar.xlsx") as xlsx:
        cohort.summary.to_excel(xlsx, sheet_name="peserta", index=False)
        at_risk.to_excel(xlsx, sheet_name="berisiko", index=False)
        cohort.learners.to_excel(xlsx, sheet_name="per_tugas", index=False)
        cohort.weakest.to_excel(xlsx, sheet_name="butir_terlemah", index=False)
    return paths + [folder / "kohort-pimpinan.xlsx", folder / "kohort-pengajar.xlsx"]
