"""What the dashboard and ``stats_summary`` show, read from the rollups.

``dashboard_data`` reads only ``MonthlyRollup`` (the figures already added up per channel and
month) and, for the list of most viewed posts, ``PostStat`` (ten rows at most, with their
channel and platform joined in by ``select_related``): three queries whatever the number of
channels, months and posts. ``dashboard_filters`` reads what the filter bar offers (the
organisation's channels and dated plans: two queries) and cleans the query string, falling
back to the default for anything it does not understand. ``summary_json`` is the
``stats_summary`` command's contract (DESIGN.md), from the same rollups.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planner.models import Plan
from platforms.models import Channel

from ..figures import add_known
from ..models import MonthlyRollup, PostStat
from ..months import add_months, last_complete_month, month_code, month_range, parse_month
from .posts import top_post_list

#: How many posts the "top posts" chart lists.
#: The longest custom period, in months (a longer one keeps its last months).
MAX_MONTHS = 120
DEFAULT_PERIOD = "12m"


# --- the period and the filters ---------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Months ``first`` to ``last`` (first days of months, both included)."""

    code: str
    label: str
    first: datetime.date
    last: datetime.date

    @property
    def months(self) -> list[datetime.date]:
        return month_range(self.first, self.last)


@dataclass(frozen=True)
class DashboardFilters:
    """The cleaned filter bar: what is chosen and what could be."""

    period: Period
    period_choices: list[Period]
    platform_code: str | None
    channel_id: int | None
    #: ``(code, name)`` of the platforms the organisation has channels on.
    platforms: list[tuple[str, str]]
    channels: list[Channel]

    def query(self) -> dict[str, str]:
        """The query string that gives these filters back (for the CSV links)."""
        params = {"period": self.period.code}
        if self.period.code == "custom":
            params |= {"from": month_code(self.period.first), "to": month_code(self.period.last)}
        if self.platform_code:
            params["platform"] = self.platform_code
        if self.channel_id:
            params["channel"] = str(self.channel_id)
        return params


def period_choices(*, org, today: datetime.date | None = None) -> list[Period]:
    """The last 12 months (ending with the last complete month), this year (January to the
    last complete month; in January, the whole of last year), and each plan of ``org`` that
    has a start and an end ("Plan: <title>")."""
    today = today or timezone.localdate()
    last = last_complete_month(today)
    year_label = _("This year") if last.year == today.year else _("Last year")
    choices = [
        Period("12m", str(_("Last 12 months")), add_months(last, -11), last),
        Period("year", str(year_label), last.replace(month=1), last),
    ]
    plans = (
        Plan.objects.for_org(org)
        .filter(starts_on__isnull=False, ends_on__isnull=False)
        .order_by("-starts_on", "title", "pk")
        .values_list("pk", "title", "starts_on", "ends_on")
    )
    for pk, title, starts_on, ends_on in plans:
        first, end = starts_on.replace(day=1), ends_on.replace(day=1)
        if first <= end:
            label = str(_("Plan: %(title)s")) % {"title": title}
            first = max(first, add_months(end, 1 - MAX_MONTHS))
            choices.append(Period(f"plan-{pk}", label, first, end))
    return choices


def _custom_period(params, default: Period) -> Period | None:
    """``from``/``to`` as ``YYYY-MM``; one left empty is filled in (12 months before ``to``,
    or the default's last month); a malformed one or a reversed pair gives ``None``."""
    texts = [(params.get(name) or "").strip() for name in ("from", "to")]
    if not any(texts):
        return None
    try:
        first, last = (parse_month(text) if text else None for text in texts)
    except ValueError:
        return None
    last = last or default.last
    first = first or add_months(last, -11)
    if first > last:
        return None
    first = max(first, add_months(last, 1 - MAX_MONTHS))
    return Period("custom", str(_("Custom period")), first, last)


def dashboard_filters(*, org, params, today: datetime.date | None = None) -> DashboardFilters:
    """Clean the dashboard's query string (``period``, ``from``/``to`` as ``YYYY-MM``,
    ``platform``, ``channel``); whatever is unknown or malformed falls back to the default
    (the last 12 months, every platform, every channel)."""
    choices = period_choices(org=org, today=today)
    by_code = {p.code: p for p in choices}
    default = by_code[DEFAULT_PERIOD]
    code = params.get("period", "")
    if code in by_code:
        period = by_code[code]
    elif code in ("", "custom"):
        period = _custom_period(params, default) or default
    else:
        period = default
    channels = list(
        Channel.objects.for_org(org)
        .select_related("platform")
        .order_by("platform__position", "platform__name", "name", "pk")
    )
    platforms = list(dict.fromkeys((c.platform.code, c.platform.name) for c in channels))
    platform_code = params.get("platform") or None
    if platform_code not in {code for code, _name in platforms}:
        platform_code = None
    try:
        channel_id = int(params.get("channel") or 0)
    except (TypeError, ValueError):
        channel_id = 0
    if channel_id not in {c.pk for c in channels}:
        channel_id = None
    return DashboardFilters(period, choices, platform_code, channel_id, platforms, channels)


