"""Reads for plans, and what comes next in a plan (computed from what its steps hold)."""

from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.steps import STEPS, Step
from core.tenancy import get_for_org, org_reverse

from ..completion import HIGH_SEVERITY, PlanCounts, first_incomplete, plan_completion
from ..models import BenefitRisk, Goal, Objective, Plan, PlanTransition

PLAN_SORTS = {"updated": ["-updated_at", "-pk"], "title": ["title"], "start": ["starts_on", "pk"]}


def _count(qs: QuerySet):
    """The number of ``qs``'s rows of each plan, as a subquery: one query for any number of
    plans, and no row multiplication between the counted tables."""
    counted = qs.filter(plan=OuterRef("pk")).order_by().values("plan").annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n")[:1], output_field=IntegerField()), 0)


def _progress_counts() -> dict:
    """The annotations ``plan_counts`` reads (the fields of ``PlanCounts``)."""
    # Step 3's choices through the relation, not an import: the plan stays below its steps.
    choice_model = Plan.platform_choices.rel.related_model
    risks = BenefitRisk.objects.filter(kind=BenefitRisk.Kind.RISK)
    level = Objective.Level
    return {
        "benefit_count": _count(BenefitRisk.objects.filter(kind=BenefitRisk.Kind.BENEFIT)),
        "risk_count": _count(risks),
        "high_risk_count": _count(
            risks.alias(severity=F("likelihood") * F("impact")).filter(severity__gte=HIGH_SEVERITY)
        ),
        "unmitigated_risk_count": _count(risks.filter(mitigation="")),
        "objective_count": _count(Objective.objects.all()),
        "chain_count": _count(
            Objective.objects.filter(
                level=level.SOCIAL_MEDIA,
                parent__level=level.MARKETING,
                parent__parent__level=level.ORGANISATION,
            )
        ),
        "goal_count": _count(Goal.objects.all()),
        "goal_submitted_count": _count(Goal.objects.filter(status=Goal.Status.SUBMITTED)),
        "goal_changes_requested_count": _count(
            Goal.objects.filter(status=Goal.Status.CHANGES_REQUESTED)
        ),
        "goal_approved_count": _count(Goal.objects.filter(status=Goal.Status.APPROVED)),
        "platform_count": _count(choice_model.objects.all()),
        # Later steps' counts (step 7: goals with figures, lessons written), from the function
        # each names in ``core.steps``, imported when called: the plan stays below its steps.
        **_step_counts(),
    }


def _step_counts() -> dict:
    annotations: dict = {}
    for step in STEPS:
        if step.counts:
            annotations.update(import_string(step.counts)())
    return annotations


def _with_progress(qs: QuerySet[Plan]) -> QuerySet[Plan]:
    """What ``plan_counts`` and ``plan_next_step`` read, in the same query: the counts of each
    step's content and step 3's audience (its one-to-one row)."""
    return qs.select_related("organization", "owner", "platform_brief", "evaluation").annotate(
        **_progress_counts()
    )


def plan_counts(plan: Plan) -> PlanCounts:
    """The counts of a plan loaded by ``plan_overview_get``, ``plan_list`` or
    ``plan_in_progress_list`` (no query)."""
    return PlanCounts(
        benefits=plan.benefit_count,
        risks=plan.risk_count,
        high_risks=plan.high_risk_count,
        unmitigated_risks=plan.unmitigated_risk_count,
        objectives=plan.objective_count,
        chains=plan.chain_count,
        goals=plan.goal_count,
        goals_submitted=plan.goal_submitted_count,
        goals_changes_requested=plan.goal_changes_requested_count,
        goals_approved=plan.goal_approved_count,
        # A missing one-to-one is an AttributeError.
        has_audience=hasattr(plan, "platform_brief"),
        platforms=plan.platform_count,
        goals_with_figures=getattr(plan, "goal_figures_count", 0),
        lessons_written=bool(getattr(plan, "lessons_written", False)),
    )


