"""The organisation's channels: its own accounts and the partner accounts it publishes through."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.tenancy import OrgScopedModel

from .catalogue import Platform


class Channel(OrgScopedModel):
    """An account on a platform: the organisation's own, or a partner's it publishes through."""

    class Kind(models.TextChoices):
        OWN = "own", _("Our account")
        PARTNER = "partner", _("Partner / institutional account")

    platform = models.ForeignKey(
        Platform, on_delete=models.PROTECT, related_name="channels", verbose_name=_("platform")
    )
    name = models.CharField(_("name"), max_length=120)
    handle = models.CharField(
        _("handle"), max_length=120, blank=True, help_text=_("For example @mylibrary.")
    )
    url = models.URLField(_("address (URL)"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OWN)
    partner_contact = models.CharField(
        _("partner contact"),
        max_length=200,
        blank=True,
        help_text=_("Who to ask to publish on this partner account (name, e-mail)."),
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("lead time (days)"),
        default=0,
        validators=[MaxValueValidator(365)],
        help_text=_("How many days in advance the partner needs the content."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["platform__position", "name"]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        indexes = [models.Index(fields=["organization", "is_active", "kind"])]
        constraints = [
            # Whatever its case, as ``services.channels`` checks (and says the same).
            models.UniqueConstraint(
                "organization",
                Lower("name"),
                name="unique_channel_name_per_org",
                violation_error_message=_("Another channel already has this name."),
                violation_error_code="duplicate_name",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.platform})"

    def clean(self):
        if self.kind == self.Kind.OWN and self.lead_time_days:
            message = _("A lead time only applies to partner accounts.")
            raise ValidationError(
                {"lead_time_days": ValidationError(message, code="lead_time_own")}
            )

    def get_absolute_url(self) -> str:
        return reverse(
            "platforms:channel_update",
            kwargs={"org_slug": self.organization.slug, "channel_pk": self.pk},
        )
