"""Import errors as sentences, in the reader's language.

An error is stored as ``{"line": N | None, "column": "views", "code": "negative", "params":
{...}}`` (``ImportBatch.errors``); ``error_message`` renders it when it is read, so a French
reader of an English contributor's import reads French.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MESSAGES = {
    # The file as a whole.
    "empty": _("The file is empty."),
    "not_a_table": _("This file is not a table: upload a CSV or XLSX file."),
    "not_utf8": _(
        "The file is not encoded in UTF-8: save it again as “CSV UTF-8” from your spreadsheet."
    ),
    "too_large": _("The file is larger than %(limit_mb)s MB."),
    "no_rows": _("The file has column names but no rows."),
    "bad_type": _("Upload a CSV (.csv) or Excel (.xlsx) file."),
    "unknown_layout": _(
        "The columns were not recognised. Expected: %(expected)s — or a post export from Meta "
        "Business Suite, YouTube Studio or TikTok Studio, as downloaded."
    ),
    "extra_column": _("Unknown column “%(column)s”: remove it or correct its name."),
    "channel_required": _(
        "This file was downloaded from a network: choose the channel its figures belong to."
    ),
    # A cell.
    "formula": _("This cell holds a formula: paste its values instead (formulas are never run)."),
    "required": _("This cell is empty; it is required."),
    "unknown_channel": _(
        "No channel of your organisation is called “%(value)s” (by name or handle)."
    ),
    "ambiguous_channel": _(
        "“%(value)s” is the handle of several channels: write the channel's name instead."
    ),
    "bad_month": _("“%(value)s” is not a month: write it as YYYY-MM, for example 2024-05."),
    "bad_date": _("“%(value)s” is not a date: write it as YYYY-MM-DD, for example 2024-05-31."),
    "not_a_number": _("“%(value)s” is not a number."),
    "negative": _("“%(value)s” is negative: figures cannot be below zero."),
    "decimal": _("“%(value)s” is not a whole number."),
    "number_too_large": _("“%(value)s” is too large."),
    "bad_duration": _(
        "“%(value)s” is not a duration: write minutes:seconds (2:30), h:mm:ss or seconds."
    ),
    "too_long": _("This text is longer than %(max)s characters."),
    "bad_url": _("“%(value)s” is not a web address."),
    "duplicate_row": _("This row repeats line %(first_line)s (same channel and %(what)s)."),
}

#: What two rows share when they repeat each other (``duplicate_row``'s ``what``).
DUPLICATE_WHAT = {
    "month": pgettext_lazy("import duplicate", "month"),
    "post": pgettext_lazy("import duplicate", "post"),
}


def error_message(error: dict) -> str:
    """The sentence for ``error`` in the active language (the code itself if unknown)."""
    code = error.get("code", "")
    template = MESSAGES.get(code)
    if template is None:
        return str(code)
    params = dict(error.get("params") or {})
    if isinstance(params.get("expected"), list):
        params["expected"] = ", ".join(params["expected"])
    if "what" in params:
        params["what"] = str(DUPLICATE_WHAT.get(params["what"], params["what"]))
    try:
        return str(template) % params if params else str(template)
    except (KeyError, TypeError, ValueError):
        return str(template)


def where(error: dict) -> str:
    """ "line 4, column “views”" for the command line."""
    parts = []
    if error.get("line"):
        parts.append(str(format_lazy(_("line {}"), error["line"])))
    if error.get("column"):
        parts.append(str(format_lazy(_("column “{}”"), error["column"])))
    return ", ".join(parts)
