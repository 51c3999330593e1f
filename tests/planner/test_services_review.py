"""The goal review: steps allowed per role and status, stale pages, the log, who is told."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import ActivityEntry, Notification, Role
from planner.models import Goal, GoalTransition
from planner.review import GOAL_WORKFLOW, goal_page_url, goal_transitions_available
from planner.services.review import goal_review
from tests.factories import GoalFactory, MembershipFactory, PlanFactory

pytestmark = pytest.mark.django_db

S = Goal.Status


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, title="2027 programme")


@pytest.fixture
def author(member):
    return member(Role.EDITOR)


@pytest.fixture
def goal(plan, author):
    return GoalFactory(plan=plan, created_by=author.user, statement="Create 5 events a month")


def review(goal, name, member, comment="", version=None):
    return goal_review(
        goal=goal,
        name=name,
        member=member,
        comment=comment,
        version=goal.version if version is None else version,
    )


def codes(error: ValidationError) -> list[str]:
    return [e.code for e in error.error_list] if hasattr(error, "error_list") else []


# Steps allowed per role and status ----------------------------------------------------------

CASES = [
    # (role, status, step, allowed)
    (Role.EDITOR, S.DRAFT, "submit", True),
    (Role.EDITOR, S.CHANGES_REQUESTED, "submit", True),
    (Role.CONTRIBUTOR, S.DRAFT, "submit", False),
    (Role.VIEWER, S.DRAFT, "submit", False),
    (Role.EDITOR, S.SUBMITTED, "approve", False),
    (Role.MANAGER, S.SUBMITTED, "approve", True),
    (Role.ADMIN, S.SUBMITTED, "approve", True),
    (Role.EDITOR, S.SUBMITTED, "request_changes", False),
    (Role.MANAGER, S.SUBMITTED, "request_changes", True),
]


@pytest.mark.parametrize(("role", "status", "name", "allowed"), CASES)
def test_each_step_is_allowed_to_the_roles_its_rule_admits(
    member, goal, role, status, name, allowed
):
    Goal.objects.filter(pk=goal.pk).update(status=status)
    goal.refresh_from_db()
    someone = member(role)
    if not allowed:
        with pytest.raises(PermissionDenied):
            review(goal, name, someone, comment="Fix the target")
        goal.refresh_from_db()
        assert goal.status == status and not goal.transitions.exists()
        return
    record = review(goal, name, someone, comment="Fix the target")
    goal.refresh_from_db()
    assert goal.status == GOAL_WORKFLOW.transitions[name].target
    assert (record.from_status, record.to_status, record.actor) == (
        status,
        goal.status,
        someone.user,
    )


@pytest.mark.parametrize(
    ("status", "name"),
    [
        (S.DRAFT, "approve"),
        (S.APPROVED, "approve"),
        (S.APPROVED, "submit"),
        (S.SUBMITTED, "submit"),
        (S.CHANGES_REQUESTED, "request_changes"),
        (S.DRAFT, "withdraw"),
    ],
)
def test_a_step_from_the_wrong_status_is_refused(member, goal, author, status, name):
    Goal.objects.filter(pk=goal.pk).update(status=status)
    goal.refresh_from_db()
    actor = author if name in ("submit", "withdraw") else member(Role.MANAGER)
    with pytest.raises(ValidationError) as caught:
        review(goal, name, actor, comment="why")
    assert codes(caught.value) == ["invalid_transition"]


def test_an_unknown_step_is_refused(goal, author):
    with pytest.raises(ValidationError) as caught:
        review(goal, "publish", author)
    assert codes(caught.value) == ["unknown_transition"]


def test_only_the_author_withdraws_a_submission(member, goal, author):
    review(goal, "submit", author)
    with pytest.raises(PermissionDenied):
        review(goal, "withdraw", member(Role.EDITOR))
    with pytest.raises(PermissionDenied):
        review(goal, "withdraw", member(Role.ADMIN))
    review(goal, "withdraw", author)
    assert goal.status == S.DRAFT


def test_the_buttons_offered_are_the_steps_the_member_may_take(member, goal, author):
    names = lambda m: [name for name, _t in goal_transitions_available(goal, m)]  # noqa: E731
    assert names(author) == ["submit"]
    assert names(member(Role.VIEWER)) == []
    review(goal, "submit", author)
    assert names(author) == ["withdraw"]
    assert names(member(Role.EDITOR)) == []
    assert names(member(Role.MANAGER)) == ["approve", "request_changes"]


def test_requesting_changes_needs_a_comment(member, goal, author):
    review(goal, "submit", author)
    version = goal.version
    with pytest.raises(ValidationError) as caught:
        review(goal, "request_changes", member(Role.MANAGER), comment="   ")
    assert [e.code for e in caught.value.error_dict["comment"]] == ["comment_required"]
    goal.refresh_from_db()
    assert (goal.status, goal.version) == (S.SUBMITTED, version)


def test_each_step_keeps_the_revision_and_moves_the_version(member, goal, author):
    Goal.objects.filter(pk=goal.pk).update(revision=3)
    goal.refresh_from_db()
    first = goal.version
    record = review(goal, "submit", author, comment="Ready")
    assert record.revision == 3 and record.comment == "Ready"
    assert goal.version == first + 1
    goal.refresh_from_db()
    assert goal.version == first + 1
    assert GoalTransition.objects.get().revision == 3


# A page older than the goal ---------------------------------------------------------------------


def test_a_decision_on_a_stale_page_is_refused(member, goal, author):
    review(goal, "submit", author)
    seen = goal.version
    alice = MembershipFactory(
        organization=goal.plan.organization,
        role=Role.MANAGER,
        user__first_name="Alice",
        user__last_name="Martin",
    )
    review(goal, "approve", alice, version=seen)
    with pytest.raises(ValidationError) as caught:
        review(goal, "request_changes", member(Role.MANAGER), comment="No", version=seen)
    assert codes(caught.value) == ["stale"]
    assert "Already decided by Alice Martin (Approved)" in caught.value.messages[0]
    assert goal.transitions.count() == 2


def test_an_edit_since_the_page_loaded_makes_it_stale(member, goal, author):
    review(goal, "submit", author)
    seen = goal.version
    Goal.objects.filter(pk=goal.pk).update(version=seen + 1, statement="Edited meanwhile")
    with pytest.raises(ValidationError) as caught:
        review(goal, "approve", member(Role.MANAGER), version=seen)
    assert codes(caught.value) == ["stale"]
    assert "changed since you opened the page" in caught.value.messages[0]
    goal.refresh_from_db()
    assert goal.status == S.SUBMITTED


def test_no_version_is_a_stale_page(member, goal, author):
    with pytest.raises(ValidationError) as caught:
        goal_review(goal=goal, name="submit", member=author, version=None)
    assert codes(caught.value) == ["stale"]


# The log and the notifications ------------------------------------------------------------------


def test_each_step_is_logged_with_the_goal_and_the_plan(goal, author):
    review(goal, "submit", author)
    entry = ActivityEntry.objects.get(verb="goal.submit")
    assert entry.params == {"goal": "Create 5 events a month", "plan": "2027 programme"}
    assert entry.message == (
        "Goal “Create 5 events a month” (plan “2027 programme”) submitted for review"
    )


def test_a_submission_tells_every_manager_and_admin_but_the_actor(org, other_org, member, goal):
    managers = [member(Role.MANAGER), member(Role.ADMIN)]
    acting_manager = member(Role.MANAGER)
    member(Role.EDITOR), member(Role.VIEWER)
    MembershipFactory(organization=other_org, role=Role.ADMIN)
    review(goal, "submit", acting_manager, comment="Please look")
    notes = Notification.objects.filter(code="goal.submitted")
    assert {n.recipient for n in notes} == {m.user for m in managers}
    note = notes.first()
    assert note.organization == org and note.actor == acting_manager.user
    assert note.params["goal"] == "Create 5 events a month"
    assert note.params["comment"] == "Please look"
    assert note.url == goal_page_url(goal)


def test_a_decision_tells_the_author_and_the_owner_once_each(member, goal, author):
    owner = member(Role.EDITOR)
    Goal.objects.filter(pk=goal.pk).update(owner=owner.user)
    goal.refresh_from_db()
    review(goal, "submit", author)
    Notification.objects.all().delete()
    review(goal, "request_changes", member(Role.MANAGER), comment="The target is vague")
    notes = Notification.objects.filter(code="goal.changes_requested")
    assert sorted(n.recipient_id for n in notes) == sorted([author.user_id, owner.user_id])
    assert notes.first().params["comment"] == "The target is vague"


def test_a_decision_tells_neither_the_actor_nor_people_who_left_or_only_read(member, goal, author):
    manager = member(Role.MANAGER)
    viewer = member(Role.VIEWER)
    Goal.objects.filter(pk=goal.pk).update(owner=viewer.user, created_by=manager.user)
    goal.refresh_from_db()
    review(goal, "submit", author)
    Notification.objects.all().delete()
    review(goal, "approve", manager)  # the author approves their own: nobody else to tell
    assert not Notification.objects.exists()


def test_a_step_reads_what_the_actor_was_told_about_this_goal(member, goal, author, plan):
    manager = member(Role.MANAGER)
    other = GoalFactory(plan=plan, created_by=author.user)
    review(goal, "submit", author)
    review(other, "submit", author)
    review(goal, "request_changes", manager, comment="Aim higher")
    unread = Notification.objects.filter(read_at__isnull=True)
    # The manager's note about the decided goal is read; the one about the other goal waits.
    assert {(n.recipient_id, n.url) for n in unread.filter(recipient=manager.user)} == {
        (manager.user_id, goal_page_url(other))
    }
    assert unread.filter(recipient=author.user, code="goal.changes_requested").count() == 1
    review(goal, "submit", author)
    assert not unread.filter(recipient=author.user).exists()


def test_a_withdrawal_tells_nobody(member, goal, author):
    member(Role.MANAGER)
    review(goal, "submit", author)
    Notification.objects.all().delete()
    review(goal, "withdraw", author)
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("language", "subject", "sentence"),
    [
        ("en", "A goal awaits your review", "submitted the goal “Create 5 events a month”"),
        (
            "fr",
            "Un objectif attend votre validation",
            "a soumis l’objectif «\u00a0Create 5 events a month\u00a0»",
        ),
    ],
)
def test_the_e_mail_is_written_in_the_organisation_language(
    django_capture_on_commit_callbacks, member, goal, author, language, subject, sentence
):
    org = goal.plan.organization
    org.language = language
    org.save()
    reviewer = member(Role.MANAGER)
    with django_capture_on_commit_callbacks(execute=True):
        review(goal, "submit", author)
    (message,) = mail.outbox
    assert message.to == [reviewer.user.email]
    assert subject in message.subject
    assert sentence in message.body
    assert "http://127.0.0.1:8000/o/" in message.body


def test_nothing_is_sent_when_the_step_is_refused(django_capture_on_commit_callbacks, member, goal):
    member(Role.MANAGER)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        review(goal, "submit", member(Role.EDITOR), version=goal.version + 5)
    assert mail.outbox == [] and not Notification.objects.exists()