# --- the figures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """A figure compared with an earlier month: ``amount`` is a relative change in % (or, for
    a rate, a difference in percentage points); ``None`` when it cannot be computed."""

    month: datetime.date
    amount: float | None

    @property
    def direction(self) -> str:
        if self.amount is None:
            return "unknown"
        if round(self.amount, 1) == 0:
            return "flat"
        return "up" if self.amount > 0 else "down"


@dataclass(frozen=True)
class Kpi:
    code: str  # "views", "interactions", "engagement", "followers"
    label: str
    value: float | None
    is_rate: bool
    vs_previous: Change
    vs_year: Change


@dataclass
class Series:
    key: str
    label: str
    values: list[int | None]

    @property
    def total(self) -> int | None:
        known = [v for v in self.values if v is not None]
        return sum(known) if known else None


@dataclass
class Dashboard:
    period: Period
    months: list[datetime.date]
    #: The month the KPI cards describe (the period's last, or the last complete one).
    kpi_month: datetime.date
    kpis: list[Kpi]
    views_by_platform: list[Series]
    #: Two series: views of own channels ("own") and of partner channels ("partner").
    reach: list[Series]
    top_posts: list[PostStat]
    #: Average watch time of videos per month, in seconds (None: no timed video that month).
    watch_time: list[int | None]
    #: Whether the period (with these filters) has any figure at all.
    has_data: bool = False

    @property
    def reach_totals(self) -> dict[str, int | None]:
        return {s.key: s.total for s in self.reach}


def _rollups(org, platform_code, channel_id):
    qs = MonthlyRollup.objects.for_org(org)
    if platform_code:
        qs = qs.filter(platform__code=platform_code)
    if channel_id:
        qs = qs.filter(channel_id=channel_id)
    return qs


def _percent_change(current, before) -> float | None:
    if current is None or not before:
        return None
    return (current - before) * 100 / before


def _difference(current, before) -> float | None:
    """A rate's change, in percentage points."""
    if current is None or before is None:
        return None
    return current - before


def _rate(interactions, views) -> float | None:
    if interactions is None or not views:
        return None
    return interactions * 100 / views


def _followers(rollups, months: list[datetime.date]) -> dict[datetime.date, int | None]:
    """For each month: the latest followers figure known at that month for each channel,
    summed. One query: a row counts for month M when no later row of its channel, up to M,
    has a figure."""
    known = rollups.filter(followers__isnull=False)
    annotations, sums = {}, {}
    for i, month in enumerate(months):
        later = MonthlyRollup.objects.filter(
            channel=OuterRef("channel"),
            month__gt=OuterRef("month"),
            month__lte=month,
            followers__isnull=False,
        )
        annotations[f"later_{i}"] = Exists(later)
        sums[f"m_{i}"] = Sum("followers", filter=Q(month__lte=month, **{f"later_{i}": False}))
    result = known.annotate(**annotations).aggregate(**sums)
    return {month: result[f"m_{i}"] for i, month in enumerate(months)}


def _has_figures(totals: dict | None) -> bool:
    return bool(totals) and (totals["views"] is not None or totals["interactions"] is not None)


