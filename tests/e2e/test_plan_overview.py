"""The plan overview with steps 1–3 filled: each step's state, summary and what is left; a
manager approves the plan; screenshots in French and English, desktop and phone."""

import datetime

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from planner.models import Plan
from platforms.models import Platform, PlatformChoice
from platforms.services.catalogue import catalogue_load
from platforms.services.plan import choice_save
from tests.factories import (
    PASSWORD,
    BenefitRiskFactory,
    GoalFactory,
    MembershipFactory,
    ObjectiveFactory,
    OrganizationFactory,
    PlanFactory,
)
from tests.helpers import save_audience

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def plan(transactional_db):
    catalogue_load()
    org = OrganizationFactory(name="Bibliothèque du Parc", slug="parc")
    manager = MembershipFactory(
        organization=org, role=Role.MANAGER, user__first_name="Mathieu", user__last_name="Roy"
    )
    plan = PlanFactory(
        organization=org,
        title="Programmation 2027",
        description="Faire connaître la programmation jeunesse aux familles du quartier.",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        owner=manager.user,
        status=Plan.Status.IN_REVIEW,
    )
    for title in ("Visibilité", "Réputation", "Trafic web", "Rétroaction"):
        BenefitRiskFactory(plan=plan, kind="benefit", title=title, likelihood=None, impact=None)
    BenefitRiskFactory(plan=plan, title="Manque de temps", likelihood=4, impact=4)
    BenefitRiskFactory(plan=plan, title="Commentaires négatifs", likelihood=3, impact=2)
    BenefitRiskFactory(plan=plan, title="Piratage du compte", likelihood=2, impact=5, mitigation="")
    social = ObjectiveFactory(plan=plan, title="Promouvoir les programmes jeunesse")
    for status in ("approved", "approved", "submitted", "submitted", "changes_requested"):
        GoalFactory(
            plan=plan,
            objective=social,
            status=status,
            starts_on=datetime.date(2027, 1, 1),
            deadline=datetime.date(2027, 6, 30),
        )
    save_audience(plan, manager.user, [("Familles", 30, 45, 2), ("Enfants", 6, 11, 1)], ["image"])
    choice_save(
        plan=plan,
        platform=Platform.objects.get(code="facebook"),
        priority=PlatformChoice.Priority.PRIMARY,
        rationale="Les parents du quartier y suivent nos événements.",
        actor=manager.user,
    )
    plan.manager = manager
    return plan


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("width", [1280, 390])
def test_plan_overview_shows_each_steps_state(page, plan, screenshot, language, width):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": page.base_url}])
    page.set_viewport_size({"width": width, "height": 900})
    login(page, plan.manager.user.email, PASSWORD)
    page.goto(page.base_url + plan.get_absolute_url())
    states = page.locator("[data-step-state]")
    expect(states).to_have_count(7)
    expect(states.nth(0)).to_have_attribute("data-step-state", "in_progress")
    expect(states.nth(1)).to_have_attribute("data-step-state", "in_progress")
    expect(states.nth(2)).to_have_attribute("data-step-state", "complete")
    expect(states.nth(3)).to_have_attribute("data-step-state", "unavailable")
    expect(page.locator("[data-next-step]")).to_have_attribute("data-next-step", "benefits")
    summary = {
        "en": "4 benefits, 3 risks (2 high, 1 without mitigation)",
        "fr": "4 avantages, 3 risques (2 élevés, 1 sans mesure d’atténuation)",
    }[language]
    expect(states.nth(0)).to_contain_text(summary)
    screenshot(page, f"plan-overview-{language}-{width}")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.js_errors == []


def test_manager_requests_changes_then_approves_from_the_plan_page(page, plan):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])
    login(page, plan.manager.user.email, PASSWORD)
    page.goto(page.base_url + plan.get_absolute_url())
    review = page.locator("section.plan-review")
    review.get_by_role("button", name="Request changes").click()
    expect(page.locator(".toast, .alert").first).to_contain_text("Say why in a comment.")
    page.get_by_label("Comment (required to request changes)").fill("Add a mitigation.")
    page.get_by_role("button", name="Request changes").click()
    expect(page.locator("h1 .badge")).to_have_text("Draft")
    expect(page.locator("#history-title")).to_be_visible()
    page.get_by_role("button", name="Submit for review").click()
    page.locator("section.plan-review").get_by_role("button", name="Approve").click()
    expect(page.locator("h1 .badge")).to_have_text("Approved")
    plan.refresh_from_db()
    assert plan.status == Plan.Status.APPROVED
    assert page.js_errors == []
