"""Step 2: the objective cascade and its SMART goals, with their manager review.

The deck's four levels: organisational objectives → marketing objectives → social-media
objectives (``Objective``, each below one of the level above) → SMART goals (``Goal``, below a
social-media objective). A goal is reviewed: draft → submitted → approved | changes requested;
every transition is kept (``GoalTransition``), and an approved goal that is edited goes back to
draft as a new revision, the approved one kept in ``GoalRevision`` for comparison.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import BoundedTextField, actor_field
from core.tenancy import org_queryset
from core.workflow import TransitionRecord

from .plan import Plan


class Objective(models.Model):
    """An objective at one of the cascade's first three levels."""

    class Level(models.TextChoices):
        ORGANISATION = "organisation", _("Organisational objective")
        MARKETING = "marketing", _("Marketing objective")
        SOCIAL_MEDIA = "social_media", _("Social-media objective")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("contributes to"),
    )
    title = models.CharField(_("objective"), max_length=200)
    description = BoundedTextField(_("details"), max_length=2000, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    created_by = actor_field(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = org_queryset("plan__organization").as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        indexes = [models.Index(fields=["plan", "level"])]

    def __str__(self) -> str:
        return self.title


class Goal(models.Model):
    """A SMART social-media goal: what, measured how, from where to where, by when, by whom."""

    class Metric(models.TextChoices):
        VIEWS = "views", _("Views")
        INTERACTIONS = "interactions", _("Interactions")
        FOLLOWERS = "followers", _("Followers")
        POSTS_PUBLISHED = "posts_published", _("Posts published")
        EVENTS_CREATED = "events_created", _("Events created")
        AVG_WATCH_TIME = "avg_watch_time", _("Average watch time")
        CUSTOM = "custom", _("Other (say which)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    objective = models.ForeignKey(
        Objective,
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("social-media objective"),
    )
    statement = BoundedTextField(_("specific goal"), max_length=1000)
    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices)
    custom_metric = models.CharField(_("which metric"), max_length=120, blank=True)
    platform = models.ForeignKey(
        "platforms.Platform",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("platform"),
    )
    channel = models.ForeignKey(
        "platforms.Channel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("channel"),
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    starts_on = models.DateField(_("start"))
    deadline = models.DateField(_("deadline"))
    owner = actor_field(_("owner"))
    status = models.CharField(
        _("review"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    #: 1 for the first version; +1 when an approved goal is edited (the approved one is kept).
    revision = models.PositiveIntegerField(_("revision"), default=1)
    #: +1 at every change: a form or a decision made on an older version is refused.
    version = models.PositiveIntegerField(default=1)
    created_by = actor_field(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = org_queryset("plan__organization").as_manager()

    class Meta:
        ordering = ["objective__position", "pk"]
        verbose_name = _("SMART goal")
        verbose_name_plural = _("SMART goals")
        indexes = [models.Index(fields=["plan", "status"])]

    def __str__(self) -> str:
        return self.statement


#: What a goal's author may change (its form, its edit service, what a revision keeps and the
#: comparison shows); the review status changes only through the review's services.
GOAL_FIELDS = (
    "objective",
    "statement",
    "metric",
    "custom_metric",
    "platform",
    "channel",
    "baseline",
    "target",
    "unit",
    "starts_on",
    "deadline",
    "owner",
)


class GoalTransition(TransitionRecord):
    """A review step of a goal (submit, approve, request changes…), with who, when and why."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="transitions")
    revision = models.PositiveIntegerField(_("revision"), default=1)

    objects = org_queryset("goal__plan__organization").as_manager()

    class Meta(TransitionRecord.Meta):
        verbose_name = _("goal review step")
        verbose_name_plural = _("goal review steps")


class GoalRevision(models.Model):
    """An approved version of a goal, kept when the goal is edited again."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="revisions")
    revision = models.PositiveIntegerField(_("revision"))
    data = models.JSONField(_("fields"))
    created_by = actor_field(_("by"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = org_queryset("goal__plan__organization").as_manager()

    class Meta:
        ordering = ["goal", "-revision"]
        verbose_name = _("goal revision")
        verbose_name_plural = _("goal revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "revision"],
                name="one_goal_revision_per_number",
                violation_error_code="duplicate_revision",
                violation_error_message=_("This revision was saved at the same moment."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.goal} (r{self.revision})"
