"""The plan: one social-media plan of an organisation, the container of the seven steps.

Steps 1, 2, 4–7 (benefits and risks, objectives, content, calendar, communities, evaluation)
attach to ``Plan`` in their own modules; step 3 lives in ``platforms`` (audience, choices).
Its status changes only through ``PLAN_WORKFLOW``, which keeps each change in ``PlanTransition``:

    draft ──submit──▶ in review ──approve──▶ approved
      ▲                  │                      │
      └─request_changes──┘ (comment required)   │
      └──────────────back_to_draft──────────────┘
    draft | in review | approved ──archive──▶ archived ──restore──▶ draft

Editors submit, take an approved plan back to draft (to change it: it then needs approving
again, so nothing approved changes unseen), archive and restore; only managers and admins
approve or request changes.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fields import BoundedTextField, actor_field
from core.tenancy import OrgScopedModel, org_queryset
from core.workflow import Transition, TransitionRecord, Workflow


class Plan(OrgScopedModel):
    """A social-media plan for a period, e.g. "2027 programme promotion"."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        APPROVED = "approved", _("Approved")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=200)
    description = BoundedTextField(
        _("description"),
        max_length=5000,
        blank=True,
        help_text=_("Context, audiences, what success looks like."),
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    #: Who answers for the plan: one of the organisation's members (the creator by default).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    created_by = actor_field(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        indexes = [models.Index(fields=["organization", "status"])]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            message = _("The end comes before the start.")
            raise ValidationError({"ends_on": ValidationError(message, code="period_order")})

    def get_absolute_url(self) -> str:
        return reverse(
            "planner:plan_detail", kwargs={"org_slug": self.organization.slug, "plan_pk": self.pk}
        )


class PlanTransition(TransitionRecord):
    """A change of a plan's status, with who, when and why."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="transitions")

    objects = org_queryset("plan__organization").as_manager()

    class Meta(TransitionRecord.Meta):
        verbose_name = _("plan status change")
        verbose_name_plural = _("plan status changes")

    @property
    def to_status_label(self) -> str:
        return Plan.Status(self.to_status).label


_S = Plan.Status
PLAN_WORKFLOW = Workflow(
    transitions={
        "submit": Transition((_S.DRAFT,), _S.IN_REVIEW, _("Submit for review")),
        "approve": Transition((_S.IN_REVIEW,), _S.APPROVED, _("Approve"), "review_plan"),
        "request_changes": Transition(
            (_S.IN_REVIEW,), _S.DRAFT, _("Request changes"), "review_plan", comment_required=True
        ),
        "back_to_draft": Transition((_S.APPROVED,), _S.DRAFT, _("Back to draft")),
        "archive": Transition((_S.DRAFT, _S.IN_REVIEW, _S.APPROVED), _S.ARCHIVED, _("Archive")),
        "restore": Transition((_S.ARCHIVED,), _S.DRAFT, _("Restore as a draft")),
    },
    history=PlanTransition,
    fk="plan",
)
