"""Step 3: the platform catalogue (shared reference data), channels, a plan's audience and choices.

The catalogue is the same for every organisation and is edited by site staff in the admin;
every figure carries its source and year because demographic data ages.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fields import actor_field
from core.tenancy import OrgScopedModel, org_queryset


class ContentType(models.TextChoices):
    TEXT = "text", _("Text")
    SHORT_TEXT = "short_text", _("Short text")
    IMAGE = "image", _("Image")
    VIDEO = "video", _("Video")


class Goal(models.TextChoices):
    VISIBILITY = "visibility", _("Visibility and awareness")
    EVENTS = "events", _("Promote events and programmes")
    PROFESSIONAL = "professional", _("Professional network and partners")
    COMMUNITY = "community", _("Build a community")
    VIDEO = "video", _("Video reach")


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
    notes = models.TextField(_("notes"), blank=True)
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
        return [ContentType(c).label for c in self.content_types if c in ContentType.values]

    def to_profile(self):
        from .recommender import PlatformProfile

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
            models.UniqueConstraint(fields=["platform", "code"], name="unique_image_format"),
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
    text = models.TextField(_("our note"), max_length=2000)
    updated_by = actor_field(_("updated by"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("local note")
        verbose_name_plural = _("local notes")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "platform"], name="unique_platform_note"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.platform}: {self.text[:40]}"


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
            models.UniqueConstraint(
                fields=["organization", "name"], name="unique_channel_name_per_org"
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


PlanScopedQuerySet = org_queryset("plan__organization")


class PlatformBrief(models.Model):
    """Step 3 of a plan: the audience (segments), wanted content types and the goal."""

    plan = models.OneToOneField(
        "planner.Plan", on_delete=models.CASCADE, related_name="platform_brief"
    )
    content_types = models.JSONField(_("content types"), default=list)
    goal = models.CharField(_("goal"), max_length=20, choices=Goal.choices, blank=True)
    preset = models.CharField(_("preset"), max_length=40, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PlanScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("platform brief")
        verbose_name_plural = _("platform briefs")

    def __str__(self) -> str:
        return f"{self.plan}: audience"


class AudienceSegment(models.Model):
    """One audience of a plan: a label, an age range and a weight (relative importance)."""

    plan = models.ForeignKey(
        "planner.Plan", on_delete=models.CASCADE, related_name="audience_segments"
    )
    label = models.CharField(_("audience"), max_length=120)
    age_min = models.PositiveSmallIntegerField(_("age from"), validators=AGE_LIMIT)
    age_max = models.PositiveSmallIntegerField(_("age to"), validators=AGE_LIMIT)
    weight = models.DecimalField(
        _("weight"),
        max_digits=4,
        decimal_places=1,
        default=1,
        validators=[MinValueValidator(0.1), MaxValueValidator(10)],
        help_text=_("How much this audience matters, relative to the others."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = PlanScopedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("audience segment")
        verbose_name_plural = _("audience segments")

    def __str__(self) -> str:
        return f"{self.label} ({self.age_min}–{self.age_max})"

    def clean(self):
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            message = _("The age range ends before it starts.")
            raise ValidationError({"age_max": ValidationError(message, code="age_range")})


class PlatformChoice(models.Model):
    """A platform chosen for a plan, with a priority and a rationale.

    The name, score and reasons are copied at the time of the choice, so the plan keeps
    its history even if the catalogue is edited later.
    """

    class Priority(models.IntegerChoices):
        PRIMARY = 1, _("Main platform")
        SECONDARY = 2, _("Secondary platform")
        TRIAL = 3, _("To try")

    plan = models.ForeignKey(
        "planner.Plan", on_delete=models.CASCADE, related_name="platform_choices"
    )
    platform = models.ForeignKey(
        Platform, on_delete=models.PROTECT, related_name="choices", verbose_name=_("platform")
    )
    platform_name = models.CharField(_("platform name"), max_length=60)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.PRIMARY
    )
    rationale = models.TextField(
        _("why this platform"), max_length=2000, help_text=_("Your reasons, in your own words.")
    )
    score = models.FloatField(_("score when chosen"), null=True, blank=True)
    reasons = models.JSONField(_("reasons when chosen"), default=list, blank=True)
    chosen_by = actor_field(_("chosen by"))
    chosen_at = models.DateTimeField(_("chosen"), auto_now_add=True)

    objects = PlanScopedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "priority", "platform_name"]
        verbose_name = _("platform choice")
        verbose_name_plural = _("platform choices")
        constraints = [
            models.UniqueConstraint(fields=["plan", "platform"], name="unique_platform_choice"),
        ]

    def __str__(self) -> str:
        return f"{self.plan}: {self.platform_name}"


class SourceImage(OrgScopedModel):
    """An uploaded picture (re-encoded, metadata stripped) to crop for each platform."""

    title = models.CharField(_("title"), max_length=200)
    file = models.ImageField(
        _("image"), upload_to="images/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    focal_x = models.FloatField(
        _("focal point, horizontal"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    focal_y = models.FloatField(
        _("focal point, vertical"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    uploaded_by = actor_field(_("uploaded by"))
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.title
