"""Numbers in a lesson's prose against the values its code records (cerdas.site.prose_numbers): the
Indonesian number format, rounding to the decimals shown, and what an author is told."""

from __future__ import annotations

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_output

from cerdas.site.prose_numbers import GLUE_PREFIX, check, glued, indonesian, parse, quotes, records


def recorded(name: str, value: float) -> dict:
    """A code cell as the site build leaves it after `angka.catat(name, value)`: a hidden glue record."""
    cell = new_code_cell(f'angka.catat("{name}", ...)')
    cell.outputs = [new_output("display_data", data={GLUE_PREFIX + "text/plain": repr(float(value))},
                               metadata={"scrapbook": {"name": name, "mime_prefix": GLUE_PREFIX}})]
    return cell


@pytest.mark.parametrize("text, value, decimals", [
    ("4,3", 4.3, 1), ("12", 12, 0), ("1.234", 1234, 0), ("1.234.567,89", 1234567.89, 2),
    ("-0,25", -0.25, 2), ("−3,5", -3.5, 1), ("87,5%", 87.5, 1), ("12 %", 12, 0), ("0,040", 0.04, 3)])
def test_indonesian_numbers_parse_with_the_decimals_shown(text, value, decimals):
    shown = parse(text)
    assert shown.value == pytest.approx(value) and shown.decimals == decimals


@pytest.mark.parametrize("text", ["4.3", "1.23", "1,", "12.3456", "1.2345,6"])
def test_english_or_broken_formats_are_refused(text):
    """'4.3' is not four point three in Indonesian: a dot groups thousands, three digits at a time."""
    with pytest.raises(ValueError, match="Indonesian format"):
        parse(text)


def test_quotes_find_the_number_right_before_each_comment():
    text = ("Galat turun dari 4,3<!--angka:mae_awal--> menjadi **2,8**<!--angka:mae_baru-->, biaya Rp1.250<!--angka:biaya-->"
            " pada 2019-2020<!-- angka:tahun -->; akurasi -1,5%<!--angka:selisih-->.")
    found = {name: (shown.text, shown.value) for name, shown in quotes(text)}
    assert found == {"mae_awal": ("4,3", 4.3), "mae_baru": ("2,8", 2.8), "biaya": ("1.250", 1250.0),
                     "tahun": ("2020", 2020.0), "selisih": ("-1,5%", -1.5)}


def test_a_comment_without_a_number_or_with_a_bad_name_is_a_problem():
    [(_, why_no_number), (_, why_name)] = quotes("sekitar empat<!--angka:x--> dan 5<!--angka:5x-->")
    assert "no number right before the comment" in why_no_number
    assert "not a Python name" in why_name


def test_records_are_read_from_hidden_glue_outputs_only():
    shown = new_code_cell("print(4.3)")
    shown.outputs = [new_output("stream", text="4.3\n")]
    assert records([shown, recorded("mae_awal", 4.2871), new_markdown_cell("4,3<!--angka:mae_awal-->")]) == {
        "mae_awal": 4.2871}


@pytest.mark.parametrize("value, prose, ok", [
    (4.2871, "4,3", True), (4.2871, "4,29", True), (4.2871, "4,28", False), (4.2871, "4", True),
    (4.25, "4,3", True), (4.25, "4,2", True), (4.36, "4,3", False), (87.46, "87,5%", True), (87.44, "87,5%", False),
    (1234.4, "1.234", True), (1235.6, "1.235", False), (-0.04, "0,0", True), (0.1 + 0.2, "0,3", True)])
def test_the_recorded_value_must_round_to_the_number_shown(value, prose, ok):
    """Within half a unit of the last decimal shown (a tie rounds either way), else a problem."""
    problems = check([recorded("x", value), new_markdown_cell(f"Nilainya {prose}<!--angka:x-->.")])
    assert (problems == []) is ok, problems


def test_a_stale_number_is_reported_with_the_cell_the_values_and_what_to_do():
    cells = [new_markdown_cell("# Judul"), recorded("mae_awal", 4.2871), recorded("mae_baru", 2.8),
             new_markdown_cell("Galat turun dari 4,7<!--angka:mae_awal--> menjadi 2,8<!--angka:mae_baru-->.")]
    [problem] = check(cells)
    assert problem.cell == 3 and problem.name == "mae_awal"
    assert "shows 4,7 but the code records 4.2871, which is 4,3 at the 1 decimal(s) shown" in problem.what
    assert "update the prose" in problem.what


def test_a_quote_never_recorded_is_a_problem_and_a_record_never_quoted_is_not():
    cells = [recorded("dipakai", 1.0), recorded("tidak_dikutip", 9.0),
             new_markdown_cell("Satu: 1<!--angka:dipakai-->, dua: 2<!--angka:salah_nama-->.")]
    [problem] = check(cells)
    assert problem.name == "salah_nama" and "no code cell records 'salah_nama'" in problem.what
    assert 'angka.catat("salah_nama", value)' in problem.what


def test_recorded_values_are_suggested_in_indonesian_format():
    assert indonesian(1234.567, 1) == "1.234,6"
    assert indonesian(-2.5, 0) in {"-2", "-3"} and indonesian(-0.04, 1) == "0,0"


def test_records_taken_out_by_myst_nb_are_read_from_its_glue_data():
    """myst-nb moves hidden glue records out of the outputs into its client's glue_data, prefix dropped."""
    cell = recorded("mae_awal", 4.2871)
    glue_data = {"mae_awal": {"output_type": "display_data", "data": {"text/plain": "4.2871"}},
                 "tabel": {"output_type": "display_data", "data": {"text/plain": "<DataFrame>"}}}
    assert glued(glue_data) == {"mae_awal": 4.2871}
    cell.outputs = []
    assert check([cell, new_markdown_cell("4,3<!--angka:mae_awal-->")], glued(glue_data)) == []
