"""Reads for plans, and what comes next in a plan (computed from what its steps hold)."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.steps import STEPS, Step
from core.tenancy import get_for_org, org_reverse

from ..models import Plan, PlanTransition

PLAN_SORTS = {"updated": ["-updated_at", "-pk"], "title": ["title"], "start": ["starts_on", "pk"]}


def _with_progress(qs: QuerySet[Plan]) -> QuerySet[Plan]:
    """What ``plan_next_step`` reads, in the same query: the choice count and the audience.

    Through the relations, not an import: the plan stays below its steps.
    """
    return qs.select_related("organization", "platform_brief").annotate(
        platform_count=Count("platform_choices", distinct=True)
    )


def plan_list(*, org, filters: dict | None = None) -> QuerySet[Plan]:
    """Plans of ``org``; ``filters``: ``status`` and ``sort`` (a key of ``PLAN_SORTS``)."""
    filters = filters or {}
    qs = (
        Plan.objects.for_org(org)
        .select_related("created_by", "organization")
        # Through the relation, not an import: the list shows each plan's step-3 progress.
        .annotate(platform_count=Count("platform_choices", distinct=True))
    )
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    return qs.order_by(*PLAN_SORTS.get(filters.get("sort"), PLAN_SORTS["updated"]))


def plan_in_progress_list(*, org) -> QuerySet[Plan]:
    """The plans being worked on (draft or active), most recently updated first.

    The first one is the organisation's *current plan*: the home page offers to continue it.
    Each plan carries what ``plan_next_step`` needs, so listing them costs one query.
    """
    return _with_progress(Plan.objects.for_org(org).exclude(status=Plan.Status.ARCHIVED)).order_by(
        *PLAN_SORTS["updated"]
    )


def plan_get(*, org, pk: int) -> Plan:
    """Raises ``Plan.DoesNotExist`` for a missing plan and another organisation's alike."""
    return get_for_org(Plan.objects.select_related("organization", "created_by"), org, pk=pk)


def plan_overview_get(*, org, pk: int) -> Plan:
    """``plan_get`` plus what the plan page shows of its steps, read once for any size.

    Step 3: ``platform_brief`` (content types, goal), ``audience_segments`` and
    ``platform_choices`` (with their catalogue platform) are prefetched; ``platform_count``
    is annotated. Raises ``Plan.DoesNotExist`` like ``plan_get``.
    """
    # The choice model through the relation (no import of ``platforms``), with its platform in
    # the same query.
    choices = Plan.platform_choices.rel.related_model.objects.select_related("platform")
    qs = _with_progress(Plan.objects.select_related("created_by")).prefetch_related(
        "audience_segments", Prefetch("platform_choices", queryset=choices)
    )
    return get_for_org(qs, org, pk=pk)


def plan_transition_list(*, plan: Plan) -> QuerySet[PlanTransition]:
    """The plan's status changes, newest first."""
    return plan.transitions.select_related("actor").order_by("-created_at", "-pk")


# What comes next -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    """The one thing to do next in a plan, as the plan page and the home page announce it.

    ``code`` names the situation (``audience``, ``platforms``, ``content``, ``archived``);
    ``url``/``action`` are the button (``None`` when there is nothing to open); ``upcoming``
    says the step is not built yet.
    """

    code: str
    step: Step | None
    title: str | Promise
    text: str | Promise
    url: str | None = None
    action: str | Promise = ""
    upcoming: bool = False


def _step(number: int) -> Step:
    return STEPS[number - 1]


def next_step_code(*, status: str, has_audience: bool, platform_count: int) -> str:
    """The situation of a plan, from three facts (pure: no database, no URL)."""
    if status == Plan.Status.ARCHIVED:
        return "archived"
    if platform_count:
        return "content"
    if has_audience:
        return "platforms"
    return "audience"


def plan_next_step(plan: Plan) -> NextStep:
    """What to do next in ``plan``: describe the audience, choose platforms, then step 4.

    Reads ``plan.platform_count`` and ``plan.platform_brief``, which ``plan_overview_get`` and
    ``plan_in_progress_list`` load with the plan: no query then.
    """
    code = next_step_code(
        status=plan.status,
        has_audience=hasattr(plan, "platform_brief"),  # a missing one-to-one is an AttributeError
        platform_count=plan.platform_count,
    )
    platforms = _step(3)
    if code == "audience":
        return NextStep(
            code,
            platforms,
            _("Describe your audience"),
            _(
                "In step 3, say whom you want to reach and what you will publish: the platforms "
                "are then ranked for this audience."
            ),
            platforms.url_for_plan(plan),
            _("Describe the audience"),
        )
    if code == "platforms":
        return NextStep(
            code,
            platforms,
            _("Choose your platforms"),
            _(
                "The audience is described. In step 3, choose the platforms from the ranking and "
                "say why, in your own words."
            ),
            platforms.url_for_plan(plan),
            _("Choose platforms"),
        )
    if code == "content":
        return NextStep(
            code,
            _step(4),
            _("Content: coming in a future version"),
            _(
                "Step 4 (strategy, content pillars, personas) is not in Vitrine yet. Meanwhile, "
                "record the accounts you will publish on, yours and your partners'."
            ),
            org_reverse("platforms:channel_list", plan.organization),
            _("Record your accounts"),
            upcoming=True,
        )
    return NextStep(
        code,
        None,
        _("This plan is archived"),
        _("Restore it as a draft to work on it again."),
    )
