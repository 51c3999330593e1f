"""Bytes and a file name → a header and rows, each row with its line number in the file.

CSV: UTF-8 with or without BOM, or UTF-16 with BOM (some Meta and YouTube exports); the
delimiter is sniffed among comma, semicolon and tab; quotes and line breaks inside quotes are
the ``csv`` module's. XLSX: the first sheet, read with openpyxl in read-only mode and
``data_only=False`` so that a formula is seen as a formula (an error, never evaluated); dates
stay dates. Every problem is a ``ReadError`` with a code (see ``errors.py``).
"""

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field

#: The largest file accepted (bytes). The upload form's help text reads it.
MAX_BYTES = 20 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
XLSX_MAGIC = b"PK\x03\x04"


class ReadError(ValueError):
    """A file that cannot be read as a table: ``code`` and ``params`` (see ``errors.py``)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    def as_error(self) -> dict:
        return {"line": None, "column": "", "code": self.code, "params": self.params}


@dataclass
class Table:
    header: list[str]
    #: (line number in the file, cells) for every row that is not blank.
    rows: list[tuple[int, list]]
    #: Cell-level problems found while reading (formulas), as error dicts.
    errors: list[dict] = field(default_factory=list)
    #: "csv" or "xlsx", and the delimiter for CSV (the preview says it).
    format: str = "csv"
    delimiter: str = ""
    #: The line of the header (the first line that is not blank).
    header_line: int = 1


def read_table(data: bytes, filename: str = "") -> Table:
    """Read ``data``; raise ``ReadError`` ("empty", "too_large", "not_a_table", "not_utf8",
    "no_rows")."""
    if len(data) > MAX_BYTES:
        raise ReadError("too_large", limit_mb=MAX_BYTES // (1024 * 1024))
    if not data.strip():
        raise ReadError("empty")
    if data.startswith(XLSX_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm")):
        table = _read_xlsx(data)
    else:
        table = _read_csv(data)
    if not any(cell.strip() for cell in table.header):
        raise ReadError("empty")
    if not table.rows:
        raise ReadError("no_rows")
    return table


# CSV ------------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError("not_a_table") from None
    if b"\x00" in data:
        raise ReadError("not_a_table")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: text in another encoding (Windows-1252 from an old spreadsheet) is worth a
    # precise message; anything else is not a table at all.
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n") + text.count("\ufffd")
    if controls > len(text) // 100:
        raise ReadError("not_a_table")
    raise ReadError("not_utf8")


def _sniff(first_line: str) -> str:
    """The candidate delimiter that splits the header into the most cells (comma on a tie)."""

    def width(delimiter):
        try:
            return len(next(csv.reader([first_line], delimiter=delimiter)))
        except (csv.Error, StopIteration):
            return 0

    return max(DELIMITERS, key=lambda d: (width(d), -DELIMITERS.index(d)))


def _read_csv(data: bytes) -> Table:
    text = _decode(data)
    if not text.strip():
        raise ReadError("empty")
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = _sniff(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    header_line = 1
    rows: list[tuple[int, list]] = []
    previous = 0
    try:
        for cells in reader:
            line, previous = previous + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header, header_line = cells, line
            else:
                rows.append((line, cells))
    except csv.Error:
        raise ReadError("not_a_table") from None
    if header is None:
        raise ReadError("empty")
    return Table(
        header=header, rows=rows, format="csv", delimiter=delimiter, header_line=header_line
    )


# XLSX -----------------------------------------------------------------------------------------


def _read_xlsx(data: bytes) -> Table:
    import openpyxl
    from openpyxl.utils import get_column_letter

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise ReadError("not_a_table") from None
    try:
        sheet = workbook.worksheets[0]
        header: list[str] | None = None
        header_line = 1
        rows: list[tuple[int, list]] = []
        errors: list[dict] = []
        for line, cells in enumerate(sheet.iter_rows(min_row=1), start=1):
            values = []
            for index, cell in enumerate(cells):
                value = cell.value
                if getattr(cell, "data_type", None) == "f":
                    name = (
                        str(header[index]).strip()
                        if header and index < len(header) and header[index]
                        else get_column_letter(index + 1)
                    )
                    errors.append({"line": line, "column": name, "code": "formula", "params": {}})
                    value = None
                values.append(value)
            if not any(v is not None and str(v).strip() for v in values):
                continue
            if header is None:
                header = ["" if v is None else str(v) for v in values]
                header_line = line
            else:
                rows.append((line, values))
    finally:
        workbook.close()
    if header is None:
        raise ReadError("empty")
    return Table(header=header, rows=rows, errors=errors, format="xlsx", header_line=header_line)
