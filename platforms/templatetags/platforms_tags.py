from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from platforms.catalogue_text import catalogue_text
from platforms.recommender import feature_label

register = template.Library()

#: Bootstrap Icons for the catalogue's platform codes.
ICONS = {
    "facebook": "bi-facebook",
    "instagram": "bi-instagram",
    "youtube": "bi-youtube",
    "linkedin": "bi-linkedin",
    "pinterest": "bi-pinterest",
    "snapchat": "bi-snapchat",
    "whatsapp": "bi-whatsapp",
    "twitter": "bi-twitter-x",
    "tiktok": "bi-tiktok",
}


@register.filter
def platform_icon(code: str) -> str:
    return ICONS.get(code, "bi-globe")


@register.filter
def percent(value: float) -> int:
    return round((value or 0) * 100)


@register.filter
def score(value: float | None) -> str:
    """A recommender score (0–1) as the one form every page shows: « 33/100 »."""
    return _("%(score)s/100") % {"score": number_format(percent(value))}


@register.filter
def feature_labels(features) -> str:
    """The platform's features, translated, as one comma-separated line."""
    return ", ".join(feature_label(f) for f in features or [])


@register.filter
def catalogue(text: str) -> str:
    """One of the catalogue's texts (a note, a figure, a format) in the reader's language."""
    return catalogue_text(text or "")
