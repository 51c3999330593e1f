"""Planner models: the plan's declared status workflow (which transitions, for which role)."""

import pytest

from accounts.models import Role
from planner.models import PLAN_WORKFLOW, Plan
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "role", "expected"),
    [
        ("draft", Role.EDITOR, ["submit", "archive"]),
        ("in_review", Role.EDITOR, ["archive"]),  # an editor cannot decide
        ("in_review", Role.MANAGER, ["approve", "request_changes", "archive"]),
        ("in_review", Role.ADMIN, ["approve", "request_changes", "archive"]),
        ("approved", Role.EDITOR, ["back_to_draft", "archive"]),
        ("archived", Role.EDITOR, ["restore"]),
        ("draft", Role.CONTRIBUTOR, []),
        ("in_review", Role.VIEWER, []),
    ],
)
def test_available_transitions_follow_the_status_and_the_role(org, member, status, role, expected):
    plan = PlanFactory(organization=org, status=status)
    assert [name for name, _t in PLAN_WORKFLOW.available(plan, member(role))] == expected


def test_requesting_changes_needs_a_comment_and_the_others_do_not():
    required = {name for name, t in PLAN_WORKFLOW.transitions.items() if t.comment_required}
    assert required == {"request_changes"}
    assert set(PLAN_WORKFLOW.transitions) == {
        "submit",
        "approve",
        "request_changes",
        "back_to_draft",
        "archive",
        "restore",
    }
    assert Plan.Status.values == ["draft", "in_review", "approved", "archived"]
