"""Planner pages: plan list, create, detail (step 3's content, what comes next), update, delete
and status changes; roles, tenancy."""

import pytest
from django.urls import reverse

from accounts.models import Role
from planner.models import Plan
from platforms.models import PlatformChoice
from tests.factories import (
    AudienceSegmentFactory,
    PlanFactory,
    PlatformBriefFactory,
    PlatformChoiceFactory,
)
from tests.helpers import url

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
    PlanFactory(organization=org, title="A active", status=Plan.Status.ACTIVE)
    PlanFactory(organization=other_org, title="Not ours")
    client = client_as(Role.VIEWER)
    active = client.get(url("planner:plan_list", org), {"status": "active"}).context["plans"]
    assert [p.title for p in active] == ["A active"]
    by_title = client.get(url("planner:plan_list", org), {"sort": "title"}).context["plans"]
    assert [p.title for p in by_title] == ["A active", "B draft"]
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
    client.post(url("planner:plan_update", plan), {"title": "New", "status": "active"})
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
    assert 'value="activate"' in page and 'value="restore"' not in page
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
        url("planner:plan_transition", plan), {"transition": "activate"}, follow=True
    )
    assert "no longer possible" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ARCHIVED


def test_viewer_cannot_change_the_status_and_sees_no_buttons(client_as, org):
    plan = PlanFactory(organization=org)
    client = client_as(Role.VIEWER)
    assert 'name="transition"' not in client.get(url("planner:plan_detail", plan)).content.decode()
    response = client.post(url("planner:plan_transition", plan), {"transition": "activate"})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


def test_another_organisations_plan_cannot_change_status(client_as, org, other_org):
    plan = PlanFactory(organization=other_org)
    response = client_as(Role.ADMIN).post(
        url("planner:plan_transition", org, plan_pk=plan.pk), {"transition": "activate"}
    )
    assert response.status_code == 404
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


# The plan page: step 3's content and what comes next ------------------------------------------


def _step3_plan(org, *, choices=0, rationale="Our families are there."):
    plan = PlanFactory(organization=org)
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
    new = PlanFactory(organization=org)
    page = client.get(url("planner:plan_detail", new)).content.decode()
    assert _next_step(page) == "audience" and "Describe your audience" in page
    assert f'href="{url("platforms:plan_platforms", new)}">Describe the audience' in page
    assert "Not described yet." in page and "No platform chosen yet." in page

    described = PlanFactory(organization=org)
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
