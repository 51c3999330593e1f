"""Downloads of tables as CSV or XLSX, safe to open in a spreadsheet.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel and LibreOffice (CSV injection, OWASP): text cells that start so get a leading
apostrophe, which the spreadsheet shows as plain text. Numbers stay numbers (a negative
number is data, not a formula). Every export of the app goes through ``table_response``.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.http import HttpResponse
from django.utils.text import get_valid_filename

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """``value`` made inert for a spreadsheet (text only; numbers and dates pass through)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | date | datetime):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with a BOM (so Excel reads accents), comma-separated, every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value):
    value = neutralise(value)
    return value.isoformat() if isinstance(value, date | datetime) else value


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]]) -> bytes:
    """A workbook with one sheet per ``(title, header, rows)``; no cell is ever a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=get_valid_filename(str(title))[:31] or "Sheet")
        sheet.append([_xlsx_cell(sheet, h, bold=Font(bold=True)) for h in header])
        for row in rows:
            sheet.append([_xlsx_cell(sheet, v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_cell(sheet, value, bold=None):
    from openpyxl.cell import WriteOnlyCell

    value = neutralise(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        # Stored as a string, never parsed as a formula, even without the apostrophe.
        cell.data_type = "s"
    if bold is not None:
        cell.font = bold
    return cell


def table_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence], *, fmt: str = "csv"
) -> HttpResponse:
    """A download of one table as ``fmt`` ("csv" or "xlsx"), named ``filename`` + extension."""
    if fmt == "xlsx":
        body, content_type = xlsx_bytes([(filename, header, rows)]), XLSX_TYPE
    else:
        fmt, body, content_type = "csv", csv_bytes(header, rows), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    name = get_valid_filename(filename) or "export"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
