"""Planner models: the plan's declared status workflow (which transitions, for which role)."""

import pytest

from accounts.models import Role
from planner.models import PLAN_WORKFLOW, Plan
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_available_transitions_follow_the_status_and_the_role(org, member):
    plan = PlanFactory(organization=org, status=Plan.Status.ACTIVE)
    names = [name for name, _t in PLAN_WORKFLOW.available(plan, member(Role.EDITOR))]
    assert names == ["to_draft", "archive"]
    assert PLAN_WORKFLOW.available(plan, member(Role.VIEWER)) == []
