"""Filters for the plan page's summary of step 3 (``platforms/_plan_summary.html``)."""

from django import template

from platforms.choices import ContentType

register = template.Library()


@register.filter
def content_type_labels(codes) -> str:
    """Saved content-type codes as their translated labels, one comma-separated line."""
    return ", ".join(str(ContentType(c).label) for c in codes or [] if c in ContentType.values)
