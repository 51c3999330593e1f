"""The platform catalogue: shared reference rows, the same for every organisation.

Site staff edit it in the admin; every figure carries its source and year because
demographic data ages. ``PlatformNote`` is an organisation's own note on a catalogue row.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import BoundedTextField, actor_field
from core.tenancy import OrgScopedModel

from ..choices import ContentType, content_type_labels

AGE_LIMIT = [MinValueValidator(0), MaxValueValidator(120)]


class PlatformQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Platform(models.Model):
    """A social platform, with the demographic band and content types of the source table."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    age_min = models.PositiveSmallIntegerField(_("audience age from"), validators=AGE_LIMIT)
    age_max = models.PositiveSmallIntegerField(_("audience age to"), validators=AGE_LIMIT)
    content_types = models.JSONField(_("preferred content"), default=list)
    features = models.JSONField(_("features"), default=list, blank=True)
    min_account_age = models.PositiveSmallIntegerField(
        _("minimum account age"), default=13, validators=AGE_LIMIT
    )
    source = models.CharField(_("source of the figures"), max_length=300)
    source_year = models.PositiveSmallIntegerField(_("year of the figures"))
    notes = BoundedTextField(_("notes"), max_length=2000, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = PlatformQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            message = _("The band ends before it starts.")
            raise ValidationError({"age_max": ValidationError(message, code="band")})
        unknown = set(self.content_types or []) - set(ContentType.values)
        if unknown:
            message = _("Unknown content types: %(types)s") % {"types": ", ".join(sorted(unknown))}
            raise ValidationError({"content_types": ValidationError(message, code="content_type")})

    def content_type_labels(self) -> list[str]:
        return content_type_labels(self.content_types)

    def to_profile(self):
        from ..recommender import PlatformProfile

        return PlatformProfile(
            code=self.code,
            name=self.name,
            age_min=self.age_min,
            age_max=self.age_max,
            content_types=tuple(self.content_types),
            min_account_age=self.min_account_age,
            source_year=self.source_year,
            features=tuple(self.features),
        )


class PlatformFigure(models.Model):
    """An additional dated, sourced demographic figure (never overwrites the table's row)."""

    platform = models.ForeignKey(
        Platform, on_delete=models.CASCADE, related_name="figures", verbose_name=_("platform")
    )
    label = models.CharField(_("figure"), max_length=300)
    age_min = models.PositiveSmallIntegerField(_("age from"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("age to"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))
    url = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["platform", "-year", "label"]
        verbose_name = _("demographic figure")
        verbose_name_plural = _("demographic figures")

    def __str__(self) -> str:
        return f"{self.platform}: {self.label} ({self.year})"


class ImageFormat(models.Model):
    """A recommended image or video size on a platform, with its source and year."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        VIDEO = "video", _("Video")

    platform = models.ForeignKey(
        Platform, on_delete=models.CASCADE, related_name="image_formats", verbose_name=_("platform")
    )
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("label"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.IMAGE)
    width = models.PositiveIntegerField(_("width (px)"), validators=[MinValueValidator(16)])
    height = models.PositiveIntegerField(_("height (px)"), validators=[MinValueValidator(16)])
    source = models.CharField(_("source"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        ordering = ["platform__position", "platform__name", "code"]
        verbose_name = _("image format")
        verbose_name_plural = _("image formats")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "code"],
                name="unique_image_format",
                violation_error_message=_(
                    "This platform already has an image format with this code."
                ),
                violation_error_code="duplicate_format",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.platform} — {self.label} ({self.width}×{self.height})"

    @property
    def ratio_label(self) -> str:
        return f"{self.width}×{self.height}"


class PlatformNote(OrgScopedModel):
    """An organisation's own note on a platform ("our community is very active on groups")."""

    platform = models.ForeignKey(
        Platform, on_delete=models.CASCADE, related_name="local_notes", verbose_name=_("platform")
    )
    text = BoundedTextField(_("our note"), max_length=2000)
    updated_by = actor_field(_("updated by"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("local note")
        verbose_name_plural = _("local notes")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "platform"],
                name="unique_platform_note",
                violation_error_message=_("The organisation already has a note on this platform."),
                violation_error_code="duplicate_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.platform}: {self.text[:40]}"
