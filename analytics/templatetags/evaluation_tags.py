"""Figures as the evaluation page and the report print them."""

from django import template
from django.utils.formats import number_format

from ..figures import format_duration

register = template.Library()


@register.filter
def figure(value, decimals=0):
    """A count or a rate with the reader's thousands separator; "—" when unknown."""
    if value is None or value == "":
        return "—"
    return number_format(value, decimal_pos=decimals or None, use_l10n=True, force_grouping=True)


@register.filter
def duration(seconds):
    """Seconds as ``m:ss`` or ``h:mm:ss``; "—" when unknown."""
    return format_duration(seconds) or "—"
