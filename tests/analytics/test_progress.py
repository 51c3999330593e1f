"""Goal progress from the rollups (#17 point 6): each metric, each scope, each status with a
fixed day, goals to reduce, goals without figures, and a constant number of queries."""

from datetime import date
from decimal import Decimal

import pytest

from analytics.selectors.progress import (
    GoalSpec,
    goal_progress,
    goal_rate,
    goals_progress,
    measure,
)
from analytics.services.rollups import rollups_recompute
from planner.selectors.objectives import objective_progress
from tests.factories import (
    ChannelFactory,
    GoalFactory,
    MonthlyStatFactory,
    PlanFactory,
    PlatformFactory,
    PostStatFactory,
)

pytestmark = pytest.mark.django_db

START, DEADLINE = date(2026, 1, 1), date(2026, 6, 30)
APRIL = date(2026, 4, 15)


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, starts_on=START, ends_on=DEADLINE)


def goal(plan, metric="views", target=1000, baseline=0, **fields):
    fields.setdefault("starts_on", START)
    fields.setdefault("deadline", DEADLINE)
    fields.setdefault("unit", "")
    return GoalFactory(plan=plan, metric=metric, target=target, baseline=baseline, **fields)


def month(channel, year_month: str, **figures):
    year, number = map(int, year_month.split("-"))
    values = {"views": None, "interactions": None, "followers": None, "posts_published": None}
    return MonthlyStatFactory(channel=channel, month=date(year, number, 1), **{**values, **figures})


def recompute(org):
    rollups_recompute(org.pk)


def test_views_add_up_over_the_goals_months_on_its_channel_only(org, plan):
    channel, other = ChannelFactory(organization=org), ChannelFactory(organization=org)
    month(channel, "2025-12", views=5000)  # before the goal's start
    month(channel, "2026-01", views=100)
    month(channel, "2026-03", views=200)
    month(channel, "2026-05", views=9000)  # after "today"
    month(other, "2026-02", views=7000)  # another channel
    recompute(org)
    g = goal(plan, channel=channel, target=1000)
    progress = goal_progress(g, today=APRIL)
    assert progress.current == 300
    assert progress.percent == 30
    assert progress.months == 2
    assert (progress.baseline, progress.target) == (Decimal(0), Decimal(1000))


def test_a_platform_goal_counts_that_platforms_channels(org, plan):
    platform = PlatformFactory()
    a = ChannelFactory(organization=org, platform=platform)
    b = ChannelFactory(organization=org, platform=platform)
    elsewhere = ChannelFactory(organization=org)
    for channel, views in ((a, 100), (b, 50), (elsewhere, 1000)):
        month(channel, "2026-02", views=views, interactions=10)
    recompute(org)
    assert goal_progress(goal(plan, platform=platform), today=APRIL).current == 150
    # The channel wins over the platform when both are set.
    both = goal(plan, platform=platform, channel=b)
    assert goal_progress(both, today=APRIL).current == 50


def test_an_organisation_goal_counts_every_channel_but_not_another_organisations(
    org, other_org, plan
):
    for channel in ChannelFactory.create_batch(3, organization=org):
        month(channel, "2026-02", interactions=20)
    month(ChannelFactory(organization=other_org), "2026-02", interactions=500)
    recompute(org)
    recompute(other_org)
    progress = goal_progress(goal(plan, metric="interactions", target=100), today=APRIL)
    assert progress.current == 60


def test_posts_published_add_up(org, plan):
    channel = ChannelFactory(organization=org)
    month(channel, "2026-01", posts_published=4)
    month(channel, "2026-02", posts_published=6)
    recompute(org)
    g = goal(plan, metric="posts_published", target=20, channel=channel)
    assert goal_progress(g, today=APRIL).current == 10


def test_followers_are_the_latest_figure_of_each_channel_added_up(org, plan):
    a, b = ChannelFactory(organization=org), ChannelFactory(organization=org)
    month(a, "2026-01", followers=100)
    month(a, "2026-03", followers=130)
    month(b, "2026-02", followers=40)
    month(b, "2026-03", views=5)  # no followers figure this month: February's stays
    recompute(org)
    progress = goal_progress(goal(plan, metric="followers", baseline=120, target=220), today=APRIL)
    assert progress.current == 170
    assert progress.percent == 50


