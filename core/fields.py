"""Model fields shared by every app."""

from django.conf import settings
from django.db import models


def actor_field(verbose_name) -> models.ForeignKey:
    """Who created or last changed a row: kept when that person's account is deleted.

    Optional by design (``blank=True``): a row whose author has left must stay valid and
    editable, so services may ``full_clean()`` it.
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )
