"""Core pages: the start redirect, the organisation chooser, the home page (the seven steps,
continuing the current plan), the language."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, Role
from core.steps import STEPS
from planner.models import Plan
from tests.factories import (
    BenefitRiskFactory,
    GoalFactory,
    PlanFactory,
    PlatformBriefFactory,
    PlatformChoiceFactory,
)
from tests.helpers import complete_steps_1_and_2, url

pytestmark = pytest.mark.django_db


def test_start_offers_a_choice_to_people_in_several_orgs(client, member, org, other_org):
    membership = member(Role.VIEWER)
    member(Role.ADMIN, other_org).delete()
    Membership.objects.create(organization=other_org, user=membership.user, role=Role.EDITOR)
    client.force_login(membership.user)
    assert client.get("/")["Location"] == reverse("core:org_switch")
    page = client.get(reverse("core:org_switch")).content.decode()
    assert org.name in page and other_org.name in page


def test_start_remembers_the_last_org_visited(client, member, org, other_org):
    membership = member(Role.VIEWER)
    Membership.objects.create(organization=other_org, user=membership.user, role=Role.EDITOR)
    client.force_login(membership.user)
    client.get(f"/o/{other_org.slug}/")
    assert client.get("/")["Location"] == f"/o/{other_org.slug}/"


def test_home_shows_the_seven_steps(client_as, org):
    page = client_as(Role.VIEWER).get(f"/o/{org.slug}/").content.decode()
    for title in (
        "Getting started",
        "Objectives",
        "Platforms",
        "Content",
        "Daily management",
        "Communities",
        "Evaluation",
    ):
        assert title in page


def test_language_switch_sets_cookie_and_french_is_default(client_as, org, settings):
    settings.LANGUAGE_CODE = "fr"
    client = client_as(Role.VIEWER)
    org.language = "fr"
    org.save()
    assert "Objectifs" in client.get(f"/o/{org.slug}/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": f"/o/{org.slug}/"})
    assert "Objectives" in client.get(f"/o/{org.slug}/").content.decode()


# Home: continue the current plan --------------------------------------------------------------


def _plans(org, *titles, status=Plan.Status.DRAFT):
    """Plans updated one minute apart, the first title the most recent."""
    now = timezone.now()
    plans = []
    for n, title in enumerate(titles):
        plan = PlanFactory(organization=org, title=title, status=status)
        Plan.objects.filter(pk=plan.pk).update(updated_at=now - timedelta(minutes=n))
        plans.append(plan)
    return plans


def _continue_section(page: str) -> str:
    return page.split('aria-labelledby="continue-title"', 1)[1].split("</section>", 1)[0]


def test_home_offers_to_continue_the_most_recently_updated_plan(client_as, org, other_org):
    current, older = _plans(org, "Summer readers", "Older plan")
    complete_steps_1_and_2(current)
    Plan.objects.filter(pk=older.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    _plans(org, "Archived but newest", status=Plan.Status.ARCHIVED)
    Plan.objects.filter(title="Archived but newest").update(updated_at=timezone.now())
    _plans(other_org, "Not ours")
    page = client_as(Role.VIEWER).get(url("core:home", org)).content.decode()
    section = _continue_section(page)
    assert "Continue your plan" in page and "Summer readers" in section
    assert f'href="{current.get_absolute_url()}"><i class="bi bi-journal-text"' in section
    # Its next step, from the plan's state: steps 1 and 2 complete, no audience yet.
    assert "Describe your audience" in section
    assert f'href="{url("platforms:plan_platforms", current)}">Describe the audience' in section
    assert "Other plans in progress" in section and older.get_absolute_url() in section
    assert "Archived but newest" not in page and "Not ours" not in page
    assert url("planner:plan_list", org) in section


def test_home_lists_at_most_five_plans_in_progress(client_as, org):
    _plans(org, *(f"Plan {n:02}" for n in range(8)))
    section = _continue_section(client_as(Role.VIEWER).get(url("core:home", org)).content.decode())
    assert "Plan 00" in section and "Plan 04" in section and "Plan 05" not in section
    assert section.count('<li class="mb-1">') == 4  # the current plan, then four others


def test_home_with_one_plan_has_no_other_plans_list(client_as, org):
    _plans(org, "Only plan")
    section = _continue_section(client_as(Role.VIEWER).get(url("core:home", org)).content.decode())
    assert "Only plan" in section and "Other plans in progress" not in section


def test_home_without_a_plan_in_progress_invites_editors_to_start_one(client_as, org):
    _plans(org, "Done", status=Plan.Status.ARCHIVED)
    editor_page = client_as(Role.EDITOR).get(url("core:home", org)).content.decode()
    assert "No plan in progress" in editor_page
    assert f'href="{url("planner:plan_create", org)}"' in editor_page
    viewer_page = client_as(Role.VIEWER).get(url("core:home", org)).content.decode()
    assert "No plan in progress" in viewer_page
    assert url("planner:plan_create", org) not in viewer_page
    assert "An editor of your organisation can start one" in viewer_page


def test_home_step_3_card_opens_the_current_plans_step_and_keeps_the_matrix(client_as, org):
    (plan,) = _plans(org, "Current")
    page = client_as(Role.VIEWER).get(url("core:home", org)).content.decode()
    step3 = page.split("Step 3", 1)[1].split("</article>", 1)[0]
    step_of_plan = url("platforms:plan_platforms", plan)
    assert f'class="stretched-link text-decoration-none" href="{step_of_plan}"' in step3
    assert f'href="{url("platforms:matrix", org)}">Selection matrix</a>' in step3


def test_home_step_3_card_opens_the_matrix_while_there_is_no_plan(client_as, org):
    page = client_as(Role.VIEWER).get(url("core:home", org)).content.decode()
    step3 = page.split("Step 3", 1)[1].split("</article>", 1)[0]
    assert f'href="{url("platforms:matrix", org)}"' in step3 and "Selection matrix</a>" not in step3


def test_home_query_count_does_not_grow_with_plans(client_as, org, django_assert_max_num_queries):
    plans = _plans(org, *(f"Plan {n}" for n in range(10)))
    for plan in plans:
        complete_steps_1_and_2(plan)
        PlatformBriefFactory(plan=plan)
        PlatformChoiceFactory.create_batch(2, plan=plan)
    client = client_as(Role.EDITOR)
    client.get(url("core:home", org))  # the first visit saves the org in the session
    # +1: the header's unread notifications (one count per page).
    with django_assert_max_num_queries(6):
        page = client.get(url("core:home", org)).content.decode()
    assert "2 platforms chosen" in page and "Content: coming in a future version" in page


def test_home_step_1_and_2_cards_show_their_state_in_the_current_plan(client_as, org):
    (plan,) = _plans(org, "Current")
    BenefitRiskFactory.create_batch(5, plan=plan, kind="benefit", likelihood=None, impact=None)
    BenefitRiskFactory.create_batch(3, plan=plan)
    goal = GoalFactory(plan=plan, status="submitted")
    GoalFactory.create_batch(2, plan=plan, objective=goal.objective, status="submitted")
    page = client_as(Role.VIEWER).get(url("core:home", org)).content.decode()
    step1 = page.split("Step 1", 1)[1].split("</article>", 1)[0]
    step2 = page.split("Step 2", 1)[1].split("</article>", 1)[0]
    assert 'data-step-state="complete"' in step1 and "5 benefits, 3 risks" in step1
    assert 'data-step-state="in_progress"' in step2 and "3 goals: 3 awaiting review" in step2
    # Each card opens the step's page in the plan once the step has one (core.steps).
    for number, card in ((1, step1), (2, step2)):
        step_url = STEPS[number - 1].url_for_plan(plan)
        assert (step_url is None) or f'href="{step_url}"' in card


def test_home_without_a_plan_shows_no_step_state(client_as, org):
    page = client_as(Role.VIEWER).get(url("core:home", org)).content.decode()
    assert "data-step-state" not in page