def test_average_watch_time_is_weighted_by_views(org, plan):
    channel = ChannelFactory(organization=org)
    for day, views, watch in ((date(2026, 2, 3), 100, 30), (date(2026, 3, 3), 300, 70)):
        PostStatFactory(channel=channel, published_on=day, views=views, avg_watch_seconds=watch)
    PostStatFactory(channel=channel, published_on=date(2026, 3, 9), views=50)
    recompute(org)
    g = goal(plan, metric="avg_watch_time", baseline=40, target=80, unit="seconds")
    progress = goal_progress(g, today=APRIL)
    assert progress.current == 60  # (100×30 + 300×70) / 400
    assert progress.percent == 50
    minutes = goal(plan, metric="avg_watch_time", baseline=0, target=2, unit="minutes")
    assert goal_progress(minutes, today=APRIL).current == 1


def test_a_unit_per_month_averages_and_per_post_divides(org, plan):
    channel = ChannelFactory(organization=org)
    month(channel, "2026-01", posts_published=4, interactions=40)
    month(channel, "2026-02", posts_published=6, interactions=10)
    recompute(org)
    per_month = goal(plan, metric="posts_published", target=5, unit="posts a month")
    per_post = goal(plan, metric="interactions", target=5, unit="comments per post")
    results = goals_progress([per_month, per_post], today=APRIL)
    assert results[per_month.pk].current == 5 and results[per_month.pk].rate == "month"
    assert results[per_post.pk].current == 5 and results[per_post.pk].rate == "post"
    assert results[per_month.pk].status == "achieved"


@pytest.mark.parametrize(
    ("unit", "rate"),
    [
        ("posts a month", "month"),
        ("publications par mois", "month"),
        ("video / month", "month"),
        ("comments per post", "post"),
        ("“interested” per event", ""),
        ("", ""),
    ],
)
def test_the_units_words_choose_the_rate(unit, rate):
    assert goal_rate("interactions", unit) == rate


def spec(**values) -> GoalSpec:
    defaults = {
        "metric": "views",
        "target": Decimal(1000),
        "baseline": Decimal(0),
        "starts_on": START,
        "deadline": DEADLINE,
    }
    return GoalSpec(**{**defaults, **values})


def row(year_month: str, views=None, followers=None, channel_id=1):
    year, number = map(int, year_month.split("-"))
    return (1, channel_id, 1, date(year, number, 1), views, None, followers, None, 0, 0)


def rows(*values):
    from analytics.selectors.progress import Row

    return [Row(*v) for v in values]


def test_status_on_track_when_progress_keeps_up_with_the_calendar():
    # 15 April: 58 % of January–June has passed; 500 of 1000 (50 %) is within 10 points.
    progress = measure(spec(), rows(row("2026-01", 200), row("2026-03", 300)), today=APRIL)
    assert (progress.status, progress.percent, progress.expected_percent) == ("on_track", 50, 58)


def test_status_at_risk_when_progress_lags_more_than_ten_points():
    progress = measure(spec(), rows(row("2026-01", 200), row("2026-02", 100)), today=APRIL)
    assert (progress.status, progress.percent) == ("at_risk", 30)


def test_status_achieved_once_the_target_is_reached_even_later_in_the_period():
    progress = measure(spec(), rows(row("2026-01", 600), row("2026-02", 500)), today=APRIL)
    assert (progress.status, progress.percent) == ("achieved", 100)
    # Followers reached the target in February and fell back: achieved all the same.
    followers = spec(metric="followers", baseline=Decimal(100), target=Decimal(200))
    fell = rows(row("2026-02", followers=210), row("2026-03", followers=180))
    result = measure(followers, fell, today=date(2026, 8, 1))
    assert (result.status, result.current, result.percent) == ("achieved", 180, 80)


def test_an_average_is_judged_on_the_period_so_far_not_its_best_month():
    per_month = spec(metric="posts_published", target=Decimal(8), unit="posts a month")
    months = [(1, 1, 1, date(2026, m, 1), None, None, None, n, 0, 0) for m, n in ((1, 9), (2, 5))]
    progress = measure(per_month, rows(*months), today=APRIL)
    assert (progress.current, progress.status) == (7, "on_track")


