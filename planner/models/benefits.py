"""Step 1: the benefits a plan expects from social media and the risks it accepts.

One register per plan. A line is either one of the deck's suggestions (``suggestion`` holds its
code, see ``planner.suggestions``, so each reader sees it in their own language) or the team's
own words (``title``). A risk also carries likelihood and impact (1–5); its severity is their
product, which places it on the 5 × 5 heat map.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.fields import BoundedTextField, actor_field
from core.tenancy import org_queryset

from .plan import Plan

SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class BenefitRisk(models.Model):
    """A benefit or a risk of the plan's presence on social media."""

    class Kind(models.TextChoices):
        BENEFIT = "benefit", _("Benefit")
        RISK = "risk", _("Risk")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="benefits_risks")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    suggestion = models.CharField(_("suggestion"), max_length=40, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    why = BoundedTextField(_("why it matters here"), max_length=2000, blank=True)
    likelihood = models.PositiveSmallIntegerField(
        _("likelihood"), null=True, blank=True, validators=SCALE
    )
    impact = models.PositiveSmallIntegerField(_("impact"), null=True, blank=True, validators=SCALE)
    mitigation = BoundedTextField(_("mitigation"), max_length=2000, blank=True)
    owner = actor_field(_("owner"))
    review_on = models.DateField(_("review date"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    created_by = actor_field(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = org_queryset("plan__organization").as_manager()

    class Meta:
        ordering = ["kind", "position", "pk"]
        verbose_name = _("benefit or risk")
        verbose_name_plural = _("benefits and risks")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind", "suggestion"],
                condition=~Q(suggestion=""),
                name="one_suggestion_per_plan",
                violation_error_code="duplicate_suggestion",
                violation_error_message=_("This suggestion is already in the plan's register."),
            ),
            models.CheckConstraint(
                condition=~Q(suggestion="") | ~Q(title=""),
                name="benefit_risk_has_a_title",
                violation_error_code="title_required",
                violation_error_message=_("Pick a suggestion or write a title."),
            ),
            models.CheckConstraint(
                condition=Q(kind="benefit")
                | Q(likelihood__gte=1, likelihood__lte=5, impact__gte=1, impact__lte=5),
                name="risk_has_likelihood_and_impact",
                violation_error_code="risk_scale",
                violation_error_message=_("A risk needs a likelihood and an impact from 1 to 5."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The suggestion's name in the reader's language, or the team's own title."""
        from ..suggestions import suggestion_label

        return self.title or suggestion_label(self.kind, self.suggestion)

    @property
    def severity(self) -> int | None:
        """Likelihood × impact (1–25) for a risk, ``None`` for a benefit."""
        if self.likelihood and self.impact:
            return self.likelihood * self.impact
        return None
