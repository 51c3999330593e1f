"""Planner services: create and delete a plan, apply status transitions with their history."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import ActivityEntry, Role
from planner.models import Plan, PlanTransition
from planner.services import plan as services
from tests.factories import PlanFactory, PlatformChoiceFactory

pytestmark = pytest.mark.django_db


# Plans -----------------------------------------------------------------------------------------


def test_create_records_the_author_and_the_activity(org, member):
    actor = member(Role.EDITOR).user
    plan = services.plan_create(org=org, actor=actor, title="Programmation 2027")
    assert (plan.organization, plan.created_by, plan.status) == (org, actor, Plan.Status.DRAFT)
    assert ActivityEntry.objects.filter(organization=org, verb="plan.create").exists()


def test_a_period_that_ends_before_it_starts_is_refused(org):
    with pytest.raises(ValidationError) as error:
        services.plan_create(
            org=org,
            actor=None,
            title="Backwards",
            starts_on=datetime.date(2027, 6, 1),
            ends_on=datetime.date(2027, 1, 1),
        )
    assert error.value.error_dict["ends_on"][0].code == "period_order"
    assert not Plan.objects.exists()


def test_delete_removes_the_plan_and_its_choices(org):
    plan = PlanFactory(organization=org)
    PlatformChoiceFactory(plan=plan)
    services.plan_delete(plan=plan, actor=None)
    assert not Plan.objects.exists()
    assert ActivityEntry.objects.filter(verb="plan.delete").exists()


# Status workflow -------------------------------------------------------------------------------


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
    with pytest.raises(ValidationError) as error:
        services.plan_transition(plan=stale, name="activate", member=member(Role.EDITOR))
    assert error.value.code == "invalid_transition"
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
