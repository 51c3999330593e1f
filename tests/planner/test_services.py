"""Planner services: create and delete a plan, apply status transitions with their history."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import ActivityEntry, Role
from planner.models import PLAN_WORKFLOW, Goal, GoalRevision, GoalTransition, Plan, PlanTransition
from planner.services import plan as services
from tests.factories import (
    AudienceSegmentFactory,
    BenefitRiskFactory,
    GoalFactory,
    MembershipFactory,
    ObjectiveFactory,
    PlanFactory,
    PlatformBriefFactory,
    PlatformChoiceFactory,
)

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
        plan=plan, name="submit", member=editor, comment="  Budget voted  "
    )
    plan.refresh_from_db()
    assert plan.status == Plan.Status.IN_REVIEW
    assert (record.from_status, record.to_status, record.actor, record.comment) == (
        "draft",
        "in_review",
        editor.user,
        "Budget voted",
    )
    entry = ActivityEntry.objects.get(organization=org, verb="plan.submit")
    assert entry.params == {"title": plan.title, "status": "in_review"}


def test_a_transition_not_allowed_from_the_current_status_is_refused(org, member):
    plan = PlanFactory(organization=org, status=Plan.Status.ARCHIVED)
    with pytest.raises(ValidationError) as error:
        services.plan_transition(plan=plan, name="submit", member=member(Role.EDITOR))
    assert error.value.code == "invalid_transition"
    assert not PlanTransition.objects.exists()


def test_a_stale_object_cannot_apply_a_transition_twice(org, member):
    """Two clicks from the same page: the second reads the status under a lock and fails."""
    plan = PlanFactory(organization=org)
    stale = Plan.objects.get(pk=plan.pk)
    services.plan_transition(plan=plan, name="submit", member=member(Role.EDITOR))
    with pytest.raises(ValidationError) as error:
        services.plan_transition(plan=stale, name="submit", member=member(Role.EDITOR))
    assert error.value.code == "invalid_transition"
    assert PlanTransition.objects.count() == 1


def test_unknown_transition_and_missing_role_are_refused(org, member):
    plan = PlanFactory(organization=org)
    with pytest.raises(ValidationError) as error:
        services.plan_transition(plan=plan, name="publish", member=member(Role.EDITOR))
    assert error.value.code == "unknown_transition"
    with pytest.raises(PermissionDenied):
        services.plan_transition(plan=plan, name="submit", member=member(Role.VIEWER))
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


@pytest.mark.parametrize(
    ("name", "role", "allowed"),
    [
        ("approve", Role.MANAGER, True),
        ("approve", Role.ADMIN, True),
        ("approve", Role.EDITOR, False),
        ("request_changes", Role.EDITOR, False),
        ("request_changes", Role.MANAGER, True),
        ("archive", Role.EDITOR, True),
    ],
)
def test_only_managers_decide_on_a_plan_in_review(org, member, name, role, allowed):
    plan = PlanFactory(organization=org, status=Plan.Status.IN_REVIEW)
    if not allowed:
        with pytest.raises(PermissionDenied):
            services.plan_transition(plan=plan, name=name, member=member(role), comment="Why")
        plan.refresh_from_db()
        assert plan.status == Plan.Status.IN_REVIEW
        return
    services.plan_transition(plan=plan, name=name, member=member(role), comment="Why")
    plan.refresh_from_db()
    assert plan.status == PLAN_WORKFLOW.transitions[name].target


def test_requesting_changes_needs_a_comment_then_the_editor_resubmits(org, member):
    plan = PlanFactory(organization=org)
    editor, manager = member(Role.EDITOR), member(Role.MANAGER)
    services.plan_transition(plan=plan, name="submit", member=editor)
    with pytest.raises(ValidationError) as error:
        services.plan_transition(plan=plan, name="request_changes", member=manager, comment="  ")
    assert error.value.error_dict["comment"][0].code == "comment_required"
    services.plan_transition(
        plan=plan, name="request_changes", member=manager, comment="Add a risk"
    )
    assert plan.status == Plan.Status.DRAFT
    services.plan_transition(plan=plan, name="submit", member=editor)
    services.plan_transition(plan=plan, name="approve", member=manager)
    services.plan_transition(plan=plan, name="back_to_draft", member=editor)
    assert [t.transition for t in plan.transitions.order_by("pk")] == [
        "submit",
        "request_changes",
        "submit",
        "approve",
        "back_to_draft",
    ]
    assert plan.transitions.get(transition="request_changes").comment == "Add a risk"
    verbs = set(ActivityEntry.objects.values_list("verb", flat=True))
    assert {"plan.submit", "plan.request_changes", "plan.approve", "plan.back_to_draft"} <= verbs


# Owner -----------------------------------------------------------------------------------------


def test_the_owner_is_the_creator_unless_another_member_is_named(org, member, other_org):
    editor, manager = member(Role.EDITOR), member(Role.MANAGER)
    assert services.plan_create(org=org, actor=editor.user, title="A").owner == editor.user
    named = services.plan_create(org=org, actor=editor.user, title="B", owner=manager.user)
    assert named.owner == manager.user
    outsider = MembershipFactory(organization=other_org).user
    with pytest.raises(ValidationError) as error:
        services.plan_update(plan=named, actor=editor.user, owner=outsider)
    assert error.value.error_dict["owner"][0].code == "owner_not_member"
    named.refresh_from_db()
    assert named.owner == manager.user


# Duplicate -------------------------------------------------------------------------------------


def _full_plan(org, author):
    plan = PlanFactory(
        organization=org,
        title="2027",
        description="Our year",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        status=Plan.Status.APPROVED,
    )
    BenefitRiskFactory(
        plan=plan, kind="benefit", suggestion="visibility", title="", likelihood=None, impact=None
    )
    BenefitRiskFactory(plan=plan, owner=author, review_on=datetime.date(2027, 6, 30))
    social = ObjectiveFactory(plan=plan, title="Reach families")
    GoalFactory(
        plan=plan,
        objective=social,
        status=Goal.Status.APPROVED,
        revision=3,
        version=7,
        starts_on=datetime.date(2027, 1, 1),
        deadline=datetime.date(2027, 12, 31),
        owner=author,
    )
    GoalFactory(
        plan=plan,
        objective=social,
        status=Goal.Status.SUBMITTED,
        starts_on=datetime.date(2027, 2, 28),
        deadline=datetime.date(2027, 6, 30),
    )
    PlatformBriefFactory(plan=plan, goal="events")
    AudienceSegmentFactory.create_batch(2, plan=plan)
    PlatformChoiceFactory(plan=plan, priority=1)
    return plan


def test_duplicate_copies_every_step_with_shifted_dates_and_nothing_else(org, member):
    editor = member(Role.EDITOR)
    source = _full_plan(org, editor.user)
    source_goal = source.goals.get(status=Goal.Status.APPROVED)
    GoalTransition.objects.create(
        goal=source_goal, transition="approve", from_status="submitted", to_status="approved"
    )
    PlanTransition.objects.create(
        plan=source, transition="approve", from_status="in_review", to_status="approved"
    )
    actor = member(Role.MANAGER).user

    new = services.plan_duplicate(
        plan=source,
        actor=actor,
        title="2028",
        starts_on=datetime.date(2028, 1, 1),
        ends_on=datetime.date(2028, 12, 31),
    )

    assert (new.title, new.description, new.status, new.owner, new.created_by) == (
        "2028",
        "Our year",
        Plan.Status.DRAFT,
        actor,
        actor,
    )
    assert new.benefits_risks.count() == 2 and source.benefits_risks.count() == 2
    risk = new.benefits_risks.get(kind="risk")
    assert (risk.review_on, risk.owner, risk.mitigation, risk.created_by) == (
        datetime.date(2028, 6, 30),
        editor.user,
        "A second person can post.",
        actor,
    )
    assert new.benefits_risks.get(kind="benefit").suggestion == "visibility"
    # The cascade: the same three levels, each copy below its parent's copy.
    levels = {o.level: o for o in new.objectives.all()}
    assert len(levels) == 3 and new.objectives.count() == 3
    assert levels["social_media"].parent == levels["marketing"]
    assert levels["marketing"].parent == levels["organisation"]
    assert levels["social_media"].title == "Reach families"
    goals = list(new.goals.order_by("starts_on"))
    assert [(g.status, g.revision, g.version) for g in goals] == [("draft", 1, 1)] * 2
    assert [(g.starts_on, g.deadline) for g in goals] == [
        (datetime.date(2028, 1, 1), datetime.date(2028, 12, 31)),
        (datetime.date(2028, 2, 28), datetime.date(2028, 6, 30)),
    ]
    assert {g.objective for g in goals} == {levels["social_media"]}
    assert goals[0].owner == editor.user
    assert not GoalTransition.objects.filter(goal__plan=new).exists()
    assert not GoalRevision.objects.filter(goal__plan=new).exists()
    assert not new.transitions.exists()
    # Step 3.
    assert new.platform_brief.goal == "events"
    assert new.audience_segments.count() == 2
    choice = new.platform_choices.get()
    assert (choice.priority, choice.chosen_by) == (1, actor)
    # The source is untouched.
    source_goal.refresh_from_db()
    assert (source_goal.status, source_goal.revision) == ("approved", 3)
    entry = ActivityEntry.objects.get(verb="plan.duplicate")
    assert entry.params == {"title": "2028", "source": "2027"}


def test_duplicate_moves_dates_by_days_when_the_new_period_starts_another_day(org, member):
    source = _full_plan(org, None)
    new = services.plan_duplicate(
        plan=source, actor=None, title="Autumn", starts_on=datetime.date(2027, 1, 11), ends_on=None
    )
    risk = new.benefits_risks.get(kind="risk")
    assert risk.review_on == datetime.date(2027, 7, 10)
    assert services.shift_years(datetime.date(2028, 2, 29), 1) == datetime.date(2029, 2, 28)


def test_duplicate_refuses_a_backwards_period_and_writes_nothing(org, member):
    source = _full_plan(org, None)
    with pytest.raises(ValidationError) as error:
        services.plan_duplicate(
            plan=source,
            actor=None,
            title="Backwards",
            starts_on=datetime.date(2028, 6, 1),
            ends_on=datetime.date(2028, 1, 1),
        )
    assert error.value.error_dict["ends_on"][0].code == "period_order"
    assert Plan.objects.count() == 1


@pytest.mark.parametrize("size", [1, 20])
def test_duplicate_runs_the_same_queries_for_any_size(org, member, size, django_assert_num_queries):
    source = _full_plan(org, None)
    social = source.objectives.get(level="social_media")
    BenefitRiskFactory.create_batch(size, plan=source)
    GoalFactory.create_batch(size, plan=source, objective=social)
    ObjectiveFactory.create_batch(size, plan=source)
    AudienceSegmentFactory.create_batch(size, plan=source)
    with django_assert_num_queries(19):
        services.plan_duplicate(plan=source, actor=None, title="Copy", starts_on=None, ends_on=None)


def test_a_plan_review_notifies_the_reviewers_then_the_author(
    org, member, django_capture_on_commit_callbacks, mailoutbox
):
    from accounts.models import Notification

    editor, manager, admin = member(Role.EDITOR), member(Role.MANAGER), member(Role.ADMIN)
    member(Role.VIEWER)
    plan = services.plan_create(org=org, actor=editor.user, title="2027")
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_transition(plan=plan, name="submit", member=editor)
    told = Notification.objects.filter(code="plan.submitted")
    assert {n.recipient for n in told} == {manager.user, admin.user}
    assert told.first().url == plan.get_absolute_url()
    assert len(mailoutbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_transition(
            plan=plan, name="request_changes", member=manager, comment="Add a risk"
        )
    (back,) = Notification.objects.filter(code="plan.changes_requested")
    assert back.recipient == editor.user and back.params["comment"] == "Add a risk"
    assert (
        back.message
        == f"{manager.user.get_full_name()} requested changes to the plan “2027”: “Add a risk”"
    )
