"""Anyone holding a certificate checks its code on the course site, offline: an issued code is
accepted, a changed one refused, and the page publishes nothing personal."""

from __future__ import annotations

import hashlib
import json

import pytest

import kohort
from cerdas import certificates
from cerdas.site import sertifikat


@pytest.fixture(scope="module")
def page(city, tmp_path_factory):
    """The check page written as the site build writes it, from the city's certificate register."""
    out = tmp_path_factory.mktemp("situs")
    codes = sertifikat.valid_certificates(course=city["course"], grading=city["grading"])
    sertifikat.write_page(out, codes=codes, garam=sertifikat.salt(city["grading"]), title="Kursus Kota")
    return {"out": out, "codes": codes}


def test_published_data_holds_hashes_only(city, page):
    """Every valid certificate is there as a salted hash with its date; no id, name, e-mail or code."""
    register = json.loads((city["grading"].state_dir / "sertifikat.json").read_text())
    assert set(page["codes"]) == set(register) and register
    data = (page["out"] / "_static" / "sertifikat-data.js").read_text()
    for code, entry in register.items():
        assert code not in data and entry["student"] not in data
        salted = hashlib.sha256(f"{sertifikat.salt(city['grading'])}:{code}".encode()).hexdigest()
        assert salted in data
    html = (page["out"] / "cek-sertifikat.html").read_text()
    assert not any(p["id"] in html or p["email"] in html for p in kohort.learners())


def test_certificate_no_longer_backed_by_the_gradebook_is_not_published(city):
    """A register entry whose points the gradebook no longer supports (a regrade lowered them) is
    left out, as `cerdas certificates verify` would refuse it."""
    register_path = city["grading"].state_dir / "sertifikat.json"
    register = json.loads(register_path.read_text())
    code, entry = next(iter(register.items()))
    forged = dict(register)
    key = certificates._key(city["grading"])
    higher = entry["points"] + 100
    forged_code = certificates.code_for(key, "Kursus Kota", entry["student"], entry["issued"], higher)
    forged[forged_code] = {**entry, "points": higher}
    register_path.write_text(json.dumps(forged))
    try:
        valid = sertifikat.valid_certificates(course=city["course"], grading=city["grading"])
        assert code in valid and forged_code not in valid
    finally:
        register_path.write_text(json.dumps(register))


@pytest.mark.slow
def test_page_accepts_an_issued_code_and_refuses_a_changed_one(page):
    """In Chromium, from the file system (no secure context, no server): the issued code, typed in
    small letters with spaces, is SAH; the same code with one character changed is TIDAK DIKENAL."""
    from playwright.sync_api import sync_playwright

    code = next(iter(page["codes"]))
    changed = code[:-1] + ("A" if code[-1] != "A" else "B")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        try:
            tab = browser.new_page(viewport={"width": 360, "height": 740})
            tab.goto((page["out"] / "cek-sertifikat.html").as_uri())
            assert tab.evaluate("cerdasSha256('abc')") == hashlib.sha256(b"abc").hexdigest()
            assert tab.evaluate("cerdasSha256('x'.repeat(1000) + 'é')") == hashlib.sha256(("x" * 1000 + "é").encode()).hexdigest()
            tab.fill("#kode", " " + code.lower().replace("-", "- ", 1) + " ")
            tab.click("button[type=submit]")
            assert tab.text_content("#hasil").startswith("SAH: kode " + code)
            tab.fill("#kode", changed)
            tab.press("#kode", "Enter")
            assert tab.text_content("#hasil").startswith("TIDAK DIKENAL")
        finally:
            browser.close()
