"""Reads for step 2: the objective cascade of a plan as a tree, goals, their SMART facts and
their progress (measured by step 7 from the statistics)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.tenancy import get_for_org

from ..models import Goal, Objective, Plan
from ..smart import Checklist, GoalFacts, smart_checklist

#: What a goal's card and page show, in the same query as the goal.
GOAL_RELATED = ("owner", "platform", "channel", "channel__platform")


@dataclass
class ObjectiveNode:
    """An objective with the objectives under it and, at the social-media level, its goals."""

    objective: Objective
    children: list["ObjectiveNode"] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)

    @property
    def goal_count(self) -> int:
        return len(self.goals) + sum(child.goal_count for child in self.children)


@dataclass
class ObjectiveTree:
    """The cascade of a plan: its organisational objectives, each with what hangs below.

    ``loose`` holds objectives whose parent is not the level above (written before the rules,
    or by hand), so that nothing in the plan is hidden from its page.
    """

    roots: list[ObjectiveNode]
    loose: list[ObjectiveNode]
    objective_count: int
    goal_count: int

    def __bool__(self) -> bool:
        return bool(self.objective_count)


def objective_tree(plan: Plan) -> ObjectiveTree:
    """The whole cascade with goals, owners, platforms and channels: two queries, any size."""
    goals = Goal.objects.select_related(*GOAL_RELATED).order_by("pk")
    objectives = list(
        plan.objectives.order_by("position", "pk").prefetch_related(
            Prefetch("goals", queryset=goals)
        )
    )
    nodes = {o.pk: ObjectiveNode(o, goals=list(o.goals.all())) for o in objectives}
    roots, loose = [], []
    levels = [level for level, _label in Objective.Level.choices]
    for objective in objectives:
        node = nodes[objective.pk]
        parent = nodes.get(objective.parent_id)
        if objective.level == Objective.Level.ORGANISATION and parent is None:
            roots.append(node)
        elif parent is not None and levels.index(parent.objective.level) + 1 == levels.index(
            objective.level
        ):
            parent.children.append(node)
        else:
            loose.append(node)
    return ObjectiveTree(roots, loose, len(objectives), sum(len(n.goals) for n in nodes.values()))


def objective_get(*, org, plan: Plan, pk: int) -> Objective:
    """An objective of ``plan``; ``Objective.DoesNotExist`` otherwise (another plan's too)."""
    qs = Objective.objects.select_related("plan", "parent", "parent__parent")
    return get_for_org(qs, org, plan=plan, pk=pk)


def objective_find(*, plan: Plan, pk) -> Objective | None:
    """An objective of ``plan`` named by an untrusted value (a query string), else ``None``."""
    try:
        return plan.objectives.select_related("parent", "parent__parent").get(pk=int(pk))
    except (TypeError, ValueError, Objective.DoesNotExist):
        return None


def objective_parent_choices(*, plan: Plan) -> QuerySet[Objective]:
    """The objectives something can hang under (organisational and marketing ones)."""
    return plan.objectives.exclude(level=Objective.Level.SOCIAL_MEDIA).order_by(
        "level", "position", "pk"
    )


def social_objective_list(*, plan: Plan) -> QuerySet[Objective]:
    """The social-media objectives a goal can belong to, with their chain of parents."""
    return plan.objectives.filter(level=Objective.Level.SOCIAL_MEDIA).select_related(
        "parent", "parent__parent"
    )


@dataclass(frozen=True)
class DeletionCounts:
    objectives: int
    goals: int


def objective_deletion_counts(objective: Objective) -> DeletionCounts:
    """What deleting ``objective`` takes with it: the objectives below it and all their goals."""
    below = Q(parent=objective) | Q(parent__parent=objective)
    counts = Objective.objects.filter(below).aggregate(n=Count("pk"))
    goals = Goal.objects.filter(
        Q(objective=objective)
        | Q(objective__parent=objective)
        | Q(objective__parent__parent=objective)
    ).count()
    return DeletionCounts(counts["n"], goals)


def goal_get(*, org, plan: Plan, pk: int) -> Goal:
    """A goal of ``plan`` with its objective's chain; ``Goal.DoesNotExist`` otherwise."""
    qs = Goal.objects.select_related(
        *GOAL_RELATED, "plan", "objective", "objective__parent", "objective__parent__parent"
    )
    return get_for_org(qs, org, plan=plan, pk=pk)


def objective_chain(objective: Objective | None) -> tuple[tuple[str, str], ...]:
    """``(level, title)`` of the objective and its parents, nearest first (loaded relations)."""
    chain = []
    seen = 0
    while objective is not None and seen < 3:
        chain.append((objective.level, objective.title))
        objective = objective.parent if objective.parent_id else None
        seen += 1
    return tuple(chain)


def goal_facts(
    *, plan: Plan, today: date | None = None, objective: Objective | None = None, **values
) -> GoalFacts:
    """The SMART checklist's facts from a goal's values (a goal's fields or a form's cleaned
    data, where any may be missing)."""
    platform, channel = values.get("platform"), values.get("channel")
    metric = values.get("metric") or ""
    return GoalFacts(
        statement=values.get("statement") or "",
        metric=metric,
        metric_label=str(Goal.Metric(metric).label) if metric in Goal.Metric.values else "",
        custom_metric=values.get("custom_metric") or "",
        baseline=_decimal(values.get("baseline")),
        target=_decimal(values.get("target")),
        unit=values.get("unit") or "",
        starts_on=values.get("starts_on"),
        deadline=values.get("deadline"),
        scope_names=tuple(x.name for x in (platform, channel) if x is not None),
        chain=objective_chain(objective),
        plan_starts_on=plan.starts_on,
        plan_ends_on=plan.ends_on,
        today=today or timezone.localdate(),
    )


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        return None
    return Decimal(str(value))


def goal_checklist(goal: Goal, *, today: date | None = None) -> Checklist:
    """The SMART checklist of a saved goal (``goal_get`` loads what it reads)."""
    values = {
        name: getattr(goal, name)
        for name in (
            "statement",
            "metric",
            "custom_metric",
            "baseline",
            "target",
            "unit",
            "starts_on",
            "deadline",
            "platform",
            "channel",
        )
    }
    return smart_checklist(
        goal_facts(plan=goal.plan, today=today, objective=goal.objective, **values)
    )


#: What a goal's progress says, in words (a badge never relies on its colour alone).
PROGRESS_STATUSES = {
    "achieved": gettext_lazy("Achieved"),
    "on_track": gettext_lazy("On track"),
    "at_risk": gettext_lazy("At risk"),
    "missed": gettext_lazy("Missed"),
    "no_data": gettext_lazy("No figures yet"),
}


@dataclass(frozen=True)
class Progress:
    """A goal's progress against the statistics (step 7 computes it, see ``objective_progress``).

    ``status`` is a key of ``PROGRESS_STATUSES``; ``current`` the measured value in the goal's
    unit (``None`` without figures), ``percent`` how far from the baseline to the target
    (0–100), ``expected_percent`` the share of the goal's period already elapsed (a linear
    expectation). ``measured`` is false for the metrics Vitrine does not count (events
    created, a custom metric): those stay "no_data". ``rate`` says how ``current`` was read
    from the goal's unit: "" (the total of the period, or the latest followers), "month" (an
    average per month) or "post" (per post published).
    """

    status: str
    current: Decimal | None = None
    percent: int | None = None
    baseline: Decimal | None = None
    target: Decimal | None = None
    expected_percent: int | None = None
    measured: bool = True
    rate: str = ""
    #: Months of the period with figures in the goal's scope.
    months: int = 0

    @property
    def label(self) -> str:
        if self.status == "no_data" and not self.measured:
            return str(gettext_lazy("Not measured by Vitrine"))
        return str(PROGRESS_STATUSES.get(self.status, self.status))

    @property
    def has_figures(self) -> bool:
        return self.current is not None

    @property
    def bar_step(self) -> int:
        """``percent`` rounded to 5, for the bar's width class (no inline style: CSP)."""
        return int(5 * round((self.percent or 0) / 5))


def objective_progress(goal: Goal, *, today: date | None = None) -> Progress:
    """Progress of ``goal`` towards its target, as the step that measures it computes it.

    The step declaring ``progress`` in ``core.steps`` (step 7,
    ``analytics.selectors.progress.goal_progress``) is imported when called, so the plan never
    imports the apps above it; without one, every goal has "no_data".
    """
    from django.utils.module_loading import import_string

    from core.steps import STEPS

    for step in STEPS:
        if step.progress:
            return import_string(step.progress)(goal, today=today)
    return Progress("no_data")
