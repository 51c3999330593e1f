"""Plan selectors: filters and sorts, a domain "not found" a command can catch, the current
plan and what comes next in a plan."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from planner.completion import PlanCounts
from planner.models import Plan
from planner.selectors.plan import (
    next_step_code,
    plan_get,
    plan_in_progress_list,
    plan_list,
    plan_next_step,
    plan_overview_get,
    plan_transition_list,
)
from planner.services.plan import plan_transition
from tests.factories import (
    AudienceSegmentFactory,
    PlanFactory,
    PlatformBriefFactory,
    PlatformChoiceFactory,
)
from tests.helpers import complete_steps_1_and_2, url

pytestmark = pytest.mark.django_db


def test_plan_list_filters_sorts_and_counts_choices(org, other_org):
    approved = PlanFactory(organization=org, title="B", status=Plan.Status.APPROVED)
    PlanFactory(organization=org, title="A")
    PlanFactory(organization=other_org, title="C", status=Plan.Status.APPROVED)
    PlatformChoiceFactory(plan=approved)
    assert [p.title for p in plan_list(org=org, filters={"sort": "title"})] == ["A", "B"]
    only = plan_list(org=org, filters={"status": "approved"})
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
    plan_transition(plan=plan, name="submit", member=editor)
    plan_transition(plan=plan, name="archive", member=editor)
    assert [t.to_status for t in plan_transition_list(plan=plan)] == ["archived", "in_review"]


# The current plan and what comes next -----------------------------------------------------------


def _touch(plan, minutes_ago):
    """Set ``updated_at`` without ``save()`` (which would make it "now")."""
    Plan.objects.filter(pk=plan.pk).update(
        updated_at=timezone.now() - timedelta(minutes=minutes_ago)
    )


def test_plans_in_progress_leave_out_archived_and_other_orgs_newest_first(org, other_org):
    old = PlanFactory(organization=org, title="Old draft")
    recent = PlanFactory(organization=org, title="Recent", status=Plan.Status.APPROVED)
    archived = PlanFactory(organization=org, title="Archived", status=Plan.Status.ARCHIVED)
    theirs = PlanFactory(organization=other_org, title="Theirs")
    _touch(old, 30), _touch(recent, 10), _touch(archived, 0), _touch(theirs, 0)
    PlatformChoiceFactory(plan=recent)
    plans = list(plan_in_progress_list(org=org))
    assert [(p.title, p.platform_count) for p in plans] == [("Recent", 1), ("Old draft", 0)]


def test_plan_overview_get_loads_the_step_3_content_and_stays_in_its_org(
    org, other_org, django_assert_num_queries
):
    plan = PlanFactory(organization=org)
    PlatformBriefFactory(plan=plan)
    AudienceSegmentFactory.create_batch(2, plan=plan)
    PlatformChoiceFactory.create_batch(3, plan=plan)
    with django_assert_num_queries(3):  # the plan, its segments, its choices with their platform
        got = plan_overview_get(org=org, pk=plan.pk)
    with django_assert_num_queries(0):
        assert got.platform_count == 3 and got.platform_brief.content_types == ["image", "video"]
        assert len(got.audience_segments.all()) == 2
        assert {c.platform.code for c in got.platform_choices.all()}
        plan_next_step(got)
    with pytest.raises(Plan.DoesNotExist):
        plan_overview_get(org=other_org, pk=plan.pk)


STEP1_DONE = {"benefits": 3, "risks": 1}
STEP2_DONE = {"objectives": 3, "chains": 1, "goals": 2, "goals_approved": 2}


@pytest.mark.parametrize(
    ("status", "counts", "code"),
    [
        ("draft", {}, "benefits"),
        ("in_review", {"benefits": 5, "risks": 1, "unmitigated_risks": 1}, "benefits"),
        ("draft", STEP1_DONE, "objectives"),
        ("draft", {**STEP1_DONE, "objectives": 3, "chains": 1}, "objectives"),
        (
            "draft",
            {**STEP1_DONE, "objectives": 3, "chains": 1, "goals": 2, "goals_submitted": 1},
            "goals_review",
        ),
        ("approved", {**STEP1_DONE, **STEP2_DONE}, "audience"),
        ("draft", {**STEP1_DONE, **STEP2_DONE, "has_audience": True}, "platforms"),
        ("draft", {**STEP1_DONE, **STEP2_DONE, "platforms": 1}, "audience"),
        ("draft", {**STEP1_DONE, **STEP2_DONE, "has_audience": True, "platforms": 2}, "content"),
        # Step 3 done but step 1 not: the first step that is not complete comes first.
        ("draft", {"has_audience": True, "platforms": 2}, "benefits"),
        ("archived", {**STEP1_DONE, **STEP2_DONE}, "archived"),
    ],
)
def test_next_step_code_is_the_first_step_not_complete(status, counts, code):
    assert next_step_code(status=status, counts=PlanCounts(**counts)) == code


def test_next_step_of_a_new_plan_is_its_register(org, django_assert_num_queries):
    PlanFactory(organization=org)
    (loaded,) = plan_in_progress_list(org=org)
    with django_assert_num_queries(0):
        step = plan_next_step(loaded)
    assert (step.code, step.step.number, step.upcoming) == ("benefits", 1, False)
    assert step.url == step.step.url_for_plan(loaded)  # step 1's page, once it has one


def test_next_step_after_steps_1_and_2_is_the_audience(org):
    plan = PlanFactory(organization=org)
    complete_steps_1_and_2(plan)
    step = plan_next_step(plan_overview_get(org=org, pk=plan.pk))
    assert (step.code, step.url) == ("audience", url("platforms:plan_platforms", plan))


def test_next_step_once_the_audience_is_saved_is_to_choose_platforms(org):
    plan = PlanFactory(organization=org)
    complete_steps_1_and_2(plan)
    PlatformBriefFactory(plan=plan)
    step = plan_next_step(plan_overview_get(org=org, pk=plan.pk))
    assert (step.code, step.url) == ("platforms", url("platforms:plan_platforms", plan))


def test_next_step_once_platforms_are_chosen_is_step_4_said_to_be_coming(org):
    plan = PlanFactory(organization=org)
    complete_steps_1_and_2(plan)
    PlatformBriefFactory(plan=plan)
    PlatformChoiceFactory(plan=plan)
    step = plan_next_step(plan_overview_get(org=org, pk=plan.pk))
    assert (step.code, step.step.number, step.upcoming) == ("content", 4, True)
    assert "future version" in str(step.title)
    assert step.url == url("platforms:channel_list", org)


def test_an_archived_plan_has_nothing_to_open_next(org):
    plan = PlanFactory(organization=org, status=Plan.Status.ARCHIVED)
    step = plan_next_step(plan_overview_get(org=org, pk=plan.pk))
    assert (step.code, step.step, step.url) == ("archived", None, None)
