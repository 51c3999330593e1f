"""The content types and goals of step 3, defined once for the models, forms and recommender.

A pure module (no database): the recommender imports it too.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentType(models.TextChoices):
    TEXT = "text", _("Text")
    SHORT_TEXT = "short_text", _("Short text")
    IMAGE = "image", _("Image")
    VIDEO = "video", _("Video")


def content_type_labels(codes) -> list[str]:
    """Stored content-type codes as their labels (unknown codes are skipped)."""
    return [ContentType(c).label for c in codes or [] if c in ContentType.values]


class Goal(models.TextChoices):
    VISIBILITY = "visibility", _("Visibility and awareness")
    EVENTS = "events", _("Promote events and programmes")
    PROFESSIONAL = "professional", _("Professional network and partners")
    COMMUNITY = "community", _("Build a community")
    VIDEO = "video", _("Video reach")
