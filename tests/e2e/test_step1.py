"""Step 1 of a plan in the browser: three suggested benefits, a risk rated, the heat map."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from accounts.models import Role
from planner.models import BenefitRisk
from planner.services.benefits import (
    benefit_risk_add_suggestion,
    benefit_risk_create,
    benefit_risk_update,
)
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory, PlanFactory

from .conftest import login
from .test_accessibility import Audit

pytestmark = pytest.mark.django_db(transaction=True)

DEVICES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
WORDS = {
    "en": {"visibility": "Visibility", "web_traffic": "Web traffic", "feedback": "Feedback"},
    "fr": {"visibility": "Visibilité", "web_traffic": "Trafic web", "feedback": "Rétroaction"},
}


@pytest.fixture
def editor(transactional_db):
    org = OrganizationFactory(name="Bibliothèque du Parc", slug="parc", language="en")
    return MembershipFactory(
        organization=org, role=Role.EDITOR, user__first_name="Ana", user__last_name="Roy"
    )


@pytest.fixture
def plan(editor):
    return PlanFactory(organization=editor.organization, title="Programmation 2027")


def open_register(page, plan, language="en"):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": page.base_url}])
    kwargs = {"org_slug": plan.organization.slug, "plan_pk": plan.pk}
    page.goto(page.base_url + reverse("planner:benefits", kwargs=kwargs))


def heat_cell(page, likelihood: int, impact: int):
    # Rows run from likelihood 5 down to 1; the first cell of a row is its header.
    row = page.locator("table.heat-map tbody tr").nth(5 - likelihood)
    return row.locator("td").nth(impact - 1)


def test_editor_adds_three_benefits_and_rates_a_risk_seen_on_the_heat_map(
    page, editor, plan, screenshot
):
    login(page, editor.user.email, PASSWORD)
    open_register(page, plan)
    expect(page.locator("#benefits .empty-state")).to_be_visible()
    expect(page.locator("#risks .empty-state")).to_be_visible()

    # Three one-click benefits, swapped in place by htmx (the URL does not change).
    for code, label in WORDS["en"].items():
        page.locator(f"#benefits button.suggestion[value='{code}']").click()
        expect(page.locator("#benefits .register-list")).to_contain_text(label)
        expect(page.locator(f"#benefits button.suggestion[value='{code}']")).to_have_count(0)
    expect(page.locator("#benefits .register-list li")).to_have_count(3)
    expect(page.locator("#toasts")).to_contain_text("Feedback")
    assert list(BenefitRisk.objects.filter(plan=plan).values_list("suggestion", flat=True)) == list(
        WORDS["en"]
    )

    # A suggested risk opens its form, at 3 × 3, to be rated.
    page.locator("#risks button.suggestion[value='hacking']").click()
    page.wait_for_url(re.compile(r"/benefits/\d+/edit/$"))
    expect(page.locator("select[name=likelihood]")).to_have_value("3")
    page.select_option("select[name=likelihood]", "4")
    page.select_option("select[name=impact]", "5")
    page.fill("textarea[name=mitigation]", "Two-factor authentication on every account.")
    page.select_option("select[name=owner]", str(editor.user.pk))
    screenshot(page, "step1-risk-form-en-desktop")
    page.locator("form:has(select[name=likelihood]) [type=submit]").click()
    page.wait_for_url(re.compile(r"/benefits/(#risks)?$"))

    risk = page.locator("#risks tbody tr")
    expect(risk).to_have_count(1)
    expect(risk).to_contain_text("Hacking")
    expect(risk).to_contain_text("Critical · 20")
    expect(risk).to_contain_text("Ana Roy")
    cell = heat_cell(page, 4, 5)
    expect(cell).to_contain_text("1 risk")
    expect(cell.get_by_role("link", name="Hacking")).to_be_visible()
    expect(heat_cell(page, 3, 3)).not_to_contain_text("Hacking")
    assert page.js_errors == []


def test_suggestions_work_without_javascript(browser, live_server, editor, plan):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.base_url = live_server.url
    login(page, editor.user.email, PASSWORD)
    open_register(page, plan)
    page.locator("#benefits button.suggestion[value='visibility']").click()
    expect(page.locator("#benefits .register-list")).to_contain_text("Visibility")
    expect(page.locator(".alert-success")).to_contain_text("Visibility")
    context.close()


def add_realistic_register(plan, user) -> None:
    for code in ("visibility", "reputation", "web_traffic", "feedback", "free"):
        benefit_risk_add_suggestion(plan=plan, kind="benefit", code=code, actor=user)
    ratings = {"time": (4, 3), "negative_comments": (3, 3), "hacking": (2, 5), "crisis": (1, 5)}
    for code, (likelihood, impact) in ratings.items():
        item = benefit_risk_add_suggestion(plan=plan, kind="risk", code=code, actor=user)
        benefit_risk_update(
            item=item,
            actor=user,
            title="",
            why=item.why,
            likelihood=likelihood,
            impact=impact,
            mitigation="" if code == "crisis" else "Deux personnes publient et répondent.",
            owner=None if code == "crisis" else user,
            review_on=date(2027, 6, 30),
        )
    benefit_risk_create(
        plan=plan,
        kind="risk",
        actor=user,
        title="Photos d’enfants sans consentement",
        why="Nos heures du conte sont populaires sur Facebook.",
        likelihood=3,
        impact=4,
        mitigation="Formulaire de consentement à l’accueil ; aucun visage sans lui.",
        owner=user,
        review_on=None,
    )


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("device", DEVICES)
def test_the_register_and_heat_map_on_realistic_data(
    page, editor, plan, screenshot, device, language
):
    # The hints become the lines' first "why", in the language of whoever added them.
    with translation.override(language):
        add_realistic_register(plan, editor.user)
    page.set_viewport_size(DEVICES[device])
    login(page, editor.user.email, PASSWORD)
    open_register(page, plan, language)
    for label in WORDS[language].values():
        expect(page.locator("#benefits .register-list")).to_contain_text(label)
    expect(page.locator("#risks tbody tr")).to_have_count(5)
    expect(page.locator("table.heat-map tbody td")).to_have_count(25)
    screenshot(page, f"step1-register-{language}-{device}")
    # The accessibility gate walks an empty register; this one has a heat map full of links.
    audit = Audit(language)
    audit.run(page, "register (populated)")
    assert audit.failures == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    assert page.js_errors == []
