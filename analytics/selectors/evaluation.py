"""Reads for a plan's evaluation page and its printable report: the goals and their progress,
each channel's performance over the plan's period, own vs partner reach, the top posts and the
lessons learned. A constant number of queries whatever the number of goals, channels or
months (the rollups are read once, the goals once, the posts once)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet
from django.utils import timezone

from planner.models import Goal, Plan
from planner.selectors.objectives import PROGRESS_STATUSES, Progress

from ..figures import add_known
from ..models import Evaluation, MonthlyRollup, PostStat
from ..months import add_months, last_complete_month, month_start
from .posts import top_post_list
from .progress import goals_progress

#: Posts in the report's top list.
#: Without dates on the plan or its goals, the evaluation covers the last twelve months.
DEFAULT_MONTHS = 12


def engagement_rate(views: int | None, interactions: int | None) -> Decimal | None:
    """Interactions per 100 views, one decimal (``None`` without views)."""
    if not views or interactions is None:
        return None
    rate = Decimal(interactions) * 100 / Decimal(views)
    return rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Period:
    """The months an evaluation covers (first days of months), and the dates it reads from."""

    starts_on: date
    ends_on: date

    @property
    def first_month(self) -> date:
        return month_start(self.starts_on)

    @property
    def last_month(self) -> date:
        return month_start(self.ends_on)


def plan_period(plan: Plan, goals: list[Goal] = (), *, today: date | None = None) -> Period:
    """The plan's dates; a missing one from its goals' (earliest start, latest deadline), else
    the twelve months up to the last complete month."""
    today = today or timezone.localdate()
    starts_on = plan.starts_on or min((g.starts_on for g in goals), default=None)
    ends_on = plan.ends_on or max((g.deadline for g in goals), default=None)
    if ends_on is None:
        ends_on = max(today, starts_on) if starts_on else today
    if starts_on is None:
        starts_on = add_months(last_complete_month(ends_on), 1 - DEFAULT_MONTHS)
    return Period(starts_on, max(starts_on, ends_on))


@dataclass
class ChannelPerformance:
    channel_id: int
    name: str
    platform: str
    kind: str
    views: int | None = None
    interactions: int | None = None
    posts_published: int | None = None
    #: The latest followers figure of the period.
    followers: int | None = None
    months: int = 0

    @property
    def engagement_rate(self) -> Decimal | None:
        return engagement_rate(self.views, self.interactions)

    @property
    def is_partner(self) -> bool:
        return self.kind == "partner"


@dataclass
class KindTotals:
    """Own or partner channels, added up."""

    kind: str
    channels: int = 0
    views: int = 0
    interactions: int = 0
    posts_published: int = 0
    #: Share of all the views of the period (0–100).
    share: int = 0

    @property
    def bar_step(self) -> int:
        """``share`` rounded to 5, for the bar's width class (no inline style: CSP)."""
        return int(5 * round(self.share / 5))

    @property
    def engagement_rate(self) -> Decimal | None:
        return engagement_rate(self.views, self.interactions)


def channel_performance_list(*, org, period: Period) -> list[ChannelPerformance]:
    """Each channel with figures in the period, most views first: one query (the rollups)."""
    rows = (
        MonthlyRollup.objects.for_org(org)
        .filter(month__gte=period.first_month, month__lte=period.last_month)
        .order_by("month")
        .values_list(
            "channel_id",
            "channel__name",
            "platform__name",
            "kind",
            "views",
            "interactions",
            "posts_published",
            "followers",
        )
    )
    channels: dict[int, ChannelPerformance] = {}
    for channel_id, name, platform, kind, views, interactions, published, followers in rows:
        perf = channels.setdefault(channel_id, ChannelPerformance(channel_id, name, platform, kind))
        perf.views = add_known(perf.views, views)
        perf.interactions = add_known(perf.interactions, interactions)
        perf.posts_published = add_known(perf.posts_published, published)
        if followers is not None:
            perf.followers = followers
        perf.months += 1
    return sorted(channels.values(), key=lambda c: (-(c.views or 0), c.name.lower()))


def kind_totals(channels: list[ChannelPerformance]) -> list[KindTotals]:
    """Own, then partner channels' totals (pure: from ``channel_performance_list``)."""
    totals = {"own": KindTotals("own"), "partner": KindTotals("partner")}
    for c in channels:
        total = totals.setdefault(c.kind, KindTotals(c.kind))
        total.channels += 1
        total.views += c.views or 0
        total.interactions += c.interactions or 0
        total.posts_published += c.posts_published or 0
    views = sum(t.views for t in totals.values())
    for total in totals.values():
        total.share = round(total.views * 100 / views) if views else 0
    return list(totals.values())


def plan_goal_list(*, plan: Plan) -> QuerySet[Goal]:
    """Every SMART goal of the plan with what the table shows, in the cascade's order."""
    return plan.goals.select_related("objective", "platform", "channel", "channel__platform")


def evaluation_find(*, plan: Plan) -> Evaluation | None:
    return Evaluation.objects.filter(plan=plan).select_related("updated_by").first()


@dataclass
class GoalResult:
    goal: Goal
    progress: Progress


@dataclass
class PlanEvaluation:
    """Everything the evaluation page and the report show of a plan."""

    plan: Plan
    period: Period
    goals: list[GoalResult]
    channels: list[ChannelPerformance]
    kinds: list[KindTotals]
    top_posts: list[PostStat]
    evaluation: Evaluation | None
    today: date
    status_counts: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def lessons(self) -> str:
        return self.evaluation.lessons if self.evaluation else ""

    @property
    def views(self) -> int:
        return sum(k.views for k in self.kinds)

    @property
    def interactions(self) -> int:
        return sum(k.interactions for k in self.kinds)

    @property
    def engagement_rate(self) -> Decimal | None:
        return engagement_rate(self.views, self.interactions)

    @property
    def has_statistics(self) -> bool:
        return bool(self.channels)


def plan_evaluation(*, org, plan: Plan, today: date | None = None) -> PlanEvaluation:
    """The plan's evaluation: six queries whatever the number of goals, channels or posts."""
    today = today or timezone.localdate()
    goals = list(plan_goal_list(plan=plan))
    progress = goals_progress(goals, today=today)
    results = [GoalResult(g, progress[g.pk]) for g in goals]
    period = plan_period(plan, goals, today=today)
    channels = channel_performance_list(org=org, period=period)
    counted: dict[str, int] = defaultdict(int)
    for result in results:
        counted[result.progress.status] += 1
    return PlanEvaluation(
        plan=plan,
        period=period,
        goals=results,
        channels=channels,
        kinds=kind_totals(channels),
        top_posts=list(
            top_post_list(org=org, first_day=period.first_month, last_day=period.ends_on)
        ),
        evaluation=evaluation_find(plan=plan),
        today=today,
        status_counts=[
            (status, str(label), counted[status])
            for status, label in PROGRESS_STATUSES.items()
            if counted[status]
        ],
    )
