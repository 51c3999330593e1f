"""Step 2's reads: the cascade as a tree in two queries, goals of the URL's plan only, progress."""

import pytest

from planner.models import Goal
from planner.selectors import objectives as selectors
from tests.factories import ChannelFactory, GoalFactory, ObjectiveFactory, PlanFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("goals", [3, 30])
def test_the_tree_loads_every_level_goal_owner_platform_and_channel_in_two_queries(
    org, django_assert_num_queries, goals
):
    plan = PlanFactory(organization=org)
    for _ in range(goals // 3):
        social = ObjectiveFactory(plan=plan)
        GoalFactory.create_batch(3, plan=plan, objective=social, channel=ChannelFactory())
    with django_assert_num_queries(2):
        tree = selectors.objective_tree(plan)
        cards = [
            (g.owner, g.platform, g.channel.platform)
            for root in tree.roots
            for mkt in root.children
            for sm in mkt.children
            for g in sm.goals
        ]
    assert len(cards) == goals == tree.goal_count
    assert tree.roots[0].goal_count == 3 and not tree.loose


def test_an_objective_outside_the_cascade_is_listed_not_hidden(org):
    plan = PlanFactory(organization=org)
    ObjectiveFactory(plan=plan, level="marketing", parent=None, title="Orphan")
    tree = selectors.objective_tree(plan)
    assert [n.objective.title for n in tree.loose] == ["Orphan"] and not tree.roots


def test_goal_get_stays_inside_the_urls_plan(org):
    goal = GoalFactory(plan=PlanFactory(organization=org))
    other_plan = PlanFactory(organization=org)
    assert selectors.goal_get(org=org, plan=goal.plan, pk=goal.pk) == goal
    with pytest.raises(Goal.DoesNotExist):
        selectors.goal_get(org=org, plan=other_plan, pk=goal.pk)


def test_progress_says_no_data_until_the_statistics_exist(org):
    progress = selectors.objective_progress(GoalFactory(plan=PlanFactory(organization=org)))
    assert progress.status == "no_data" and progress.current is None and progress.percent is None


def test_a_saved_goals_checklist_reads_its_cascade(org):
    goal = GoalFactory(plan=PlanFactory(organization=org))
    goal = selectors.goal_get(org=org, plan=goal.plan, pk=goal.pk)
    relevant = next(c for c in selectors.goal_checklist(goal) if c.letter == "R")
    assert relevant.met
