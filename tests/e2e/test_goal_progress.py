"""Step 7 in the browser: a manager opens a plan's evaluation page and sees a goal's progress;
a contributor's figures arrive; the reload shows the progress moved. Screenshots of the
evaluation page and of the report as printed; both pass axe."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from analytics.models import MonthlyStat
from analytics.tasks import rollups_refresh_on_commit
from platforms.services.catalogue import catalogue_load
from tests.factories import (
    PASSWORD,
    ChannelFactory,
    EvaluationFactory,
    GoalFactory,
    MembershipFactory,
    MonthlyStatFactory,
    OrganizationFactory,
    PlanFactory,
    PostStatFactory,
)

from .conftest import login
from .test_accessibility import Audit

pytestmark = pytest.mark.django_db(transaction=True)


def months_ago(n: int) -> date:
    day = timezone.localdate().replace(day=1)
    for _ in range(n):
        day = (day - timedelta(days=1)).replace(day=1)
    return day


@pytest.fixture
def setting(transactional_db):
    """A library with its own page and the university's, a plan of six months with two
    measured goals, three months of figures and the seed's three posts."""
    catalogue_load()
    org = OrganizationFactory(name="Bibliothèque universitaire", slug="bu", language="en")
    manager = MembershipFactory(organization=org, role=Role.MANAGER, user__first_name="Inès")
    contributor = MembershipFactory(organization=org, role=Role.CONTRIBUTOR)
    own = ChannelFactory(organization=org, name="BU Facebook", platform__name="Facebook")
    partner = ChannelFactory(
        organization=org, name="University Facebook", kind="partner", platform=own.platform
    )
    today = timezone.localdate()
    plan = PlanFactory(
        organization=org,
        title="Welcome week 2026",
        starts_on=months_ago(3),
        ends_on=today + timedelta(days=90),
    )
    GoalFactory(
        plan=plan,
        statement="Reach 6,000 views on our own page",
        metric="views",
        channel=own,
        baseline=0,
        target=6000,
        unit="views",
        starts_on=plan.starts_on,
        deadline=plan.ends_on,
    )
    GoalFactory(
        plan=plan,
        statement="Publish 8 posts a month",
        metric="posts_published",
        baseline=2,
        target=8,
        unit="posts a month",
        starts_on=plan.starts_on,
        deadline=plan.ends_on,
    )
    for n, views in ((3, 900), (2, 1100)):
        MonthlyStatFactory(
            channel=own, month=months_ago(n), views=views, interactions=60, posts_published=6
        )
        MonthlyStatFactory(
            channel=partner, month=months_ago(n), views=4200, interactions=95, posts_published=2
        )
    for title, channel, views, watch in (
        ("Block A: the reading rooms", partner, 3500, 41),
        ("Block B: borrowing", own, 420, 35),
        ("Block C: the study spaces", partner, 2900, 52),
    ):
        PostStatFactory(
            channel=channel,
            published_on=months_ago(2) + timedelta(days=4),
            title=title,
            format="video",
            views=views,
            interactions=views // 40,
            avg_watch_seconds=watch,
        )
    EvaluationFactory(
        plan=plan,
        lessons="The university's page reached ten times more people.\nNext term: video first.",
    )
    rollups_refresh_on_commit(org)
    return plan, own, manager, contributor


def test_a_manager_sees_a_goals_progress_move_when_figures_arrive(page, setting, screenshot):
    plan, own, manager, contributor = setting
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])
    login(page, manager.user.email, PASSWORD)
    evaluation = reverse("analytics:plan_evaluation", args=[plan.organization.slug, plan.pk])
    page.goto(page.base_url + evaluation)
    row = page.locator("tr", has_text="Reach 6,000 views on our own page")
    bar = row.get_by_role("progressbar")
    # 900 + 1,100 of 6,000 views.
    expect(bar).to_have_attribute("aria-valuenow", "33")
    expect(row).to_contain_text("33 %")
    expect(page.locator("[data-kind=partner]")).to_contain_text("8,400")
    screenshot(page, "evaluation-before")

    # The contributor enters last month's figure (the grid's service writes the same row and
    # asks for the rollups the same way).
    MonthlyStat.objects.create(
        organization=plan.organization,
        channel=own,
        month=months_ago(1),
        views=2000,
        interactions=150,
        posts_published=7,
        updated_by=contributor.user,
    )
    rollups_refresh_on_commit(plan.organization)

    page.reload()
    expect(bar).to_have_attribute("aria-valuenow", "67")
    expect(row).to_contain_text("4,000")
    expect(row.locator("[data-progress-status]")).to_have_attribute(
        "data-progress-status", "on_track"
    )
    screenshot(page, "evaluation")

    audit = Audit("en")
    audit.run(page, "plan_evaluation (populated)")
    page.get_by_role("link", name="Printable report").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome week 2026")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    audit.run(page, "plan_report (populated)")
    assert not audit.failures, "\n".join(audit.failures)
    screenshot(page, "evaluation-report")
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(page.locator(".sidebar")).to_be_hidden()
    expect(page.locator("main")).to_contain_text("Block A: the reading rooms")
    expect(page.locator("main")).to_contain_text("video first")
    screenshot(page, "evaluation-report-print")
    assert page.js_errors == []


def test_the_evaluation_and_the_report_pass_axe_in_french(page, setting):
    plan, _own, manager, _contributor = setting
    page.context.add_cookies([{"name": "django_language", "value": "fr", "url": page.base_url}])
    login(page, manager.user.email, PASSWORD)
    audit = Audit("fr")
    for name in ("analytics:plan_evaluation", "analytics:plan_report"):
        page.goto(page.base_url + reverse(name, args=[plan.organization.slug, plan.pk]))
        audit.run(page, name)
    assert not audit.failures, "\n".join(audit.failures)