def dashboard_data(
    org,
    *,
    period: tuple[datetime.date, datetime.date] | Period,
    platform_code: str | None = None,
    channel_id: int | None = None,
    today: datetime.date | None = None,
) -> Dashboard:
    """The dashboard of ``org`` over ``period`` (``(first_month, last_month)`` or a
    ``Period``), optionally for one platform (code) and/or one channel (pk).

    Reads only ``MonthlyRollup`` — one grouped query for the period and the comparison
    months, one for the followers — and ``PostStat`` for the top posts (``TOP_POSTS`` rows,
    ordered by views, ``select_related`` channel and platform): three queries whatever the
    number of channels, months and posts. The KPI cards describe the period's latest month
    with figures (up to the last complete month), against the month before and the same month
    a year earlier.
    """
    if not isinstance(period, Period):
        first, last = (month.replace(day=1) for month in period)
        period = Period("custom", str(_("Custom period")), first, last)
    months = period.months
    last_complete = last_complete_month(today or timezone.localdate())
    latest = max(period.first, min(period.last, last_complete))
    rollups = _rollups(org, platform_code, channel_id)

    # 1. Per month, platform and kind: the sums every chart and card needs (from a year
    # before the period, for the cards' "same month last year").
    start = add_months(period.first, -12)
    grouped = (
        rollups.filter(month__gte=start, month__lte=period.last)
        .values("month", "platform__code", "platform__name", "platform__position", "kind")
        .annotate(
            views=Sum("views"),
            interactions=Sum("interactions"),
            watch_weighted=Sum("watch_weighted_sum"),
            watch_views=Sum("watch_views"),
        )
        .order_by()
    )
    per_month: dict[datetime.date, dict] = defaultdict(
        lambda: {"views": None, "interactions": None, "watch_weighted": 0, "watch_views": 0}
    )
    platform_views: dict[tuple, dict[datetime.date, int | None]] = {}
    kind_views: dict[str, dict[datetime.date, int | None]] = {"own": {}, "partner": {}}
    has_data = False
    for row in grouped:
        month = row["month"]
        totals = per_month[month]
        totals["views"] = add_known(totals["views"], row["views"])
        totals["interactions"] = add_known(totals["interactions"], row["interactions"])
        totals["watch_weighted"] += row["watch_weighted"] or 0
        totals["watch_views"] += row["watch_views"] or 0
        if not period.first <= month <= period.last:
            continue
        has_data = True
        key = (row["platform__position"], row["platform__name"], row["platform__code"])
        by_month = platform_views.setdefault(key, {})
        by_month[month] = add_known(by_month.get(month), row["views"])
        by_kind = kind_views.setdefault(row["kind"], {})
        by_kind[month] = add_known(by_kind.get(month), row["views"])

    # The cards describe the latest month with figures: at the start of a month, last
    # month's are often not entered yet, and a row of dashes says nothing.
    kpi_month = next(
        (m for m in reversed(months) if m <= latest and _has_figures(per_month.get(m))),
        latest,
    )
    previous, year_ago = add_months(kpi_month, -1), add_months(kpi_month, -12)

    views_by_platform = [
        Series(code, name, [values.get(m) for m in months])
        for (_position, name, code), values in sorted(platform_views.items())
    ]
    reach = [
        Series(kind, str(label), [kind_views[kind].get(m) for m in months])
        for kind, label in (("own", _("Own channels")), ("partner", _("Partner channels")))
    ]
    watch_time = []
    for month in months:
        totals = per_month.get(month)
        if totals and totals["watch_views"]:
            watch_time.append(round(totals["watch_weighted"] / totals["watch_views"]))
        else:
            watch_time.append(None)

    # 2. Followers: the latest known figure per channel, summed, at each KPI month.
    followers = _followers(rollups, [kpi_month, previous, year_ago])

    def figure(month, name):
        totals = per_month.get(month)
        return totals[name] if totals else None

    def rate(month):
        return _rate(figure(month, "interactions"), figure(month, "views"))

    kpis = []
    for code, label in (("views", _("Views")), ("interactions", _("Interactions"))):
        value = figure(kpi_month, code)
        kpis.append(
            Kpi(
                code,
                str(label),
                value,
                False,
                Change(previous, _percent_change(value, figure(previous, code))),
                Change(year_ago, _percent_change(value, figure(year_ago, code))),
            )
        )
    engagement = rate(kpi_month)
    kpis.append(
        Kpi(
            "engagement",
            str(_("Engagement rate")),
            engagement,
            True,
            Change(previous, _difference(engagement, rate(previous))),
            Change(year_ago, _difference(engagement, rate(year_ago))),
        )
    )
    kpis.append(
        Kpi(
            "followers",
            str(_("Followers")),
            followers[kpi_month],
            False,
            Change(previous, _percent_change(followers[kpi_month], followers[previous])),
            Change(year_ago, _percent_change(followers[kpi_month], followers[year_ago])),
        )
    )

    # 3. The most viewed posts of the period.
    top_posts = list(
        top_post_list(
            org=org,
            first_day=period.first,
            last_day=add_months(period.last, 1) - datetime.timedelta(days=1),
            platform_code=platform_code,
            channel_id=channel_id,
        )
    )
    return Dashboard(
        period=period,
        months=months,
        kpi_month=kpi_month,
        kpis=kpis,
        views_by_platform=views_by_platform,
        reach=reach,
        top_posts=top_posts,
        watch_time=watch_time,
        has_data=has_data or bool(top_posts),
    )


def rollups_exist(*, org) -> bool:
    """Whether ``org`` has any figure at all (the dashboard's empty state)."""
    return MonthlyRollup.objects.for_org(org).exists()


# --- stats_summary --------------------------------------------------------------------------------


def summary_json(
    org, first: datetime.date | None = None, last: datetime.date | None = None
) -> dict:
    """DESIGN.md's ``stats_summary --format json`` contract::

        {"months": [{"month": "YYYY-MM", "channel": NAME, "kind": "own"|"partner",
                     "views": N, "interactions": N, "followers": N|null}],
         "totals": {"views": N, "interactions": N}}

    One row per channel and month with figures, from ``first`` to ``last`` (every month
    with rollups when ``None``), sorted by month then channel name. An unknown view or
    interaction count reads 0 (the contract's figures are numbers; the totals are their sums);
    an unknown followers count reads null.
    """
    rows = MonthlyRollup.objects.for_org(org)
    if first:
        rows = rows.filter(month__gte=first.replace(day=1))
    if last:
        rows = rows.filter(month__lte=last.replace(day=1))
    values = rows.values_list(
        "month", "channel__name", "kind", "views", "interactions", "followers"
    ).order_by()
    months = [
        {
            "month": month_code(month),
            "channel": name,
            "kind": kind,
            "views": views or 0,
            "interactions": interactions or 0,
            "followers": followers,
        }
        for month, name, kind, views, interactions, followers in values
    ]
    months.sort(key=lambda r: (r["month"], r["channel"].casefold(), r["channel"]))
    return {
        "months": months,
        "totals": {
            "views": sum(r["views"] for r in months),
            "interactions": sum(r["interactions"] for r in months),
        },
    }
