"""SMART goals measured against the statistics: baseline → current → target, and a status.

``goals_progress(goals)`` reads the rollups of every goal at once (two queries, whatever the
number of goals), then ``measure`` computes each goal in Python (pure, no database). The
planner reaches ``goal_progress`` through ``core.steps`` (step 7 declares it), never by import.

The rules (also in the README):

- the period is the months from the goal's start to ``min(deadline, today)``; the scope its
  channel if set, else its platform if set, else every channel of the organisation;
- views, interactions, posts published: the total of the period — or, when the goal's unit
  says so, an average per month ("5 posts a month") or per post published ("comments per
  post"); followers: the latest known figure of each channel in scope, added up; average
  watch time: views-weighted, in seconds (minutes or hours when the unit says so);
  events created and custom metrics are not measured by Vitrine ("no_data");
- percent = (current − baseline) / (target − baseline), from 0 to 100 (a missing baseline is
  0; a target below the baseline is a goal to reduce);
- status: "achieved" once the target is reached — followers at any month of the period, a
  total once it reaches it (a total to reduce only at the deadline), an average (per month,
  per post, watch time) over the period so far —, "missed" after the deadline, "on_track"
  while the percent is at least the elapsed share of the period minus 10 points, else
  "at_risk"; "no_data" without figures in scope.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from planner.models import Goal, Plan
from planner.selectors.objectives import Progress

from ..models import Evaluation, MonthlyRollup
from ..months import month_start

#: The metrics the statistics measure; the others (events created, custom) are "no_data".
MEASURED = ("views", "interactions", "followers", "posts_published", "avg_watch_time")
#: Metrics added up over the period (the others are levels: followers, watch time).
TOTALS = ("views", "interactions", "posts_published")
#: A goal on track may lag the linear expectation by this many points.
TOLERANCE = 10

_PER_MONTH = re.compile(
    r"\b(a|per|each|every)\s+month\b|/\s*(month|mois)\b|\bpar\s+mois\b|\bmonthly\b|\bmensuel",
    re.IGNORECASE,
)
_PER_POST = re.compile(
    r"\b(a|per|each|every)\s+(post|publication|video)s?\b|/\s*(post|publication)s?\b"
    r"|\bpar\s+(post|publication|vidéo)s?\b",
    re.IGNORECASE,
)
_MINUTES = re.compile(r"^\s*min", re.IGNORECASE)
_HOURS = re.compile(r"^\s*(h|hours?|heures?)\b", re.IGNORECASE)

#: The rollup columns ``measure`` reads, in this order.
ROW_FIELDS = (
    "organization_id",
    "channel_id",
    "platform_id",
    "month",
    "views",
    "interactions",
    "followers",
    "posts_published",
    "watch_weighted_sum",
    "watch_views",
)


@dataclass(frozen=True)
class Row:
    organization_id: int
    channel_id: int
    platform_id: int
    month: date
    views: int | None
    interactions: int | None
    followers: int | None
    posts_published: int | None
    watch_weighted_sum: int
    watch_views: int


@dataclass(frozen=True)
class GoalSpec:
    """What ``measure`` needs of a goal (a goal's fields, or plain values in tests)."""

    metric: str
    target: Decimal
    baseline: Decimal | None
    starts_on: date
    deadline: date
    unit: str = ""
    organization_id: int | None = None
    channel_id: int | None = None
    platform_id: int | None = None

    @classmethod
    def of(cls, goal: Goal, organization_id: int | None) -> "GoalSpec":
        return cls(
            metric=goal.metric,
            target=goal.target,
            baseline=goal.baseline,
            starts_on=goal.starts_on,
            deadline=goal.deadline,
            unit=goal.unit,
            organization_id=organization_id,
            channel_id=goal.channel_id,
            platform_id=goal.platform_id,
        )


def goal_rate(metric: str, unit: str) -> str:
    """How the goal's unit asks the figures to be read: "month", "post" or "" (a total)."""
    if metric not in TOTALS:
        return ""
    if _PER_MONTH.search(unit or ""):
        return "month"
    if metric != "posts_published" and _PER_POST.search(unit or ""):
        return "post"
    return ""


def _watch_divisor(unit: str) -> int:
    if _HOURS.search(unit or ""):
        return 3600
    if _MINUTES.search(unit or ""):
        return 60
    return 1


def in_scope(spec: GoalSpec, row: Row) -> bool:
    if spec.organization_id is not None and row.organization_id != spec.organization_id:
        return False
    if not month_start(spec.starts_on) <= row.month <= month_start(spec.deadline):
        return False
    if spec.channel_id:
        return row.channel_id == spec.channel_id
    if spec.platform_id:
        return row.platform_id == spec.platform_id
    return True


def _series(spec: GoalSpec, rows: list[Row], rate: str) -> list[Decimal]:
    """The metric's value at the end of each month of the period that has figures."""
    by_month: dict[date, list[Row]] = defaultdict(list)
    for row in rows:
        by_month[row.month].append(row)
    series: list[Decimal] = []
    total = Decimal(0)
    posts = 0
    months = 0
    latest: dict[int, int] = {}
    weighted = watched = 0
    for month in sorted(by_month):
        month_rows = by_month[month]
        if spec.metric == "followers":
            for row in month_rows:
                if row.followers is not None:
                    latest[row.channel_id] = row.followers
            if latest:
                series.append(Decimal(sum(latest.values())))
        elif spec.metric == "avg_watch_time":
            weighted += sum(r.watch_weighted_sum for r in month_rows)
            watched += sum(r.watch_views for r in month_rows)
            if watched:
                series.append(Decimal(weighted) / watched / _watch_divisor(spec.unit))
        else:
            values = [getattr(r, spec.metric) for r in month_rows]
            known = [v for v in values if v is not None]
            if not known:
                continue
            total += sum(known)
            months += 1
            posts += sum(r.posts_published or 0 for r in month_rows)
            if rate == "month":
                series.append(total / months)
            elif rate == "post":
                if posts:
                    series.append(total / posts)
            else:
                series.append(total)
    return series


def _quantize(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def measure(spec: GoalSpec, rows: Iterable[Row], *, today: date) -> Progress:
    """The progress of one goal from rollup rows (any rows: those out of scope are skipped)."""
    baseline = spec.baseline if spec.baseline is not None else Decimal(0)
    target = Decimal(spec.target)
    common = {"baseline": spec.baseline, "target": target}
    if spec.metric not in MEASURED:
        return Progress("no_data", measured=False, **common)
    end = min(spec.deadline, today)
    scoped = [r for r in rows if in_scope(spec, r) and r.month <= month_start(end)]
    rate = goal_rate(spec.metric, spec.unit)
    series = _series(spec, scoped, rate)
    if not series:
        return Progress("no_data", rate=rate, **common)
    current = series[-1]
    increasing = target >= baseline

    def reached(value: Decimal) -> bool:
        return value >= target if increasing else value <= target

    if target == baseline:
        percent = 100 if reached(current) else 0
    else:
        share = (current - baseline) / (target - baseline) * 100
        percent = int(max(Decimal(0), min(Decimal(100), share)).to_integral_value(ROUND_HALF_UP))
    days = (spec.deadline - spec.starts_on).days
    elapsed = (min(today, spec.deadline) - spec.starts_on).days
    expected = 100 if days <= 0 else max(0, min(100, round(elapsed * 100 / days)))
    over = today > spec.deadline
    if spec.metric == "followers":
        # A level reached once is achieved, even if it falls back later.
        achieved = any(reached(value) for value in series)
    elif spec.metric in TOTALS and not rate:
        # A total only grows: reached once is reached for good, and a total to keep low is
        # judged at the deadline.
        achieved = reached(current) if increasing else over and reached(current)
    else:
        # An average (per month, per post, watch time) is judged on the whole period so far.
        achieved = reached(current)
    if achieved:
        status = "achieved"
    elif over:
        status = "missed"
    elif percent >= expected - TOLERANCE:
        status = "on_track"
    else:
        status = "at_risk"
    return Progress(
        status,
        current=_quantize(current),
        percent=percent,
        expected_percent=expected,
        rate=rate,
        months=len(series),
        **common,
    )


def goals_progress(goals: Iterable[Goal], *, today: date | None = None) -> dict[int, Progress]:
    """Each goal's progress by pk: at most two queries for any number of goals (their plans'
    organisations, unless the goals carry their plan, then the rollups of every month any of
    them covers), the rest in Python."""
    today = today or timezone.localdate()
    goals = list(goals)
    measured = [g for g in goals if g.metric in MEASURED and g.starts_on <= today]
    rows: list[Row] = []
    orgs: dict[int, int] = {}
    if measured:
        if all(Goal.plan.is_cached(g) for g in measured):
            # Goals read through their plan (``plan.goals``) know it: no query.
            orgs = {g.plan_id: g.plan.organization_id for g in measured}
        else:
            plan_ids = {g.plan_id for g in measured}
            orgs = dict(Plan.objects.filter(pk__in=plan_ids).values_list("pk", "organization_id"))
        first = min(month_start(g.starts_on) for g in measured)
        last = max(month_start(min(g.deadline, today)) for g in measured)
        scopes = Q()
        # Only the channels and platforms the goals name, unless one covers the organisation.
        if all(g.channel_id or g.platform_id for g in measured):
            channels = {g.channel_id for g in measured if g.channel_id}
            platforms = {g.platform_id for g in measured if g.platform_id and not g.channel_id}
            scopes = Q(channel_id__in=channels) | Q(platform_id__in=platforms)
        qs = (
            MonthlyRollup.objects.filter(
                scopes,
                organization_id__in=set(orgs.values()),
                month__gte=first,
                month__lte=last,
            )
            .order_by()
            .values_list(*ROW_FIELDS)
        )
        rows = [Row(*values) for values in qs]
    return {
        goal.pk: measure(GoalSpec.of(goal, orgs.get(goal.plan_id)), rows, today=today)
        for goal in goals
    }


def goal_progress(goal: Goal, *, today: date | None = None) -> Progress:
    """One goal's progress (``planner.selectors.objectives.objective_progress`` calls it)."""
    return goals_progress([goal], today=today)[goal.pk]


def plan_evaluation_counts() -> dict:
    """Step 7's counts on each plan, as annotations for ``planner.selectors.plan`` (subqueries
    on the plan's ``pk``; ``core.steps`` names this function): the goals with figures in their
    scope and period (``goal_figures_count``), and whether the lessons learned are written
    (``lessons_written``)."""
    rollups = MonthlyRollup.objects.filter(
        organization=OuterRef("plan__organization"),
        month__gte=OuterRef("start_month"),
        month__lte=OuterRef("deadline"),
    )
    goals = (
        Goal.objects.filter(plan=OuterRef("pk"), metric__in=MEASURED)
        .alias(start_month=TruncMonth("starts_on"))
        .alias(
            in_channel=Exists(rollups.filter(channel=OuterRef("channel"))),
            in_platform=Exists(rollups.filter(platform=OuterRef("platform"))),
            in_org=Exists(rollups),
        )
        .filter(
            Q(channel__isnull=False, in_channel=True)
            | Q(channel__isnull=True, platform__isnull=False, in_platform=True)
            | Q(channel__isnull=True, platform__isnull=True, in_org=True)
        )
        .order_by()
        .values("plan")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    lessons = Evaluation.objects.filter(plan=OuterRef("pk")).exclude(lessons="")
    return {
        "goal_figures_count": Coalesce(Subquery(goals, output_field=IntegerField()), 0),
        "lessons_written": Exists(lessons),
    }
