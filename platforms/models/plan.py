"""Step 3 of a plan: the audience (segments), the wanted content, and the chosen platforms."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import BoundedTextField, actor_field
from core.tenancy import org_queryset

from ..choices import Goal, content_type_labels
from .catalogue import AGE_LIMIT, Platform

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

    def content_type_labels(self) -> list[str]:
        return content_type_labels(self.content_types)


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
        _("priority"),
        choices=Priority.choices,
        default=Priority.PRIMARY,
        help_text=_(
            "A plan has one main platform: choosing another one as main makes the current "
            "main platform secondary."
        ),
    )
    rationale = BoundedTextField(
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
            models.UniqueConstraint(
                fields=["plan", "platform"],
                name="unique_platform_choice",
                violation_error_message=_("This platform is already in the plan."),
                violation_error_code="duplicate_choice",
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(priority=1),  # Priority.PRIMARY
                name="one_main_platform_per_plan",
                violation_error_message=_("The plan already has a main platform."),
                violation_error_code="one_main_platform",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan}: {self.platform_name}"
