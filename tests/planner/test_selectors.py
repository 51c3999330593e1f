"""Plan selectors: filters and sorts, and a domain "not found" a command can catch."""

import pytest

from accounts.models import Role
from planner.models import Plan
from planner.selectors.plan import plan_get, plan_list, plan_transition_list
from planner.services.plan import plan_transition
from tests.factories import PlanFactory, PlatformChoiceFactory

pytestmark = pytest.mark.django_db


def test_plan_list_filters_sorts_and_counts_choices(org, other_org):
    active = PlanFactory(organization=org, title="B", status=Plan.Status.ACTIVE)
    PlanFactory(organization=org, title="A")
    PlanFactory(organization=other_org, title="C", status=Plan.Status.ACTIVE)
    PlatformChoiceFactory(plan=active)
    assert [p.title for p in plan_list(org=org, filters={"sort": "title"})] == ["A", "B"]
    only = plan_list(org=org, filters={"status": "active"})
    assert [(p.title, p.platform_count) for p in only] == [("B", 1)]


def test_plan_get_raises_does_not_exist_for_another_organisations_plan(org, other_org):
    theirs = PlanFactory(organization=other_org)
    assert plan_get(org=other_org, pk=theirs.pk) == theirs
    # Not Http404: a management command catches the model's own "not found".
    with pytest.raises(Plan.DoesNotExist):
        plan_get(org=org, pk=theirs.pk)


def test_transition_history_is_newest_first(org, member):
    plan = PlanFactory(organization=org)
    editor = member(Role.EDITOR)
    plan_transition(plan=plan, name="activate", member=editor)
    plan_transition(plan=plan, name="archive", member=editor)
    assert [t.to_status for t in plan_transition_list(plan=plan)] == ["archived", "active"]