def plan_list(*, org, filters: dict | None = None) -> QuerySet[Plan]:
    """Plans of ``org``; ``filters``: ``status`` and ``sort`` (a key of ``PLAN_SORTS``)."""
    filters = filters or {}
    # With each plan's progress: the list shows its status, owner and steps.
    qs = _with_progress(Plan.objects.for_org(org))
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    return qs.order_by(*PLAN_SORTS.get(filters.get("sort"), PLAN_SORTS["updated"]))


def plan_in_progress_list(*, org) -> QuerySet[Plan]:
    """The plans being worked on (not archived), most recently updated first.

    The first one is the organisation's *current plan*: the home page offers to continue it.
    Each plan carries what ``plan_next_step`` needs, so listing them costs one query.
    """
    return _with_progress(Plan.objects.for_org(org).exclude(status=Plan.Status.ARCHIVED)).order_by(
        *PLAN_SORTS["updated"]
    )


def plan_get(*, org, pk: int) -> Plan:
    """Raises ``Plan.DoesNotExist`` for a missing plan and another organisation's alike."""
    return get_for_org(
        Plan.objects.select_related("organization", "created_by", "owner"), org, pk=pk
    )


def plan_overview_get(*, org, pk: int) -> Plan:
    """``plan_get`` plus what the plan page shows of its steps, read once for any size.

    The counts of every step (``plan_counts``) are annotated; step 3's ``platform_brief``
    (content types, goal), ``audience_segments`` and ``platform_choices`` (with their catalogue
    platform) are prefetched. Raises ``Plan.DoesNotExist`` like ``plan_get``.
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

    ``code`` names the situation (``benefits``, ``objectives``, ``goals_review``,
    ``audience``, ``platforms``, ``content``, ``archived``); ``url``/``action`` are the button
    (``None`` when there is nothing to open, e.g. a step whose pages are not there); ``upcoming``
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


def next_step_code(*, status: str, counts: PlanCounts) -> str:
    """The situation of a plan: the first step that is not complete (pure: no database)."""
    if status == Plan.Status.ARCHIVED:
        return "archived"
    number = first_incomplete(plan_completion(counts))
    if number == 1:
        return "benefits"
    if number == 2:
        # Written, linked and only waiting for approvals: the manager's turn.
        if counts.chains and counts.goals and counts.goals_submitted:
            return "goals_review"
        return "objectives"
    if number == 3:
        return "platforms" if counts.has_audience else "audience"
    return "content"


def plan_next_step(plan: Plan, counts: PlanCounts | None = None) -> NextStep:
    """What to do next in ``plan``: the first step that is not complete, and its action.

    Reads what ``plan_overview_get``, ``plan_list`` and ``plan_in_progress_list`` load with
    the plan: no query then.
    """
    counts = counts or plan_counts(plan)
    code = next_step_code(status=plan.status, counts=counts)
    if code == "benefits":
        step = _step(1)
        return NextStep(
            code,
            step,
            _("List the benefits and the risks"),
            _(
                "In step 1, name at least three benefits you expect from social media, and the "
                "risks you accept with how you will reduce each one."
            ),
            step.url_for_plan(plan),
            _("Open the register"),
        )
    if code in ("objectives", "goals_review"):
        step = _step(2)
        if code == "goals_review":
            n = counts.goals_submitted
            text = ngettext(
                "%(n)d goal awaits a manager's review: the step is complete once every goal "
                "is approved.",
                "%(n)d goals await a manager's review: the step is complete once every goal "
                "is approved.",
                n,
            ) % {"n": n}
            title = _("Goals awaiting review")
        else:
            title = _("Set your objectives")
            text = _(
                "In step 2, link an organisational objective to a marketing objective and a "
                "social-media objective, then write SMART goals for a manager to approve."
            )
        return NextStep(code, step, title, text, step.url_for_plan(plan), _("Open the objectives"))
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


def plan_overview(plan: Plan) -> tuple[dict, NextStep]:
    """The plan page's and home page's reading of a loaded plan: each step's completion (by
    number) and what comes next."""
    counts = plan_counts(plan)
    return plan_completion(counts), plan_next_step(plan, counts)
