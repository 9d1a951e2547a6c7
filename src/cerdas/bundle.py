"""``cerdas bundle``: one zip for training rooms without internet.

    cerdas-offline/
      BACA-SAYA.txt        how to use it (Indonesian)
      situs/               the built site; open situs/index.html from disk (search works from file://)
      tugas/<name>/*.ipynb released (solution-free) assignment notebooks
      datasets/            every dataset with its card and checksums
      requirements.txt     the exact package versions
      SHA256SUMS           checksum of every other file (``sha256sum -c SHA256SUMS``)

The bundle is refused when any line of a solution or hidden test would be in it, or any file
holding learners' data (a gradebook, a grades export, a certificate: see cerdas.privacy).
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from tqdm import tqdm

from cerdas import privacy
from cerdas.assignments.secrets import course_secrets, leaks_in_text, readable_text
from cerdas.course import Course
from cerdas.errors import CourseError, Problem

TOP = "cerdas-offline"
README = """\
{title} — paket luring (offline)

1. Buka situs/index.html di peramban (klik dua kali). Semua halaman, grafik, widget, dan
   pencarian berfungsi tanpa internet.
2. Notebook tugas (versi peserta, tanpa jawaban) ada di folder tugas/. Dataset ada di datasets/.
3. Untuk menjalankan notebook di komputer sendiri: pasang Python 3.11, lalu
   pip install -r requirements.txt (sekali saja, perlu internet atau cermin paket lokal).
4. Periksa bahwa berkas tidak rusak saat disalin: sha256sum -c SHA256SUMS
"""


def _readme(course: Course) -> str:
    """BACA-SAYA.txt, headed by the course's own title (``title:`` in _config.yml)."""
    import yaml

    try:
        config = yaml.safe_load(course.config_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    title = str(config.get("title") or "").strip() if isinstance(config, dict) else ""
    return README.format(title=title or course.root.name)


def _files(course: Course) -> list[tuple[Path, str]]:
    pairs = [(p, f"situs/{p.relative_to(course.html_dir).as_posix()}")
             for p in sorted(course.html_dir.rglob("*")) if p.is_file()]
    pairs += [(p, f"tugas/{p.relative_to(course.published_dir).as_posix()}")
              for p in sorted(course.published_dir.glob("*/*.ipynb"))]
    pairs += [(p, f"datasets/{p.relative_to(course.datasets_dir).as_posix()}")
              for p in sorted(course.datasets_dir.rglob("*"))
              if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    requirements = course.root / "requirements.txt"
    if requirements.is_file():
        pairs.append((requirements, "requirements.txt"))
    return pairs


def bundle(*, course: Course | None = None, out: Path | None = None, build: bool = True, echo: bool = True) -> Path:
    """Write the offline zip (default ``_build/cerdas-offline.zip``) and return its path."""
    course = course or Course.find()
    if build:
        from cerdas.build import build_site

        build_site(course=course, echo=echo)
    if not (course.html_dir / "index.html").is_file():
        raise CourseError(Problem(course.rel(course.html_dir), "no built site to bundle", "run `cerdas build` first"))
    out = Path(out) if out else course.build_dir / f"{TOP}.zip"
    files = _files(course)
    dirs = privacy.course_dirs(course)
    private = [(path, arc, what) for path, arc in files
               if (what := privacy.learner_data(path.relative_to(course.root).as_posix(), course=course, dirs=dirs))]
    if private:
        raise CourseError([Problem(arc, f"holds learners' data ({what}); the bundle is for anyone to copy",
                                   f"move {course.rel(path)} out of the site's sources, datasets/ and book/tugas/ "
                                   "(keep it with the gradebook), rebuild and bundle again")
                           for path, arc, what in private])
    secrets = course_secrets(course)
    leaks = [(arc, found) for path, arc in files if (found := leaks_in_text(readable_text(path), secrets))]
    if leaks:
        raise CourseError([Problem(arc, f"would reveal a solution or hidden test line: {found[0][:60]!r}",
                                   "republish (`cerdas assignments publish`) and rebuild; never bundle source/")
                           for arc, found in leaks])
    out.parent.mkdir(parents=True, exist_ok=True)
    sums = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        readme = _readme(course)
        zf.writestr(f"{TOP}/BACA-SAYA.txt", readme)
        sums.append(f"{hashlib.sha256(readme.encode()).hexdigest()}  BACA-SAYA.txt")
        for path, arc in tqdm(files, desc="bundle", unit="file", disable=not echo):
            data = path.read_bytes()
            zf.writestr(f"{TOP}/{arc}", data)
            sums.append(f"{hashlib.sha256(data).hexdigest()}  {arc}")
        zf.writestr(f"{TOP}/SHA256SUMS", "\n".join(sums) + "\n")
    return out
