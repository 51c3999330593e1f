"""The key journey of #16 in the browser, in French and in English: an editor writes a SMART
goal from the deck's template and submits it; the manager, told by the bell, finds it in the
review queue and requests changes with a comment; the editor, told in turn, reads the comment,
fixes the target and resubmits; the manager approves, and the timeline, the badge and the plan
overview say so. Then screenshots of the pages of the journey, desktop and phone."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Membership, Notification, Role
from planner.models import Goal, GoalTransition
from planner.services.review import goal_review
from platforms.services.catalogue import catalogue_load
from tests.factories import (
    PASSWORD,
    BenefitRiskFactory,
    GoalFactory,
    MembershipFactory,
    ObjectiveFactory,
    OrganizationFactory,
    PlanFactory,
)

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)

DEVICES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
NO_OVERFLOW = """() => [...document.querySelectorAll('main *')]
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1).length"""
NBSP = "\u00a0"
COMMENT = "Visez 8 événements : 5, c'est ce que nous faisons déjà."

#: What each step must read on the page, in each language (French with its typography).
WORDS = {
    "en": {
        "statement": "Create 5 events a month on Facebook",
        "template_loaded": "Example “Create 5 events a month on Facebook” loaded",
        "all_met": "5 of 5 criteria met",
        "submitted": "Submitted for review",
        "changes_requested": "Changes requested",
        "approved": "Approved",
        "one_unread": "1 unread notification",
        "none_unread": "Notifications, none unread",
        "say_why": "Say why in a comment.",
        "was_submitted": "The goal was submitted for review.",
        "changes_done": "Changes were requested; the author was told.",
        "was_approved": "The goal was approved.",
        "told_changes": "Mathieu Roy requested changes to the goal “Create 5 events a month",
        "told_approved": "Mathieu Roy approved the goal “Create 5 events a month",
        "step2_summary": "1 goal: 1 approved",
    },
    "fr": {
        "statement": "Créer 5 événements par mois sur Facebook",
        "template_loaded": f"Exemple «{NBSP}Créer 5 événements par mois sur Facebook{NBSP}» chargé",
        "all_met": "5 critères remplis sur 5",
        "submitted": "Soumis pour validation",
        "changes_requested": "Modifications demandées",
        "approved": "Approuvé",
        "one_unread": "1 notification non lue",
        "none_unread": "Notifications, aucune non lue",
        "say_why": "Dites pourquoi dans un commentaire.",
        "was_submitted": "L’objectif a été soumis à validation.",
        "changes_done": f"Des modifications ont été demandées{NBSP}; l’auteur",
        "was_approved": "L’objectif a été approuvé.",
        "told_changes": f"Mathieu Roy demande des modifications de l’objectif «{NBSP}Créer 5",
        "told_approved": f"Mathieu Roy a approuvé l’objectif «{NBSP}Créer 5",
        "step2_summary": f"1 objectif SMART{NBSP}: 1 approuvé",
    },
}


@pytest.fixture
def team(transactional_db):
    """An organisation with an editor, a manager and a plan whose cascade reaches a
    social-media objective (Facebook events), ready for a SMART goal."""
    catalogue_load()
    org = OrganizationFactory(name="Bibliothèque du Parc", slug="parc")
    editor = MembershipFactory(
        organization=org, role=Role.EDITOR, user__first_name="Léa", user__last_name="Martin"
    )
    manager = MembershipFactory(
        organization=org, role=Role.MANAGER, user__first_name="Mathieu", user__last_name="Roy"
    )
    today = timezone.localdate()
    plan = PlanFactory(
        organization=org,
        title="Programmation 2027",
        starts_on=today - timedelta(days=10),
        ends_on=today + timedelta(days=300),
        owner=manager.user,
    )
    social = ObjectiveFactory(plan=plan, title="Promouvoir chaque programme par Facebook")
    social.parent.title = "Faire connaître les programmes"
    social.parent.save()
    social.parent.parent.title = "Amener les familles à la bibliothèque"
    social.parent.parent.save()
    return {"org": org, "editor": editor, "manager": manager, "plan": plan, "social": social}


def open_as(browser, live_server, member: Membership, language: str):
    """A logged-in page of its own browser context (its own cookies) in ``language``."""
    context = browser.new_context(viewport=DEVICES["desktop"], locale="fr-CA")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = live_server.url
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    login(page, member.user.email, PASSWORD)
    return page


def bell(page):
    return page.locator(".notification-bell")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_goal_goes_from_the_template_through_changes_to_approval(
    browser, live_server, team, language
):
    words = WORDS[language]
    plan, social = team["plan"], team["social"]
    slug = team["org"].slug
    editor = open_as(browser, live_server, team["editor"], language)
    manager = open_as(browser, live_server, team["manager"], language)
    try:
        # 1. The editor opens the goal form from the cascade, loads the deck's template, sees
        #    the checklist, gives a baseline, saves, and submits the goal from its page.
        editor.goto(live_server.url + reverse("planner:objectives", args=[slug, plan.pk]))
        editor.locator(f"#objective-{social.pk} a[href*='/goals/add/']").click()
        editor.locator("[data-template=facebook_events]").click()
        expect(editor.locator("#template-loaded")).to_contain_text(words["template_loaded"])
        expect(editor.locator("textarea[name=statement]")).to_have_value(words["statement"])
        checklist = editor.locator("#smart-checklist")
        expect(checklist.locator("[data-letter=A]:not(.is-met)")).to_have_count(1)
        editor.fill("input[name=baseline]", "2")
        expect(checklist).to_contain_text(words["all_met"])
        expect(checklist.locator(".smart-item.is-met")).to_have_count(5)
        editor.locator("#save-goal").click()
        expect(editor.locator("h1")).to_have_text(words["statement"])
        goal = Goal.objects.get(plan=plan)
        assert (goal.baseline, goal.target, goal.objective_id) == (2, 5, social.pk)

        panel = editor.locator(f"#review-{goal.pk}")
        panel.locator("button[value=submit]").click()
        expect(editor.locator(".messages")).to_contain_text(words["was_submitted"])
        expect(panel.locator(".goal-status")).to_have_text(words["submitted"])

        # 2. The manager is told by the bell, finds the goal in the queue, tries to request
        #    changes without saying why (refused, the goal still awaits), then says why.
        manager.goto(live_server.url + reverse("planner:review_queue", args=[slug]))
        expect(bell(manager)).to_have_attribute("aria-label", words["one_unread"])
        expect(bell(manager).locator(".notification-count")).to_have_text("1")
        card = manager.locator(".review-queue li", has_text=words["statement"])
        expect(card.locator(".goal-status")).to_have_text(words["submitted"])
        card.locator("a.btn").click()
        manager.wait_for_url(re.compile(rf"/goals/{goal.pk}/"))
        review = manager.locator(f"#review-{goal.pk}")
        review.locator("button[value=request_changes]").click()
        expect(manager.locator(".alert-danger")).to_contain_text(words["say_why"])
        expect(review.locator(".goal-status")).to_have_text(words["submitted"])
        assert Goal.objects.get(pk=goal.pk).status == Goal.Status.SUBMITTED
        review.locator("textarea[name=comment]").fill(COMMENT)
        review.locator("button[value=request_changes]").click()
        expect(manager.locator(".messages")).to_contain_text(words["changes_done"])
        expect(review.locator(".goal-status")).to_have_text(words["changes_requested"])
        expect(review.locator(".review-comment")).to_have_text(COMMENT)

        # 3. The editor hears of it, opens the notification (read from then on), reads the
        #    comment in the timeline, raises the target and resubmits.
        editor.reload()
        expect(bell(editor)).to_have_attribute("aria-label", words["one_unread"])
        bell(editor).click()
        notification = editor.locator(".notification-list li").first
        expect(notification).to_contain_text(words["told_changes"])
        expect(notification).to_contain_text(COMMENT)
        notification.locator(".notification-link").click()
        editor.wait_for_url(re.compile(rf"/goals/{goal.pk}/"))
        expect(bell(editor)).to_have_attribute("aria-label", words["none_unread"])
        assert Notification.objects.get(recipient=team["editor"].user).read_at is not None
        panel = editor.locator(f"#review-{goal.pk}")
        expect(panel.locator(".review-comment")).to_have_text(COMMENT)
        expect(panel.locator(".review-step").last).to_contain_text("Mathieu Roy")
        editor.locator(f"a[href$='/goals/{goal.pk}/edit/']").click()
        editor.fill("input[name=target]", "8")
        expect(editor.locator("#smart-checklist")).to_contain_text(words["all_met"])
        editor.locator("#save-goal").click()
        expect(editor.locator("h1")).to_have_text(words["statement"])
        expect(editor.locator("#goal-progress")).to_be_visible()
        assert Goal.objects.get(pk=goal.pk).target == 8
        panel.locator("button[value=submit]").click()
        expect(editor.locator(".messages")).to_contain_text(words["was_submitted"])
        expect(panel.locator(".goal-status")).to_have_text(words["submitted"])

        # 4. The manager, told again, approves from the queue's goal; every step is in the
        #    timeline with who and when, and the plan's step 2 is complete.
        manager.goto(live_server.url + reverse("planner:review_queue", args=[slug]))
        expect(bell(manager)).to_have_attribute("aria-label", words["one_unread"])
        manager.locator(".review-queue li", has_text=words["statement"]).locator("a.btn").click()
        manager.wait_for_url(re.compile(rf"/goals/{goal.pk}/"))
        expect(manager.locator(".goal-fields .goal-target")).to_have_text("8")
        review.locator("button[value=approve]").click()
        expect(manager.locator(".messages")).to_contain_text(words["was_approved"])
        expect(review.locator(".goal-status")).to_have_text(words["approved"])
        # Deciding answered the notification that asked for it: the bell is quiet.
        expect(bell(manager)).to_have_attribute("aria-label", words["none_unread"])
        steps = review.locator(".review-step")
        expect(steps).to_have_count(4)
        for n, who in enumerate(["Léa Martin", "Mathieu Roy", "Léa Martin", "Mathieu Roy"]):
            expect(steps.nth(n)).to_contain_text(who)
            expect(steps.nth(n).locator("time")).to_have_attribute("datetime", re.compile(r"^\d"))
        expect(review.locator(".review-comment")).to_have_count(1)
        history = GoalTransition.objects.filter(goal=goal).order_by("pk")
        assert list(history.values_list("transition", flat=True)) == [
            "submit",
            "request_changes",
            "submit",
            "approve",
        ]

        manager.goto(live_server.url + plan.get_absolute_url())
        step2 = manager.locator("[data-step-state]").nth(1)
        expect(step2).to_have_attribute("data-step-state", "complete")
        expect(step2).to_contain_text(words["step2_summary"])

        editor.reload()
        expect(bell(editor).locator(".notification-count")).to_have_text("1")
        bell(editor).click()
        expect(editor.locator(".notification-unread")).to_contain_text(words["told_approved"])
        assert editor.js_errors == [] and manager.js_errors == []
    finally:
        editor.context.close()
        manager.context.close()


def screenshot_data(team) -> None:
    """Risks for the heat map and goals in each state for the queue and the overview."""
    plan, editor, manager = team["plan"], team["editor"], team["manager"]
    for title, likelihood, impact, mitigation in (
        ("Manque de temps pour publier", 4, 4, "Un calendrier partagé et une relève."),
        ("Commentaires négatifs", 3, 2, "Une charte de modération affichée."),
        ("Piratage du compte", 2, 5, ""),
        ("Une publication maladroite devient virale", 2, 4, "Relecture à deux."),
    ):
        BenefitRiskFactory(
            plan=plan, title=title, likelihood=likelihood, impact=impact, mitigation=mitigation
        )
    for title in ("Visibilité", "Réputation", "Trafic web"):
        BenefitRiskFactory(plan=plan, kind="benefit", title=title, likelihood=None, impact=None)
    statements = (
        "Créer 5 événements par mois sur Facebook",
        "Publier 5 publications par mois de photos des événements sur Instagram, "
        "avec le nom des animateurs et un lien vers l’inscription",
        "Obtenir 10 « intéressés » par événement Facebook",
    )
    for statement in statements:
        goal = GoalFactory(
            plan=plan, objective=team["social"], statement=statement, created_by=editor.user
        )
        goal_review(goal=goal, name="submit", member=editor, version=goal.version)
    GoalFactory(plan=plan, objective=team["social"], status="approved", owner=manager.user)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_screenshots_of_the_journeys_pages(browser, live_server, team, screenshot, language):
    screenshot_data(team)
    slug, plan = team["org"].slug, team["plan"]
    pages = {
        "plan-overview": plan.get_absolute_url(),
        "goal-form": reverse("planner:goal_create", args=[slug, plan.pk])
        + f"?objective={team['social'].pk}&template=facebook_events",
        "heat-map": reverse("planner:benefits", args=[slug, plan.pk]),
        "review-queue": reverse("planner:review_queue", args=[slug]),
    }
    page = open_as(browser, live_server, team["manager"], language)
    overflows = {}
    try:
        for device, viewport in DEVICES.items():
            page.set_viewport_size(viewport)
            for name, address in pages.items():
                page.goto(live_server.url + address)
                if name == "goal-form":
                    expect(page.locator("#smart-checklist .smart-item")).to_have_count(5)
                screenshot(page, f"journey-{name}-{language}-{device}")
                overflows[f"{name}-{device}"] = page.evaluate(NO_OVERFLOW)
        expect(page.locator(".review-queue > li")).to_have_count(3)
        assert not any(overflows.values()), overflows
        assert page.js_errors == []
    finally:
        page.context.close()
