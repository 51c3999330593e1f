"""The plan's status workflow: transitions declared once, applied with their history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import ActivityEntry, Role
from planner.models import PLAN_WORKFLOW, Plan, PlanTransition
from planner.services import plan as services
from tests.factories import PlanFactory
from tests.helpers import url

pytestmark = pytest.mark.django_db


def test_a_transition_changes_the_status_and_writes_who_when_and_why(org, member):
    plan = PlanFactory(organization=org)
    editor = member(Role.EDITOR)
    record = services.plan_transition(
        plan=plan, name="activate", member=editor, comment="  Budget voted  "
    )
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE
    assert (record.from_status, record.to_status, record.actor, record.comment) == (
        "draft",
        "active",
        editor.user,
        "Budget voted",
    )
    assert ActivityEntry.objects.filter(organization=org, verb="plan.activate").exists()


def test_a_transition_not_allowed_from_the_current_status_is_refused(org, member):
    plan = PlanFactory(organization=org, status=Plan.Status.ARCHIVED)
    with pytest.raises(ValidationError) as error:
        services.plan_transition(plan=plan, name="activate", member=member(Role.EDITOR))
    assert error.value.code == "invalid_transition"
    assert not PlanTransition.objects.exists()


def test_a_stale_object_cannot_apply_a_transition_twice(org, member):
    """Two clicks from the same page: the second reads the status under a lock and fails."""
    plan = PlanFactory(organization=org)
    stale = Plan.objects.get(pk=plan.pk)
    services.plan_transition(plan=plan, name="activate", member=member(Role.EDITOR))
    with pytest.raises(ValidationError):
        services.plan_transition(plan=stale, name="activate", member=member(Role.EDITOR))
    assert PlanTransition.objects.count() == 1


def test_unknown_transition_and_missing_role_are_refused(org, member):
    plan = PlanFactory(organization=org)
    with pytest.raises(ValidationError) as error:
        services.plan_transition(plan=plan, name="publish", member=member(Role.EDITOR))
    assert error.value.code == "unknown_transition"
    with pytest.raises(PermissionDenied):
        services.plan_transition(plan=plan, name="activate", member=member(Role.VIEWER))
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


def test_available_transitions_follow_the_status_and_the_role(org, member):
    plan = PlanFactory(organization=org, status=Plan.Status.ACTIVE)
    names = [name for name, _t in PLAN_WORKFLOW.available(plan, member(Role.EDITOR))]
    assert names == ["to_draft", "archive"]
    assert PLAN_WORKFLOW.available(plan, member(Role.VIEWER)) == []


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
