"""Figures as the statistics pages show them: grouped thousands, m:ss, signed changes."""

import datetime

from django import template
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..figures import format_duration

register = template.Library()

#: Shown for a figure nobody entered (which is not zero).
UNKNOWN = "—"


@register.filter
def figure(value, decimals=None):
    """``12345`` → ``12 345`` (``12,345`` in English); ``None`` → "—"."""
    if value is None or value == "":
        return UNKNOWN
    return number_format(value, decimal_pos=decimals, force_grouping=True)


@register.filter
def duration(seconds):
    """Seconds as ``m:ss`` (``h:mm:ss`` past an hour); ``None`` → "—"."""
    return UNKNOWN if seconds is None else format_duration(seconds)


@register.filter
def signed(amount, decimals=0):
    """A change with its sign: ``+12``, ``−5`` (a true minus sign), ``0``."""
    if amount is None:
        return UNKNOWN
    rounded = round(float(amount), int(decimals))
    text = number_format(abs(rounded), decimal_pos=int(decimals), force_grouping=True)
    if rounded > 0:
        return f"+{text}"
    if rounded < 0:
        return f"\u2212{text}"
    return text


@register.filter
def cells(row, kinds):
    """A chart table's row as ``{"text", "numeric"}`` cells, each shown according to its
    column's kind (``analytics.charts.ChartTable.kinds``)."""
    out = []
    for value, kind in zip(row, kinds, strict=True):
        if isinstance(value, str) or (value is None and kind == "text"):
            text = value or ""
        elif kind == "month" and isinstance(value, datetime.date):
            text = date_format(value, "F Y")
        elif kind == "date" and isinstance(value, datetime.date):
            text = date_format(value, "SHORT_DATE_FORMAT")
        elif kind == "duration":
            text = duration(value)
        else:
            text = figure(value)
        out.append({"text": text, "numeric": kind in ("int", "duration")})
    return out


@register.simple_tag
def figure_cell(value):
    """A table cell's figure: grouped, or a dash that screen readers hear as "not entered"."""
    if value is None:
        return format_html(
            '<span aria-hidden="true">—</span><span class="visually-hidden">{}</span>',
            _("not entered"),
        )
    return figure(value)
