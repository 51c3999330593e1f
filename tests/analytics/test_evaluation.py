"""A plan's evaluation page and printable report (#17 point 6 and 7): goals measured, channel
performance, own vs partner, top posts, the lessons-learned form; step 7 on the plan page."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import ActivityEntry, Role
from analytics.models import Evaluation
from analytics.selectors.evaluation import kind_totals, plan_evaluation, plan_period
from analytics.services.evaluation import evaluation_save
from analytics.services.rollups import rollups_recompute
from tests.factories import (
    ChannelFactory,
    EvaluationFactory,
    GoalFactory,
    MonthlyStatFactory,
    PlanFactory,
    PostStatFactory,
)
from tests.helpers import url

pytestmark = pytest.mark.django_db


def first_of(months_ago: int) -> date:
    day = timezone.localdate().replace(day=1)
    for _ in range(months_ago):
        day = (day - timedelta(days=1)).replace(day=1)
    return day


@pytest.fixture
def plan(org):
    today = timezone.localdate()
    return PlanFactory(
        organization=org,
        title="Programme 2026",
        starts_on=first_of(5),
        ends_on=today + timedelta(days=60),
    )


@pytest.fixture
def figures(org, plan):
    """An own and a partner channel with three months each, and posts."""
    own = ChannelFactory(organization=org, name="Our page")
    partner = ChannelFactory(organization=org, name="University page", kind="partner")
    for months_ago in (1, 2, 3):
        MonthlyStatFactory(
            channel=own, month=first_of(months_ago), views=100, interactions=10, followers=500
        )
        MonthlyStatFactory(
            channel=partner, month=first_of(months_ago), views=300, interactions=6, followers=None
        )
    MonthlyStatFactory(channel=own, month=first_of(9), views=99999)  # before the plan
    day = first_of(2) + timedelta(days=3)
    PostStatFactory(channel=partner, published_on=day, title="Block A", views=900)
    PostStatFactory(channel=own, published_on=day, title="Block B", views=40, avg_watch_seconds=75)
    rollups_recompute(org.pk)
    return own, partner


def test_the_page_shows_goals_channels_own_vs_partner_and_top_posts(client_as, plan, figures):
    GoalFactory(
        plan=plan, metric="views", baseline=0, target=2400, unit="", starts_on=plan.starts_on
    )
    GoalFactory(plan=plan, metric="events_created", statement="Five events a month")
    response = client_as(Role.VIEWER).get(url("analytics:plan_evaluation", plan))
    assert response.status_code == 200
    page = response.content.decode()
    data = response.context["data"]
    views_goal = data.goals[0]
    # The months' totals stand in for the posts (the monthly figure wins): 3 × (100 + 300).
    assert views_goal.progress.current == 1200 and views_goal.progress.percent == 50
    assert 'aria-valuenow="50"' in page and "50 %" in page
    assert "Not measured by Vitrine" in page
    assert [c.name for c in data.channels] == ["University page", "Our page"]
    assert data.channels[0].views == 900 and data.channels[1].engagement_rate == 10
    own_total, partner_total = data.kinds
    assert (own_total.views, partner_total.views, partner_total.share) == (300, 900, 75)
    assert [p.title for p in data.top_posts] == ["Block A", "Block B"]
    assert "1:15" in page  # Block B's watch time
    assert "Printable report" in page and "kind=posts&amp;format=xlsx&amp;from=" in page
    assert "Programme 2026" in page
    # A viewer reads the lessons; the form is for editors.
    assert "<textarea" not in page and "not written yet" in page


def test_empty_states(client_as, plan):
    page = client_as(Role.VIEWER).get(url("analytics:plan_evaluation", plan)).content.decode()
    assert "This plan has no SMART goal yet." in page
    assert "No statistics for the plan’s period yet." in page
    assert "No post statistics for the plan’s period yet." in page


def test_an_editor_saves_the_lessons_and_the_activity_log_says_so(client_as, plan):
    client = client_as(Role.EDITOR)
    address = url("analytics:plan_evaluation", plan)
    assert "<textarea" in client.get(address).content.decode()
    response = client.post(address, {"lessons": "Partner pages reach far more people."})
    assert response.status_code == 302 and response.url.endswith("#lessons")
    assert Evaluation.objects.get(plan=plan).lessons == "Partner pages reach far more people."
    page = client.get(address).content.decode()
    assert "The lessons learned were saved." in page
    entry = ActivityEntry.objects.get(verb="evaluation.update")
    assert entry.params == {"plan": "Programme 2026"} and entry.actor == client.membership.user
    # Saving the same text again changes nothing and logs nothing.
    client.post(address, {"lessons": "Partner pages reach far more people."})
    assert ActivityEntry.objects.filter(verb="evaluation.update").count() == 1


def test_over_long_lessons_are_refused_and_what_was_typed_is_kept(client_as, plan):
    client = client_as(Role.EDITOR)
    text = "x" * 5001
    response = client.post(url("analytics:plan_evaluation", plan), {"lessons": text})
    assert response.status_code == 200
    assert response.context["form"].errors["lessons"]
    assert response.context["form"]["lessons"].value() == text
    assert not Evaluation.objects.exists()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.CONTRIBUTOR])
def test_below_an_editor_the_lessons_cannot_be_posted(client_as, plan, role):
    client = client_as(role)
    response = client.post(url("analytics:plan_evaluation", plan), {"lessons": "Mine"})
    assert response.status_code == 403
    assert not Evaluation.objects.exists()


def test_another_organisations_plan_is_a_404(client_as, other_org):
    theirs = PlanFactory(organization=other_org)
    client = client_as(Role.ADMIN)
    for name in ("analytics:plan_evaluation", "analytics:plan_report"):
        address = url(name, theirs).replace(f"/o/{other_org.slug}/", "/o/bib-a/", 1)
        assert client.get(address).status_code == 404
        assert client.post(address, {"lessons": "x"}).status_code == 404


def test_the_figures_of_another_organisation_stay_out(client_as, org, other_org, plan):
    theirs = ChannelFactory(organization=other_org, name="Elsewhere")
    MonthlyStatFactory(channel=theirs, month=first_of(1), views=777)
    PostStatFactory(channel=theirs, published_on=first_of(1), title="Their post")
    rollups_recompute(other_org.pk)
    page = client_as(Role.VIEWER).get(url("analytics:plan_evaluation", plan)).content.decode()
    assert "Elsewhere" not in page and "Their post" not in page


def test_the_report_prints_everything_with_org_plan_period_and_date(client_as, plan, figures):
    GoalFactory(plan=plan, metric="views", target=2400, unit="", statement="Reach 2400 views")
    EvaluationFactory(plan=plan, lessons="Block A did best.\nNext time: more video.")
    response = client_as(Role.VIEWER).get(url("analytics:plan_report", plan))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Evaluation report: Programme 2026" in page and "Bibliothèque A" in page
    assert "css/print.css" in page and "js/print.js" in page and "data-print-page" in page
    assert "Reach 2400 views" in page and "University page" in page and "Block A" in page
    assert "Block A did best." in page and "Report date" in page
    assert 'name="lessons"' not in page  # nothing to fill in on paper


@pytest.mark.parametrize("name", ["analytics:plan_evaluation", "analytics:plan_report"])
def test_the_query_count_is_the_same_for_3_and_100_goals(
    client_as, org, plan, name, django_assert_max_num_queries
):
    client = client_as(Role.EDITOR)
    address = url(name, plan)
    channels = ChannelFactory.create_batch(3, organization=org)

    def fill(n):
        for i in range(n):
            channel = channels[i % 3]
            GoalFactory(plan=plan, metric="views", channel=channel if i % 2 else None)
            PostStatFactory(channel=channel, published_on=first_of(1) + timedelta(days=i % 20))
        rollups_recompute(org.pk)

    client.get(address)
    fill(3)
    with CaptureQueriesContext(connection) as small:
        assert client.get(address).status_code == 200
    fill(97)
    with django_assert_max_num_queries(len(small)):
        response = client.get(address)
    assert len(response.context["data"].goals) == 100


def test_the_period_comes_from_the_plan_else_its_goals_else_the_last_twelve_months(org):
    today = date(2026, 5, 20)
    plan = PlanFactory(organization=org, starts_on=None, ends_on=None)
    period = plan_period(plan, [], today=today)
    assert (period.first_month, period.last_month) == (date(2025, 5, 1), date(2026, 5, 1))
    goal = GoalFactory(plan=plan, starts_on=date(2026, 2, 3), deadline=date(2026, 8, 31))
    period = plan_period(plan, [goal], today=today)
    assert (period.starts_on, period.ends_on) == (date(2026, 2, 3), date(2026, 8, 31))


def test_kind_totals_share_the_views():
    from analytics.selectors.evaluation import ChannelPerformance

    totals = kind_totals(
        [ChannelPerformance(1, "A", "Facebook", "own", views=None, interactions=3)]
    )
    assert [(t.kind, t.views, t.share, t.engagement_rate) for t in totals] == [
        ("own", 0, 0, None),
        ("partner", 0, 0, None),
    ]


def test_evaluation_save_creates_then_updates_one_row(plan, member):
    editor = member(Role.EDITOR).user
    first = evaluation_save(plan=plan, lessons="One", actor=editor)
    second = evaluation_save(plan=plan, lessons="Two", actor=editor)
    assert first.pk == second.pk and Evaluation.objects.get().lessons == "Two"
    assert second.updated_by == editor


def test_step_7_on_the_plan_page_counts_measured_goals_and_the_lessons(client_as, plan, figures):
    own, _partner = figures
    client = client_as(Role.VIEWER)
    GoalFactory(plan=plan, metric="views", channel=own, starts_on=plan.starts_on)
    GoalFactory(plan=plan, metric="events_created")
    page = client.get(url("planner:plan_detail", plan)).content.decode()
    assert "1 goal measured, no lessons learned yet" in page
    assert url("analytics:plan_evaluation", plan) in page
    EvaluationFactory(plan=plan, lessons="Video works.")
    page = client.get(url("planner:plan_detail", plan)).content.decode()
    assert "1 goal measured, lessons learned written" in page
    assert page.count('data-step-state="complete"') >= 1 and "Video works." in page


def test_a_goal_without_figures_in_its_period_is_not_counted_as_measured(client_as, plan, figures):
    own, _partner = figures
    GoalFactory(
        plan=plan, metric="views", channel=own, starts_on=first_of(12), deadline=first_of(10)
    )
    page = client_as(Role.VIEWER).get(url("planner:plan_detail", plan)).content.decode()
    assert "No goal measured yet" in page


def test_the_goal_page_shows_baseline_current_target_bar_and_status(client_as, plan, figures):
    own, _partner = figures
    goal = GoalFactory(
        plan=plan,
        metric="views",
        channel=own,
        baseline=0,
        target=600,
        unit="views",
        starts_on=plan.starts_on,
    )
    response = client_as(Role.VIEWER).get(url("planner:goal_detail", plan, goal_pk=goal.pk))
    page = response.content.decode()
    progress = response.context["progress"]
    assert (progress.current, progress.percent) == (300, 50)
    assert 'role="progressbar"' in page and 'aria-valuenow="50"' in page and "pw-50" in page
    assert progress.label in page and "css/progress.css" in page
    assert url("analytics:plan_evaluation", plan) in page  # every goal of the plan
    assert plan_evaluation(org=plan.organization, plan=plan).goals[0].progress == progress
