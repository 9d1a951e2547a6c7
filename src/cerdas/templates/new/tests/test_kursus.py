"""Tests of this course, run by `python3 make.py test` (unittest: nothing to install beyond requirements.txt).

They check what a change to the course can break without the site build noticing: the course is
valid (`cerdas check`), every dataset loads as its card describes, and the released assignment
hides its solutions. `python3 make.py build` additionally runs every lesson and proves each
assignment's tests with its reference solution, a blank copy and its mutants.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("CERDAS_ROOT", str(ROOT))


def cerdas(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "cerdas", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "CERDAS_ROOT": str(ROOT)})


class Kursus(unittest.TestCase):
    def test_course_is_valid(self):
        """`cerdas check` finds no problem in the lessons, assignments, datasets and _toc.yml."""
        proc = cerdas("check")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)

    def test_every_dataset_loads_as_its_card_says(self):
        """Each datasets/<name>/ loads through cerdas.datasets.load with the card's columns and rows."""
        from cerdas import datasets
        from cerdas.course import Course

        course = Course(ROOT)
        names = datasets.dataset_names(course)
        self.assertTrue(names, "the course ships no dataset")
        for name in names:
            with self.subTest(dataset=name):
                data = datasets.load(name, course=course)
                card = datasets.read_card(name, course=course)
                self.assertEqual(list(data.frame.columns), list(card.meta["columns"]))
                self.assertEqual(len(data.frame), card.meta["rows"])

    def test_released_assignments_hide_their_solutions(self):
        """Releasing every assignment (into a scratch copy) leaves no solution or hidden-test line."""
        from cerdas.assignments.publish import released_notebooks
        from cerdas.assignments.secrets import course_secrets, leaks_in_text
        from cerdas.course import Course

        course = Course(ROOT)
        secrets = course_secrets(course)
        with tempfile.TemporaryDirectory() as tmp:
            released = released_notebooks(course=course, names=course.assignment_names(), into=Path(tmp))
            self.assertTrue(released, "the course has no assignment")
            for name, paths in released.items():
                self.assertTrue(paths, f"{name}: nothing released")
                for path in paths:
                    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
                        source = "".join(cell["source"])
                        self.assertEqual(leaks_in_text(source, secrets), [], f"{name}/{path.name} reveals a solution")


if __name__ == "__main__":
    unittest.main()
