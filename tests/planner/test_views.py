"""Planner pages: plan list, create, detail (step 3's content, what comes next), update, delete
and status changes; roles, tenancy."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import Role
from planner.models import Plan
from platforms.models import PlatformChoice
from tests.factories import (
    AudienceSegmentFactory,
    BenefitRiskFactory,
    GoalFactory,
    PlanFactory,
    PlatformBriefFactory,
    PlatformChoiceFactory,
)
from tests.helpers import complete_steps_1_and_2, url

pytestmark = pytest.mark.django_db


# Plans -----------------------------------------------------------------------------------------


def test_empty_list_invites_editors_to_start(client_as, org):
    page = client_as(Role.EDITOR).get(url("planner:plan_list", org)).content.decode()
    assert "No plan yet." in page and url("planner:plan_create", org) in page


def test_viewer_reads_plans_but_cannot_create(client_as, org):
    PlanFactory(organization=org, title="Visible plan")
    client = client_as(Role.VIEWER)
    page = client.get(url("planner:plan_list", org)).content.decode()
    assert "Visible plan" in page and url("planner:plan_create", org) not in page
    assert (
        client.post(url("planner:plan_create", org), {"title": "x", "status": "draft"}).status_code
        == 403
    )
    assert Plan.objects.count() == 1


def test_list_filters_by_status_sorts_and_ignores_bad_values(client_as, org, other_org):
    PlanFactory(organization=org, title="B draft")
    PlanFactory(organization=org, title="A approved", status=Plan.Status.APPROVED)
    PlanFactory(organization=other_org, title="Not ours")
    client = client_as(Role.VIEWER)
    approved = client.get(url("planner:plan_list", org), {"status": "approved"}).context["plans"]
    assert [p.title for p in approved] == ["A approved"]
    by_title = client.get(url("planner:plan_list", org), {"sort": "title"}).context["plans"]
    assert [p.title for p in by_title] == ["A approved", "B draft"]
    response = client.get(url("planner:plan_list", org), {"status": "nope", "sort": "nope"})
    assert response.status_code == 200 and len(response.context["plans"]) == 2


def test_list_paginates(client_as, org):
    PlanFactory.create_batch(23, organization=org)
    client = client_as(Role.VIEWER)
    assert len(client.get(url("planner:plan_list", org)).context["plans"]) == 20
    assert len(client.get(url("planner:plan_list", org), {"page": 2}).context["plans"]) == 3


def test_editor_creates_a_plan_and_lands_on_it(client_as, org):
    client = client_as(Role.EDITOR)
    data = {"title": "Programmation 2027", "status": "draft", "starts_on": "2027-01-01"}
    response = client.post(url("planner:plan_create", org), data, follow=True)
    plan = Plan.objects.get()
    assert response.redirect_chain[-1][0] == plan.get_absolute_url()
    assert "was saved" in response.content.decode()


def test_bad_period_keeps_what_was_typed(client_as, org):
    data = {
        "title": "Keep my title",
        "status": "draft",
        "starts_on": "2027-06-01",
        "ends_on": "2027-01-01",
    }
    response = client_as(Role.EDITOR).post(url("planner:plan_create", org), data)
    page = response.content.decode()
    assert "The end comes before the start." in page
    assert 'value="Keep my title"' in page and 'value="2027-06-01"' in page
    assert not Plan.objects.exists()


def test_detail_links_the_steps_that_exist_and_announces_the_others(client_as, org):
    plan = PlanFactory(organization=org)
    page = client_as(Role.VIEWER).get(url("planner:plan_detail", plan)).content.decode()
    assert reverse("platforms:plan_platforms", args=[org.slug, plan.pk]) in page
    assert "Coming in a future version of Vitrine" in page


def test_editor_updates_a_plan_even_when_its_author_left(client_as, org):
    plan = PlanFactory(organization=org, title="Old", created_by=None)
    client = client_as(Role.EDITOR)
    client.post(url("planner:plan_update", plan), {"title": "New", "status": "approved"})
    plan.refresh_from_db()
    # The form no longer carries the status: it changes only through the plan's transitions.
    assert (plan.title, plan.status) == ("New", Plan.Status.DRAFT)


def test_delete_asks_for_confirmation_first(client_as, org):
    plan = PlanFactory(organization=org, title="To remove")
    client = client_as(Role.EDITOR)
    delete = url("planner:plan_delete", plan)
    assert "This cannot be undone." in client.get(delete).content.decode()
    assert Plan.objects.exists()
    response = client.post(delete, follow=True)
    assert not Plan.objects.exists()
    assert "was deleted" in response.content.decode()


def test_contributor_cannot_delete_a_plan(client_as, org):
    plan = PlanFactory(organization=org)
    response = client_as(Role.CONTRIBUTOR).post(url("planner:plan_delete", plan))
    assert response.status_code == 403
    assert Plan.objects.exists()


# Status workflow -------------------------------------------------------------------------------


def test_plan_page_offers_the_transitions_and_shows_the_history(client_as, org):
    plan = PlanFactory(organization=org)
    client = client_as(Role.EDITOR)
    page = client.get(url("planner:plan_detail", plan)).content.decode()
    assert 'value="submit"' in page and 'value="restore"' not in page
    response = client.post(
        url("planner:plan_transition", plan), {"transition": "archive"}, follow=True
    )
    page = response.content.decode()
    assert "The plan is now “Archived”." in page
    assert "Status history" in page and 'value="restore"' in page
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ARCHIVED


def test_an_impossible_transition_from_the_page_says_why_and_changes_nothing(client_as, org):
    plan = PlanFactory(organization=org, status=Plan.Status.ARCHIVED)
    response = client_as(Role.EDITOR).post(
        url("planner:plan_transition", plan), {"transition": "submit"}, follow=True
    )
    assert "no longer possible" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ARCHIVED


def test_viewer_cannot_change_the_status_and_sees_no_buttons(client_as, org):
    plan = PlanFactory(organization=org)
    client = client_as(Role.VIEWER)
    assert 'name="transition"' not in client.get(url("planner:plan_detail", plan)).content.decode()
    response = client.post(url("planner:plan_transition", plan), {"transition": "submit"})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


def test_another_organisations_plan_cannot_change_status(client_as, org, other_org):
    plan = PlanFactory(organization=other_org)
    response = client_as(Role.ADMIN).post(
        url("planner:plan_transition", org, plan_pk=plan.pk), {"transition": "submit"}
    )
    assert response.status_code == 404
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


# The plan page: step 3's content and what comes next ------------------------------------------


def _step3_plan(org, *, choices=0, rationale="Our families are there."):
    plan = PlanFactory(organization=org)
    complete_steps_1_and_2(plan)
    PlatformBriefFactory(plan=plan, content_types=["image", "video"], goal="events")
    AudienceSegmentFactory(plan=plan, label="Parents", age_min=30, age_max=45)
    for n in range(choices):
        PlatformChoiceFactory(
            plan=plan,
            platform__code="facebook" if n == 0 else f"p{n}",
            platform__name="Facebook" if n == 0 else f"Platform {n}",
            priority=PlatformChoice.Priority.PRIMARY if n == 0 else PlatformChoice.Priority.TRIAL,
            rationale=rationale,
        )
    return plan


def test_plan_page_shows_the_chosen_platforms_and_the_audience(client_as, org):
    plan = _step3_plan(org, choices=2)
    page = client_as(Role.MANAGER).get(url("planner:plan_detail", plan)).content.decode()
    assert "2 platforms chosen" in page
    assert 'class="bi bi-facebook"' in page and "<strong>Facebook</strong>" in page
    assert '<span class="badge priority-1">Main platform</span>' in page
    assert '<span class="badge priority-3">To try</span>' in page
    assert page.count("Our families are there.") == 2
    assert "Parents" in page and "(30–45 years)" in page
    assert "Image, Video" in page and "Promote events and programmes" in page


def test_plan_page_truncates_a_long_rationale_and_keeps_the_full_text(client_as, org):
    long = " ".join(f"word{n}" for n in range(60)) + " THE-END"
    plan = _step3_plan(org, choices=1, rationale=long)
    page = client_as(Role.VIEWER).get(url("planner:plan_detail", plan)).content.decode()
    assert '<details class="small rationale">' in page and "Read more" in page
    assert "word29 …" in page  # the summary stops after 30 words…
    assert page.count("THE-END") == 1  # …and the full text is there once, inside <details>.


def test_plan_page_escapes_the_rationale(client_as, org):
    plan = _step3_plan(org, choices=1, rationale="<script>alert('x')</script>\nSecond line")
    page = client_as(Role.VIEWER).get(url("planner:plan_detail", plan)).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>Second line" in page


def _next_step(page: str) -> str:
    return page.split('data-next-step="', 1)[1].split('"', 1)[0]


def test_next_step_callout_follows_the_plan(client_as, org):
    client = client_as(Role.VIEWER)
    empty = PlanFactory(organization=org)
    page = client.get(url("planner:plan_detail", empty)).content.decode()
    assert _next_step(page) == "benefits" and "List the benefits and the risks" in page

    new = PlanFactory(organization=org)
    complete_steps_1_and_2(new)
    page = client.get(url("planner:plan_detail", new)).content.decode()
    assert _next_step(page) == "audience" and "Describe your audience" in page
    assert f'href="{url("platforms:plan_platforms", new)}">Describe the audience' in page
    assert "Not described yet." in page and "No platform chosen yet." in page

    described = PlanFactory(organization=org)
    complete_steps_1_and_2(described)
    PlatformBriefFactory(plan=described)
    page = client.get(url("planner:plan_detail", described)).content.decode()
    assert _next_step(page) == "platforms" and "Choose your platforms" in page

    chosen = _step3_plan(org, choices=1)
    page = client.get(url("planner:plan_detail", chosen)).content.decode()
    assert _next_step(page) == "content"
    assert "Content: coming in a future version" in page
    assert f'href="{url("platforms:channel_list", org)}">Record your accounts' in page

    archived = PlanFactory(organization=org, status=Plan.Status.ARCHIVED)
    page = client.get(url("planner:plan_detail", archived)).content.decode()
    assert _next_step(page) == "archived" and "This plan is archived" in page


def test_another_organisations_plan_page_is_a_404(client_as, org, other_org):
    theirs = _step3_plan(other_org, choices=1)
    response = client_as(Role.ADMIN).get(url("planner:plan_detail", org, plan_pk=theirs.pk))
    assert response.status_code == 404
    assert "Our families are there." not in response.content.decode()


def test_plan_page_query_count_stays_small_with_many_choices(
    client_as, org, django_assert_max_num_queries
):
    plan = _step3_plan(org, choices=12)
    AudienceSegmentFactory.create_batch(8, plan=plan)
    client = client_as(Role.MANAGER)
    client.get(url("planner:plan_detail", plan))  # the first visit saves the org in the session
    # +1: the header's unread notifications (one count per page).
    with django_assert_max_num_queries(8):
        response = client.get(url("planner:plan_detail", plan))
    assert response.content.decode().count('class="chosen-platform"') == 12


# Review, owner, completion and duplicate (issue #16) --------------------------------------------


def test_manager_approves_a_plan_in_review_and_an_editor_cannot(client_as, org):
    plan = PlanFactory(organization=org, status=Plan.Status.IN_REVIEW)
    editor = client_as(Role.EDITOR)
    page = editor.get(url("planner:plan_detail", plan)).content.decode()
    assert 'value="approve"' not in page and "This plan awaits your review" not in page
    response = editor.post(url("planner:plan_transition", plan), {"transition": "approve"})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == Plan.Status.IN_REVIEW

    manager = client_as(Role.MANAGER)
    page = manager.get(url("planner:plan_detail", plan)).content.decode()
    assert "This plan awaits your review" in page and 'value="request_changes"' in page
    response = manager.post(
        url("planner:plan_transition", plan), {"transition": "approve"}, follow=True
    )
    assert "The plan is now “Approved”." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.APPROVED


def test_requesting_changes_without_a_comment_says_so(client_as, org):
    plan = PlanFactory(organization=org, status=Plan.Status.IN_REVIEW)
    client = client_as(Role.MANAGER)
    response = client.post(
        url("planner:plan_transition", plan), {"transition": "request_changes"}, follow=True
    )
    assert "Say why in a comment." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.IN_REVIEW
    client.post(
        url("planner:plan_transition", plan),
        {"transition": "request_changes", "comment": "Add the risks"},
    )
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT
    page = client.get(url("planner:plan_detail", plan)).content.decode()
    assert "Add the risks" in page  # in the status history


def test_the_owner_is_chosen_among_the_members_and_shown(client_as, org, other_org, member):
    colleague = member(Role.VIEWER).user
    colleague.first_name, colleague.last_name = "Chloé", "Collègue"
    colleague.save()
    outsider = member(Role.ADMIN, other_org).user
    client = client_as(Role.EDITOR)
    form = client.get(url("planner:plan_create", org)).context["form"]
    assert form.initial["owner"] == client.membership.user.pk  # the creator by default
    assert set(form.fields["owner"].queryset) == {colleague, client.membership.user}
    response = client.post(url("planner:plan_create", org), {"title": "Mine", "owner": outsider.pk})
    assert "owner" in response.context["form"].errors
    assert response.context["form"]["title"].value() == "Mine"  # what was typed is kept
    client.post(url("planner:plan_create", org), {"title": "Theirs", "owner": colleague.pk})
    plan = Plan.objects.get(title="Theirs")
    assert plan.owner == colleague
    assert "Owner: Chloé Collègue" in client.get(url("planner:plan_detail", plan)).content.decode()
    assert "Owner: Chloé Collègue" in client.get(url("planner:plan_list", org)).content.decode()


def test_plan_page_shows_each_steps_state_summary_and_what_is_left(client_as, org):
    plan = PlanFactory(organization=org)
    BenefitRiskFactory.create_batch(5, plan=plan, kind="benefit", likelihood=None, impact=None)
    BenefitRiskFactory(plan=plan, likelihood=5, impact=4)
    BenefitRiskFactory.create_batch(2, plan=plan, mitigation="")
    goal = GoalFactory(plan=plan, status="submitted")
    GoalFactory.create_batch(2, plan=plan, objective=goal.objective, status="approved")
    page = client_as(Role.VIEWER).get(url("planner:plan_detail", plan)).content.decode()
    assert '<p class="step-state mb-2" data-step-state="in_progress">' in page
    assert "5 benefits, 3 risks (3 high, 2 without mitigation)" in page
    assert "Say how to reduce 2 risks" in page
    assert "3 goals: 1 awaiting review, 2 approved" in page
    assert "1 goal awaiting a manager&#x27;s review" in page
    assert page.count('data-step-state="unavailable"') == 3
    # Step 7: nothing measured nor written yet.
    assert "No goal measured yet, no lessons learned yet" in page
    assert _next_step(page) == "benefits"


def test_editor_duplicates_a_plan_from_a_form_with_next_years_defaults(client_as, org):
    plan = PlanFactory(
        organization=org,
        title="Plan 2027",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )
    BenefitRiskFactory(plan=plan)
    client = client_as(Role.EDITOR)
    duplicate = url("planner:plan_duplicate", plan)
    assert duplicate in client.get(url("planner:plan_detail", plan)).content.decode()
    form = client.get(duplicate).context["form"]
    assert form.initial == {
        "title": "Plan 2027 (copy)",
        "starts_on": datetime.date(2028, 1, 1),
        "ends_on": datetime.date(2028, 12, 31),
    }
    bad = client.post(
        duplicate, {"title": "Next", "starts_on": "2028-06-01", "ends_on": "2028-01-01"}
    )
    assert [e.code for e in bad.context["form"].errors.as_data()["ends_on"]] == ["period_order"]
    assert bad.context["form"]["title"].value() == "Next"
    assert Plan.objects.count() == 1
    response = client.post(
        duplicate, {"title": "Plan 2028", "starts_on": "2028-01-01", "ends_on": "2028-12-31"}
    )
    new = Plan.objects.get(title="Plan 2028")
    assert response.url == new.get_absolute_url()
    assert new.benefits_risks.count() == 1


def test_duplicate_defaults_in_french(client_as, org):
    plan = PlanFactory(organization=org, title="Plan 2027")
    client = client_as(Role.EDITOR)
    client.cookies["django_language"] = "fr"
    response = client.get(url("planner:plan_duplicate", plan))
    assert response.context["form"].initial["title"] == "Plan 2027 (copie)"
    assert "Dupliquer le plan" in response.content.decode()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.CONTRIBUTOR])
def test_readers_cannot_duplicate(client_as, org, role):
    plan = PlanFactory(organization=org)
    client = client_as(role)
    assert client.get(url("planner:plan_duplicate", plan)).status_code == 403
    response = client.post(url("planner:plan_duplicate", plan), {"title": "Copy"})
    assert response.status_code == 403
    assert Plan.objects.count() == 1
