"""Figures in templates: counts grouped the reader's way, durations as m:ss."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..figures import format_duration
from ..selectors.grid import grouped

register = template.Library()


@register.filter
def duration(seconds) -> str:
    """``150`` → ``2:30``."""
    return format_duration(seconds)


@register.simple_tag
def figure(value):
    """A count grouped by thousands, or a dash read as "not entered"."""
    if value is None:
        return format_html(
            '<span aria-hidden="true">—</span><span class="visually-hidden">{}</span>',
            _("not entered"),
        )
    return grouped(value)
