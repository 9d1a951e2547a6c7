"""The public certificate check: ``cek-sertifikat.html`` on the site, where anyone types a certificate
code and learns whether the course issued it, offline and without a server.

The site publishes no names, ids or scores: only, for every certificate that is still valid (the
same rule as ``cerdas certificates verify``: issued by this course and still backed by the
gradebook), ``sha256(salt + ":" + code)`` and the date it was issued. The salt is random per course,
kept beside the certificate key (``.cerdas/sertifikat.garam``) and published with the hashes, so a
table of hashes from one course says nothing about another's. A code is 80 random bits, so the
hashes cannot be reversed by trying codes.

The page computes the same hash in the browser with a SHA-256 of its own (``static/cerdas-sertifikat.js``:
``crypto.subtle`` exists only in secure contexts, and a site opened from a file or over plain http on
a training room's network is not one). The hashes are a script (``_static/sertifikat-data.js``), not
JSON to fetch, because browsers refuse ``fetch`` on ``file://``.

Written at the end of every site build (``build-finished``) from the course's nbgrader course
directory (``assignments/``); without a register the page says no certificate has been issued yet.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
from pathlib import Path

from cerdas import report

STATIC = Path(__file__).parent / "static"
PAGE = "cek-sertifikat.html"


def salt(grading) -> str:
    path = grading.state_dir / "sertifikat.garam"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(16))
        os.chmod(path, 0o600)
    return path.read_text().strip()


def digest(garam: str, code: str) -> str:
    return hashlib.sha256(f"{garam}:{normalise(code)}".encode()).hexdigest()


def normalise(code: str) -> str:
    """What the page does to a typed code: capitals, no spaces."""
    return "".join(code.split()).upper()


def valid_certificates(*, course, grading) -> dict[str, str]:
    """Code -> date issued, for every registered certificate that ``verify_code`` would accept."""
    from cerdas import certificates

    register_path = grading.state_dir / "sertifikat.json"
    if not register_path.is_file():
        return {}
    register = json.loads(register_path.read_text(encoding="utf-8"))
    key = certificates._key(grading)
    name = certificates._settings(course).get("nama", "Cerdas")
    points = {row.student: row.points for row in certificates.standings(grading.db_url)}
    valid = {}
    for code, entry in register.items():
        expected = certificates.code_for(key, name, entry["student"], entry["issued"], entry["points"])
        if expected == code and points.get(entry["student"], -1) >= entry["points"]:
            valid[code] = entry["issued"]
    return valid


def write_page(outdir: Path, *, codes: dict[str, str], garam: str, title: str) -> Path:
    """The page and its two scripts under ``outdir`` (the site's HTML folder)."""
    static = outdir / "_static"
    static.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STATIC / "cerdas-sertifikat.js", static / "cerdas-sertifikat.js")
    data = {"garam": garam, "kode": {digest(garam, code): issued for code, issued in sorted(codes.items())}}
    (static / "sertifikat-data.js").write_text(
        "window.CERDAS_SERTIFIKAT = " + json.dumps(data, sort_keys=True) + ";\n", encoding="utf-8")
    return report.write(outdir / PAGE, "cek-sertifikat.html", title=title, count=len(codes))


def on_build_finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from cerdas.certificates import _settings
    from cerdas.course import Course
    from cerdas.coursedir import CourseDir

    course = Course(Path(app.srcdir))
    codes, garam = {}, secrets.token_hex(16)
    if (course.assignments_dir / ".cerdas" / "sertifikat.json").is_file():
        grading = CourseDir.open(course.assignments_dir)
        codes, garam = valid_certificates(course=course, grading=grading), salt(grading)
    write_page(Path(app.outdir), codes=codes, garam=garam, title=_settings(course).get("nama", "Kursus"))
