"""A quiz as one self-contained HTML fragment: inline styles, a small inline script, nothing fetched.

Each question is a ``<fieldset>`` with a ``<legend>``: radio buttons when one option is right,
checkboxes when several are, a text box (decimal comma or point) for a number. The script
(``kuis.js``, run with the quiz's id) adds the "Periksa jawaban" buttons and, under each option, a
hidden copy of its explanation from the ``<details>`` (so that where scripts do not run nothing
but the details shows: JupyterLab's sanitizer drops ``hidden`` attributes); a check writes
"Benar"/"Belum tepat" into the question's live region and shows the explanation of every option
chosen (and of every right option missed in a multiple-answer question). Without JavaScript (a
notebook reopened untrusted in JupyterLab drops scripts and styles) each question keeps a
``<details>`` "Lihat pembahasan" with the right answer(s) and every explanation.

All text is HTML-escaped; Markdown code spans (```kode```) become ``<code>``. Ids are unique per
fragment, so several quizzes on one page do not clash.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import re
from functools import lru_cache
from pathlib import Path

from cerdas.kuis.validate import Soal

HERE = Path(__file__).resolve().parent
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
INTRO = ("Jawab soal-soal berikut untuk memeriksa pemahaman Anda, lalu tekan <strong>Periksa jawaban</strong>. "
         "Jawaban hanya diperiksa di halaman ini: tidak ada yang disimpan atau dikirim.")
_counter = itertools.count(1)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8").strip()


def inline(text: str) -> str:
    """Escaped text with Markdown code spans as ``<code>``."""
    out, last = [], 0
    for match in CODE_SPAN.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        out.append(f"<code>{html.escape(match.group(2).strip())}</code>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def angka(x: float) -> str:
    """A number written the Indonesian way: ``0,75``, ``1.234``, ``1.234,5``."""
    if x == int(x) and abs(x) < 1e15:
        text = f"{int(x):,}"
    else:
        text = f"{x:,.10f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _choice(soal: Soal, sid: str) -> list[str]:
    kind = "radio" if soal.jenis == "satu" else "checkbox"
    hint = "Pilih satu jawaban." if soal.jenis == "satu" else "Pilih semua jawaban yang benar (bisa lebih dari satu)."
    parts = [f'<p class="ck-petunjuk" id="{sid}-p">{hint}</p>']
    for index, option in enumerate(soal.pilihan):
        oid = f"{sid}-{LETTERS[index].lower()}"
        parts.append(f'<div class="ck-opsi" data-benar="{int(option.benar)}">'
                     f'<input type="{kind}" name="{sid}" id="{oid}">'
                     f'<label for="{oid}">{inline(option.teks)}</label></div>')
    right = [f"{LETTERS[i]}. {inline(o.teks)}" for i, o in enumerate(soal.pilihan) if o.benar]
    label = "Jawaban benar" if len(right) == 1 else "Jawaban-jawaban benar"
    items = "".join(f'<li><strong>{LETTERS[i]}. {inline(o.teks)}</strong> ({"benar" if o.benar else "keliru"}): '
                    f'<span class="ck-sumber">{inline(o.penjelasan)}</span></li>' for i, o in enumerate(soal.pilihan))
    parts.append(f'<details class="ck-bahas"><summary>Lihat pembahasan</summary>'
                 f'<p>{label}: {"; ".join(right)}.</p><ul>{items}</ul></details>')
    return parts


def _number(soal: Soal, sid: str) -> list[str]:
    tolerance = f" (selisih sampai {angka(soal.toleransi)} masih dianggap benar)" if soal.toleransi else ""
    return [f'<p class="ck-petunjuk" id="{sid}-p">Tulis sebuah bilangan; koma atau titik desimal sama-sama boleh.</p>',
            f'<div class="ck-opsi"><label for="{sid}-x">Jawaban Anda:</label> '
            f'<input type="text" inputmode="decimal" autocomplete="off" id="{sid}-x" '
            f'data-jawaban="{soal.jawaban!r}" data-toleransi="{soal.toleransi!r}" aria-describedby="{sid}-p"></div>',
            f'<details class="ck-bahas"><summary>Lihat pembahasan</summary>'
            f'<p>Jawaban benar: {angka(soal.jawaban)}{tolerance}.</p>'
            f'<p class="ck-sumber">{inline(soal.penjelasan)}</p></details>']


def render(items: list[Soal], *, name: str = "kuis", uid: str | None = None) -> str:
    """The quiz as one HTML fragment (``uid``: its id, default unique per call)."""
    if uid is None:
        digest = hashlib.sha256(json.dumps([repr(s) for s in items]).encode()).hexdigest()[:8]
        uid = f"kuis-{re.sub(r'[^a-z0-9-]+', '-', name.lower()).strip('-')}-{digest}-{next(_counter)}"
    parts = [f'<div class="cerdas-kuis" id="{uid}" lang="id"><style>{_asset("kuis.css")}</style>',
             f'<p class="ck-pengantar">{INTRO}</p>']
    for number, soal in enumerate(items, start=1):
        sid = f"{uid}-{number}"
        parts.append(f'<fieldset class="ck-soal" data-jenis="{soal.jenis}">'
                     f'<legend>Soal {number}. {inline(soal.pertanyaan)}</legend>')
        parts += _number(soal, sid) if soal.jenis == "angka" else _choice(soal, sid)
        parts.append('<p class="ck-hasil" role="status" aria-live="polite"></p></fieldset>')
    parts.append(f'<script>({_asset("kuis.js")})({json.dumps(uid)});</script></div>')
    return "\n".join(parts)
