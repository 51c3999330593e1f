"""Downloads a spreadsheet opens without running anything (CSV injection)."""

import csv
import datetime
import io

import openpyxl
import pytest

from core.exports import csv_bytes, neutralise, table_response, xlsx_bytes

HOSTILE = ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tX", "\rY"]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_starting_like_a_formula_is_made_inert(text):
    assert neutralise(text) == "'" + text


def test_numbers_dates_and_plain_text_pass_through():
    day = datetime.date(2020, 3, 18)
    assert [neutralise(v) for v in (-5, 2.5, day, "Ouverture", None)] == [
        -5,
        2.5,
        day,
        "Ouverture",
        "",
    ]


def test_csv_has_a_bom_and_inert_cells():
    body = csv_bytes(["title", "views"], [[text, -1] for text in HOSTILE])
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["title", "views"]
    assert [r[0] for r in rows[1:]] == ["'" + t for t in HOSTILE]
    assert {r[1] for r in rows[1:]} == {"-1"}


def test_xlsx_cells_are_strings_never_formulas():
    body = xlsx_bytes([("Posts =1", ["title", "views"], [[t, 3] for t in HOSTILE])])
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert all(c.data_type == "s" and c.value.startswith("'") for c in cells)
    assert sheet.cell(2, 2).value == 3


def test_table_response_names_the_file_and_type():
    response = table_response("statistiques mensuelles", ["a"], [[1]], fmt="xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="statistiques_mensuelles.xlsx"' in response["Content-Disposition"]
    response = table_response("stats", ["a"], [[1]], fmt="anything")
    assert 'filename="stats.csv"' in response["Content-Disposition"]
