"""The nbgrader course directory: every path of a grading step, and the gradebook, in one object.

Any nbgrader course directory works, not only this repository's ``assignments/``. It is found as
nbgrader finds it: from the working directory (the folder holding ``nbgrader_config.py``, walking
up), else the ``assignments/`` folder of the Cerdas course around the working directory, else the
working directory itself when it has a ``source/`` folder. ``--course-dir`` names it outright.

Its settings are read as ``nbgrader autograde`` reads them (the Jupyter config folders, then the
course's ``nbgrader_config.py``) and kept in nbgrader's own :class:`~nbgrader.coursedir.CourseDirectory`,
so ``root``, ``course_id``, ``db_url``, ``directory_structure``, the step folder names and
``student_id_exclude`` mean exactly what they mean to nbgrader. Folders that are cerdas's own
(kept results, reports, certificates) live under the course root.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from cerdas.errors import CourseError, Problem

CONFIG_FILE = "nbgrader_config.py"
STEPS = ("source", "release", "submitted", "autograded", "feedback")
SQLITE = "sqlite:///"


@dataclass(frozen=True)
class CourseDir:
    """One nbgrader course directory; build it with :meth:`find` or :meth:`open`."""

    root: Path
    db_url: str
    course_id: str = ""
    directory_structure: str = "{nbgrader_step}/{student_id}/{assignment_id}"
    folders: dict[str, str] = field(default_factory=lambda: {step: step for step in STEPS})
    exclude: tuple[str, ...] = ()
    config_dir: Path | None = None  # where its nbgrader_config.py is read from (default: root)

    def __post_init__(self):
        if self.config_dir is None:
            object.__setattr__(self, "config_dir", self.root)

    # --- finding it ----------------------------------------------------------
    @classmethod
    def open(cls, root: str | Path, *, db_url: str | None = None) -> "CourseDir":
        """The course directory at ``root``, with its ``nbgrader_config.py`` settings; ``db_url`` overrides."""
        from nbgrader.coursedir import CourseDirectory

        from cerdas.grading.gradebook import nbgrader_config

        root = Path(root).resolve()
        if not root.is_dir():
            raise CourseError(Problem(str(root), "no such course directory",
                                      "give an nbgrader course directory (the folder holding source/ and nbgrader_config.py)"))
        home = root
        config = nbgrader_config(home)
        configured = config.CourseDirectory.get("root") if "CourseDirectory" in config else None
        if configured:  # a root set in the config counts from the folder holding the config
            config.CourseDirectory.root = str((root / Path(configured).expanduser()).resolve())
        else:  # nbgrader's default root is its working directory: here, the folder found
            config.CourseDirectory.root = str(root)
        nb = CourseDirectory(config=config)
        root = Path(nb.root).resolve()
        url = db_url or nb.db_url
        return cls(root=root, db_url=url, course_id=nb.course_id or "", directory_structure=nb.directory_structure,
                   folders={step: getattr(nb, f"{step}_directory") for step in STEPS},
                   exclude=tuple(nb.student_id_exclude.split(",")) if nb.student_id_exclude else (), config_dir=home)

    @classmethod
    def throwaway(cls, root: str | Path) -> "CourseDir":
        """A scratch course directory at ``root`` (verify, publish): its copied nbgrader_config.py is
        honoured, except that the root and the gradebook are always this folder's own, so a configured
        ``root`` or shared ``db_url`` can never point a scratch run at the real course."""
        root = Path(root).resolve()
        found = cls.open(root, db_url=f"{SQLITE}{root / 'gradebook.db'}")
        return replace(found, root=root, config_dir=root)

    @classmethod
    def find(cls, *, course_dir: str | Path | None = None, db_url: str | None = None,
             start: Path | None = None, course_root: str | Path | None = None) -> "CourseDir":
        """The course directory named, else the one the working directory is in (see the module docstring).

        ``course_root`` (``cerdas --root``) names a Cerdas course whose ``assignments/`` is meant.
        """
        if course_dir:
            return cls.open(course_dir, db_url=db_url)
        if course_root:
            return cls.open(Path(course_root) / "assignments", db_url=db_url)
        found = locate(start)
        if found is None:
            here = (start or Path.cwd()).resolve()
            raise CourseError(Problem(str(here), "is not in an nbgrader course directory",
                                      "run the command inside one (the folder with nbgrader_config.py or source/), "
                                      "or name it with --course-dir"))
        return cls.open(found, db_url=db_url)

    # --- nbgrader's paths ----------------------------------------------------
    def format_path(self, step: str, student_id: str, assignment_id: str) -> Path:
        """What nbgrader's ``CourseDirectory.format_path`` gives for a step name (``"submitted"``, …)."""
        folder = self.folders.get(step, step)
        return self.root / self.directory_structure.format(nbgrader_step=folder, student_id=student_id,
                                                          assignment_id=assignment_id)

    def source(self, assignment: str) -> Path:
        return self.format_path("source", ".", assignment)

    def release(self, assignment: str) -> Path:
        return self.format_path("release", ".", assignment)

    def submitted(self, student: str, assignment: str) -> Path:
        return self.format_path("submitted", student, assignment)

    def autograded(self, student: str, assignment: str) -> Path:
        return self.format_path("autograded", student, assignment)

    def feedback(self, student: str, assignment: str) -> Path:
        return self.format_path("feedback", student, assignment)

    def step_dir(self, step: str) -> Path:
        return self.root / self.folders.get(step, step)

    def students_in(self, step: str, assignment: str) -> dict[str, Path]:
        """``{student: folder}`` for every student folder of ``assignment`` in a step (submitted, autograded)."""
        pattern = self.format_path(step, "*", assignment)
        regex = self._student_regex(step, assignment)
        found = {}
        for path in sorted(self.root.glob(pattern.relative_to(self.root).as_posix())):
            match = regex.fullmatch(path.as_posix())
            if path.is_dir() and match and not self._excluded(match["student"]):
                found[match["student"]] = path
        return found

    def _student_regex(self, step: str, assignment: str) -> re.Pattern:
        marker = "\0student\0"
        text = self.format_path(step, marker, assignment).as_posix()
        head, _, tail = text.partition(marker)
        return re.compile(re.escape(head) + r"(?P<student>[^/]+)" + re.escape(tail.replace(marker, "")))

    def _excluded(self, student: str) -> bool:
        return any(fnmatch.fnmatch(student, pattern.strip()) for pattern in self.exclude if pattern.strip())

    def assignment_names(self) -> list[str]:
        """The assignments in ``source/`` (one folder each)."""
        folder = self.step_dir("source")
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))

    # --- cerdas's own folders ------------------------------------------------
    @property
    def state_dir(self) -> Path:
        return self.root / ".cerdas"

    def results(self, assignment: str) -> Path:
        """Graded results kept until the gradebook holds them (see grading.gradebook.Ledger)."""
        return self.state_dir / "results" / assignment

    def reports(self, assignment: str) -> Path:
        return self.root / "reports" / assignment

    @property
    def certificates_dir(self) -> Path:
        return self.root / "sertifikat"

    # --- the gradebook ---------------------------------------------------------
    @property
    def sqlite_path(self) -> Path | None:
        """The gradebook file when it is SQLite, else ``None``."""
        return Path(self.db_url[len(SQLITE):]) if self.db_url.startswith(SQLITE) else None

    def nbgrader_args(self) -> list[str]:
        """Command-line settings that make an ``nbgrader`` subprocess use this course directory and gradebook."""
        return [f"--CourseDirectory.root={self.root}", f"--CourseDirectory.db_url={self.db_url}"]

    def rel(self, path: Path) -> str:
        """A path as the user can type it: relative to the working directory when below it."""
        try:
            return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return str(path)


def as_coursedir(course) -> CourseDir:
    """A :class:`CourseDir` from one, from a Cerdas :class:`~cerdas.course.Course` (its ``assignments/``),
    from a folder, or, given ``None``, the one found from the working directory."""
    from cerdas.course import Course

    if isinstance(course, CourseDir):
        return course
    if isinstance(course, Course):
        return CourseDir.open(course.assignments_dir)
    if course is None:
        return CourseDir.find()
    return CourseDir.open(course)


def content_course():
    """The Cerdas course (lessons, datasets) around the working directory or ``CERDAS_ROOT``, or ``None``
    for a plain nbgrader course: kernels then get no course datasets."""
    from cerdas.course import Course

    try:
        return Course.find()
    except FileNotFoundError:
        return None


def locate(start: Path | None = None) -> Path | None:
    """The nbgrader course directory around ``start`` (default: the working directory), or ``None``."""
    from cerdas.course import _is_root

    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate
        if _is_root(candidate) and (candidate / "assignments").is_dir():
            return candidate / "assignments"
    if (here / "source").is_dir():
        return here
    env = os.environ.get("CERDAS_ROOT")
    if env and (Path(env) / "assignments").is_dir():
        return Path(env) / "assignments"
    return None