def test_status_missed_after_the_deadline_without_the_target():
    progress = measure(spec(), rows(row("2026-01", 200)), today=date(2026, 7, 1))
    assert (progress.status, progress.expected_percent) == ("missed", 100)


def test_months_after_the_deadline_do_not_count():
    late = rows(row("2026-06", 100), row("2026-07", 5000))
    assert measure(spec(), late, today=date(2026, 9, 1)).current == 100


def test_a_goal_to_reduce_measures_the_way_down():
    # Reduce followers of a spam account from 200 to 100: 150 is half way.
    reduce = spec(metric="followers", baseline=Decimal(200), target=Decimal(100))
    progress = measure(reduce, rows(row("2026-02", followers=150)), today=APRIL)
    assert (progress.percent, progress.status) == (50, "on_track")
    assert measure(reduce, rows(row("2026-02", followers=90)), today=APRIL).status == "achieved"
    # A total to keep low is judged at the deadline: under the target then, it is achieved.
    total = spec(baseline=Decimal(2000), target=Decimal(1000))
    few = rows(row("2026-02", 300))
    assert measure(total, few, today=APRIL).status != "achieved"
    assert measure(total, few, today=date(2026, 7, 1)).status == "achieved"
    assert measure(total, rows(row("2026-02", 1500)), today=date(2026, 7, 1)).status == "missed"


def test_a_missing_baseline_counts_from_zero():
    progress = measure(spec(baseline=None), rows(row("2026-01", 250)), today=APRIL)
    assert (progress.percent, progress.baseline) == (25, None)


def test_a_target_equal_to_the_baseline_is_all_or_nothing():
    same = spec(baseline=Decimal(100), target=Decimal(100), metric="followers")
    assert measure(same, rows(row("2026-01", followers=100)), today=APRIL).percent == 100
    assert measure(same, rows(row("2026-01", followers=90)), today=APRIL).percent == 0


def test_no_figures_in_scope_is_no_data():
    progress = measure(spec(), rows(row("2026-01", None, followers=10)), today=APRIL)
    assert (progress.status, progress.current, progress.percent) == ("no_data", None, None)
    assert progress.measured


def test_events_and_custom_metrics_are_not_measured(org, plan):
    channel = ChannelFactory(organization=org)
    month(channel, "2026-01", views=100)
    recompute(org)
    for metric in ("events_created", "custom"):
        progress = goal_progress(goal(plan, metric=metric), today=APRIL)
        assert progress.status == "no_data" and not progress.measured
        assert progress.label == "Not measured by Vitrine"


def test_a_goal_that_has_not_started_has_no_data(org, plan):
    month(ChannelFactory(organization=org), "2026-01", views=100)
    recompute(org)
    future = goal(plan, starts_on=date(2026, 5, 1))
    assert goal_progress(future, today=APRIL).status == "no_data"


def test_the_planners_objective_progress_is_real(org, plan):
    channel = ChannelFactory(organization=org)
    month(channel, "2026-01", views=400)
    recompute(org)
    g = goal(plan, channel=channel, target=1000)
    progress = objective_progress(g, today=APRIL)
    assert (progress.current, progress.percent, progress.status) == (400, 40, "at_risk")
    assert progress.label == "At risk"


@pytest.mark.parametrize("count", [3, 100])
def test_goals_progress_costs_two_queries_for_any_number_of_goals(
    org, plan, count, django_assert_num_queries
):
    channels = ChannelFactory.create_batch(3, organization=org)
    for channel in channels:
        for m in ("2026-01", "2026-02", "2026-03"):
            month(channel, m, views=100, followers=50)
    recompute(org)
    metrics = ("views", "followers", "interactions", "events_created", "avg_watch_time")
    goals = [
        goal(plan, metric=metrics[i % 5], channel=channels[i % 3] if i % 2 else None)
        for i in range(count)
    ]
    goals = [type(g).objects.get(pk=g.pk) for g in goals]  # without their plan
    with django_assert_num_queries(2):
        results = goals_progress(goals, today=APRIL)
    assert len(results) == count
    assert results[goals[0].pk].current == 900
    with django_assert_num_queries(2):  # the goals, read through their plan, then the rollups
        assert goals_progress(plan.goals.all(), today=APRIL) == results
