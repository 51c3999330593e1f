"""Step 2 in the browser: an editor builds the cascade, writes a SMART goal from the deck's
template and watches the live checklist turn green; screenshots in French and English, on a
desktop and a phone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from planner.models import Goal, Objective
from planner.services.objectives import goal_template_apply
from platforms.services.catalogue import catalogue_load
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory, PlanFactory

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)

DEVICES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
NO_OVERFLOW = """() => [...document.querySelectorAll('main *')]
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1).length"""


@pytest.fixture
def editor(transactional_db):
    catalogue_load()
    org = OrganizationFactory(name="Bibliothèque du Parc", slug="parc", language="en")
    return MembershipFactory(
        organization=org, role=Role.EDITOR, user__first_name="Léa", user__last_name="Martin"
    )


@pytest.fixture
def plan(editor):
    today = timezone.localdate()
    return PlanFactory(
        organization=editor.organization,
        title="Programmation 2027",
        starts_on=today - timedelta(days=10),
        ends_on=today + timedelta(days=300),
    )


def set_language(page, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": page.base_url}])


def test_an_editor_builds_the_cascade_and_a_goal_from_the_template(page, editor, plan):
    set_language(page, "en")
    login(page, editor.user.email, PASSWORD)
    cascade = reverse("planner:objectives", args=[plan.organization.slug, plan.pk])
    page.goto(page.base_url + cascade)
    expect(page.locator(".cascade-empty")).to_contain_text("No objectives yet")

    page.get_by_role("link", name="Add an organisational objective").click()
    page.fill("input[name=title]", "Bring families to the library")
    page.get_by_role("button", name="Add the objective").click()
    expect(page.locator(".alert-success, .alert")).to_contain_text("was saved")

    page.get_by_role("link", name="Marketing objective — Bring families to the library").click()
    expect(page.locator("select[name=level]")).to_have_value("marketing")
    page.fill("input[name=title]", "Promote the programmes")
    page.get_by_role("button", name="Add the objective").click()

    page.get_by_role("link", name="Social-media objective — Promote the programmes").click()
    page.fill("input[name=title]", "Promote each programme with Facebook events")
    page.get_by_role("button", name="Add the objective").click()
    levels = page.locator(".cascade .level-label")
    expect(levels).to_have_count(3)

    page.get_by_role(
        "link", name="SMART goal — Promote each programme with Facebook events"
    ).click()
    page.locator("[data-template=facebook_events]").click()
    expect(page.locator("textarea[name=statement]")).to_have_value(
        "Create 5 events a month on Facebook"
    )
    checklist = page.locator("#smart-checklist")
    expect(checklist).to_contain_text("4 of 5 criteria met")
    expect(checklist.locator("[data-letter=A]")).to_contain_text("Give a baseline")

    # Typing the baseline re-checks the goal over htmx: the list turns green, and screen
    # readers hear one sentence, not the list.
    page.fill("input[name=baseline]", "2")
    expect(checklist).to_contain_text("5 of 5 criteria met")
    expect(page.locator("#smart-status")).to_have_text("5 of 5 SMART criteria met")
    expect(checklist.locator(".smart-item.is-met")).to_have_count(5)
    # A target equal to the baseline turns M red again, with its reason.
    page.fill("input[name=target]", "2")
    expect(checklist.locator("[data-letter=M]")).to_contain_text("equals the baseline")
    page.fill("input[name=target]", "5")
    expect(checklist).to_contain_text("5 of 5 criteria met")
    assert not Goal.objects.exists()  # the checks saved nothing

    page.get_by_role("button", name="Save the goal").click()
    expect(page.locator("h1")).to_have_text("Create 5 events a month on Facebook")
    # Events are counted outside Vitrine's statistics: the page says so rather than "0 %".
    expect(page.locator("#goal-progress")).to_contain_text("Not measured by Vitrine")
    goal = Goal.objects.get()
    assert (goal.baseline, goal.target, goal.platform.code) == (2, 5, "facebook")
    assert goal.objective.parent.parent.level == Objective.Level.ORGANISATION
    assert not page.js_errors


@pytest.mark.parametrize("language", ["fr", "en"])
def test_screenshots_of_step_2(page, editor, plan, screenshot, language):
    goal_template_apply(plan=plan, actor=editor.user)
    goal = Goal.objects.filter(plan=plan).first()
    Goal.objects.filter(pk=goal.pk).update(status="submitted", baseline=2)
    slug = plan.organization.slug
    pages = {
        "cascade": reverse("planner:objectives", args=[slug, plan.pk]),
        "goal_form": reverse("planner:goal_create", args=[slug, plan.pk])
        + f"?objective={goal.objective_id}&template=instagram_posts",
        "goal_detail": reverse("planner:goal_detail", args=[slug, plan.pk, goal.pk]),
    }
    set_language(page, language)
    login(page, editor.user.email, PASSWORD)
    for device, viewport in DEVICES.items():
        page.set_viewport_size(viewport)
        for name, address in pages.items():
            page.goto(page.base_url + address)
            assert page.evaluate(NO_OVERFLOW) == 0, f"{name} overflows on a {device}"
            screenshot(page, f"step2-{name}-{language}-{device}")
    page.goto(page.base_url + reverse("planner:objectives", args=[slug, empty_plan(editor)]))
    screenshot(page, f"step2-cascade-empty-{language}-desktop", width=1280)
    assert not page.js_errors


def empty_plan(editor) -> int:
    return PlanFactory(organization=editor.organization, title="Plan vide").pk
