"""A plan's evaluation: what the team learned, for the report."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import BoundedTextField, actor_field
from core.tenancy import org_queryset


class Evaluation(models.Model):
    """The words of step 7 (the figures come from the statistics): one per plan."""

    plan = models.OneToOneField("planner.Plan", on_delete=models.CASCADE, related_name="evaluation")
    lessons = BoundedTextField(
        _("lessons learned"),
        max_length=5000,
        blank=True,
        help_text=_("What worked, what did not, and what you will do differently next time."),
    )
    updated_by = actor_field(_("updated by"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = org_queryset("plan__organization").as_manager()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return str(self.plan)
