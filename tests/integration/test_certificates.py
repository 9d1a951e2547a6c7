"""`cerdas certificates`: a PDF for each learner who passes, with a code the gradebook can verify."""

from __future__ import annotations

import pytest
from nbgrader.api import Gradebook

from cerdas.cli import main
from cerdas.grading import grade
from test_grading import make_course

pytestmark = pytest.mark.slow


def test_certificates_issue_and_verify(tmp_path, real_course, capsys):
    course = make_course(tmp_path / "c", real_course, {"lulus": "correct.ipynb", "gagal": "wrong.ipynb"})
    grade(course=course, assignment="kuadrat", workers=2, progress=False)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:  # the instructor grades the written answer
        gb.find_grade("refleksi_kuadrat", "kuadrat", "kuadrat", "lulus").manual_score = 3
        gb.db.commit()
    assert main(["--root", str(real_course.root), "certificates", "--course-dir", str(course)]) == 0
    pdfs = sorted((course / "sertifikat").glob("*.pdf"))
    assert [p.name for p in pdfs] == ["sertifikat-lulus.pdf"]  # 5/5 passes; 0/5 does not
    assert pdfs[0].read_bytes().startswith(b"%PDF")
    import json

    [code] = json.loads((course / ".cerdas" / "sertifikat.json").read_text())
    capsys.readouterr()
    assert main(["--root", str(real_course.root), "certificates", "verify", code, "--course-dir", str(course)]) == 0
    assert "sah: lulus" in capsys.readouterr().out
    forged = code[:-1] + ("A" if code[-1] != "A" else "B")
    assert main(["--root", str(real_course.root), "certificates", "verify", forged, "--course-dir", str(course)]) == 1
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:  # a later regrade lowers the points
        gb.find_grade("refleksi_kuadrat", "kuadrat", "kuadrat", "lulus").manual_score = 0
        gb.db.commit()
    assert main(["--root", str(real_course.root), "certificates", "verify", code, "--course-dir", str(course)]) == 1
    assert "tidak lagi mendukung" in capsys.readouterr().err
