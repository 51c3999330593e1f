"""From the organisation home to the plan being worked on, and on to its step 3."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import Role
from platforms.models import Platform, PlatformChoice
from platforms.services.catalogue import catalogue_load
from platforms.services.plan import choice_save
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory, PlanFactory
from tests.helpers import complete_steps_1_and_2, save_audience

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)

LONG_RATIONALE = " ".join(["Teenagers of the district follow short videos after school."] * 6)


@pytest.fixture
def editor(transactional_db):
    catalogue_load()
    org = OrganizationFactory(name="Bibliothèque du Parc", slug="parc", language="en")
    return MembershipFactory(organization=org, role=Role.EDITOR)


@pytest.fixture
def plan(editor):
    PlanFactory(organization=editor.organization, title="An older plan")
    return PlanFactory(organization=editor.organization, title="Programmation 2027")


def test_editor_continues_the_plan_from_home_then_opens_its_step_3(page, editor, plan):
    login(page, editor.user.email, PASSWORD)
    assert page.url.endswith("/o/parc/")
    current = page.locator("section[aria-labelledby=continue-title]")
    expect(current.get_by_role("heading", name="Programmation 2027")).to_be_visible()
    expect(current.locator(".other-plans")).to_contain_text("An older plan")

    current.get_by_role("link", name="Open the plan").click()
    page.wait_for_url(re.compile(rf"/plans/{plan.pk}/$"))
    # Nothing in the plan yet: step 1 comes first.
    expect(page.locator("[data-next-step]")).to_have_attribute("data-next-step", "benefits")

    page.go_back()
    step3 = page.locator("article.step-card", has_text="Step 3")
    step3.get_by_role("link", name="Platforms").click()
    kwargs = {"org_slug": "parc", "plan_pk": plan.pk}
    expect(page).to_have_url(page.base_url + reverse("platforms:plan_platforms", kwargs=kwargs))
    expect(page.locator("#audience-form")).to_be_visible()

    page.go_back()  # The organisation-wide matrix stays one click away, above the card's link.
    step3.get_by_role("link", name="Selection matrix").click()
    expect(page).to_have_url(page.base_url + reverse("platforms:matrix", args=["parc"]))
    assert page.js_errors == []


@pytest.mark.parametrize("width", [1366, 390])
def test_plan_page_shows_the_choices_and_the_full_rationale_on_demand(
    page, editor, plan, screenshot, width
):
    complete_steps_1_and_2(plan)
    save_audience(plan, editor.user, [("Teenagers", 13, 17, 1)], ["video"])
    choice_save(
        plan=plan,
        platform=Platform.objects.get(code="youtube"),
        priority=PlatformChoice.Priority.TRIAL,
        rationale=LONG_RATIONALE,
        actor=editor.user,
    )
    page.set_viewport_size({"width": width, "height": 900})
    login(page, editor.user.email, PASSWORD)
    expect(page.locator(".next-step-line")).to_have_attribute("data-next-step", "content")
    screenshot(page, f"home-continue-{width}")
    page.locator("section[aria-labelledby=continue-title]").get_by_role(
        "link", name="Open the plan"
    ).click()

    chosen = page.locator(".chosen-platform")
    expect(chosen).to_have_count(1)
    expect(chosen.locator(".priority-3")).to_be_visible()
    expect(chosen.locator(".bi-youtube")).to_be_attached()
    full = chosen.locator(".rationale-full")
    expect(full).to_be_hidden()
    chosen.locator("summary").click()
    expect(full).to_be_visible()
    expect(chosen.locator(".rationale-short")).to_be_hidden()
    expect(page.locator("[data-next-step]")).to_contain_text("coming in a future version")
    screenshot(page, f"plan-detail-{width}")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.js_errors == []
