"""Two managers deciding on one goal at the same moment: one decision, the other is told.

Threads with their own connections, as ``tests/core/test_concurrency.py`` (its helpers):
``race_after`` holds both requests once their permission is checked, so that without the row
lock both would read the submitted goal and both would decide.
"""

import pytest

from accounts.models import Role
from planner.models import Goal, GoalTransition
from planner.services.review import goal_review
from tests.core.test_concurrency import client_for, together
from tests.core.test_concurrency import race_after as race_after  # the fixture
from tests.factories import GoalFactory, MembershipFactory, OrganizationFactory, PlanFactory
from tests.helpers import url

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def submitted_goal():
    org = OrganizationFactory(slug="race-review", language="en")
    author = MembershipFactory(organization=org, role=Role.EDITOR)
    goal = GoalFactory(plan=PlanFactory(organization=org), created_by=author.user)
    goal_review(goal=goal, name="submit", member=author, version=goal.version)
    return goal


@pytest.mark.parametrize("decisions", [("approve", "approve"), ("approve", "request_changes")])
def test_two_managers_deciding_at_once_make_one_decision(submitted_goal, race_after, decisions):
    from core import permissions

    goal, org = submitted_goal, submitted_goal.plan.organization
    # Both requests pass the permission check before either reads the goal.
    race_after(permissions, "check")
    managers = [
        MembershipFactory(organization=org, role=Role.MANAGER, user__first_name=name)
        for name in ("Alice", "Bruno")
    ]
    target = url("planner:goal_review", goal.plan, goal_pk=goal.pk)

    def decide(manager, name):
        client = client_for(manager)
        data = {"transition": name, "comment": "Seen", "version": goal.version}
        return lambda: client.post(target, data, follow=True)

    responses = together(*[decide(m, n) for m, n in zip(managers, decisions, strict=True)])
    assert [r.status_code for r in responses] == [200, 200]  # no 500
    decided = GoalTransition.objects.filter(goal=goal).exclude(transition="submit")
    assert decided.count() == 1
    winner = decided.get()
    # The pages, not ``response.context``: the test client's context capture is shared
    # between threads.
    pages = [r.text for r in responses]
    refused = [page for page in pages if "Already decided by" in page]
    assert len(refused) == 1
    assert f"Already decided by {winner.actor.get_full_name()}" in refused[0]
    goal.refresh_from_db()
    assert goal.status == Goal.Status(winner.to_status)
    assert goal.version == 3  # submitted (2), then one decision
