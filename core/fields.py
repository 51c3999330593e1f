"""Model fields shared by every app."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
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


class BoundedTextField(models.TextField):
    """A ``TextField`` with a maximum length that ``full_clean()`` enforces too.

    Django passes a ``TextField``'s ``max_length`` to its form field (and the textarea's
    ``maxlength``) but neither validates it on the model nor in the column, so a service or a
    command could store any length. As ``CharField`` does, the limit becomes a validator (not
    part of the migration state); the column stays ``text``.
    """

    def __init__(self, *args, max_length: int, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(MaxLengthValidator(max_length))
