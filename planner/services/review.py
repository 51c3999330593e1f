"""Writes of the goal review: one step of ``GOAL_WORKFLOW``, refused on a stale page."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Membership, Role
from accounts.notifications import excerpt
from accounts.services import activity_log, notification_read_about, notify
from core.permissions import PREDICATES, can_edit_plan, can_review_plan, check

from ..models import Goal, GoalTransition
from ..review import AUTHOR_ONLY, DECISIONS, GOAL_WORKFLOW, goal_page_url, is_author, status_label

#: What a notification and the activity log keep of the goal's statement.
STATEMENT_EXCERPT = 80

#: The notification each step sends (a withdrawal tells nobody).
NOTIFICATION_CODES = {
    "submit": "goal.submitted",
    "approve": "goal.approved",
    "request_changes": "goal.changes_requested",
}


def _roles_allowed(predicate) -> list[str]:
    """The roles a permission predicate admits, for a query (the rule stays in one place)."""
    return [role for role in Role.values if predicate(Membership(role=role))]


def _stale_error(goal: Goal) -> ValidationError:
    """The refusal of a step taken on a page older than the goal, saying what happened."""
    last = goal.transitions.select_related("actor").order_by("-created_at", "-pk").first()
    decided = goal.status in (Goal.Status.APPROVED, Goal.Status.CHANGES_REQUESTED)
    if decided and last is not None and last.to_status == goal.status:
        who = last.actor.get_full_name() or last.actor.email if last.actor else _("someone")
        message = _(
            "Already decided by %(who)s (%(status)s) since you opened the page. "
            "Nothing was changed: check the goal as it is now."
        ) % {"who": who, "status": status_label(goal.status)}
    else:
        message = _(
            "This goal changed since you opened the page (it is now “%(status)s”). "
            "Nothing was changed: check it as it is now and decide again."
        ) % {"status": status_label(goal.status)}
    return ValidationError(message, code="stale")


def review_recipients(*, org, name: str, people: set, actor) -> list:
    """Who hears of a review step (of a goal or a whole plan): the reviewers of a submission;
    ``people`` (the author and the owner) of a decision, while they may still edit the plan
    (they are the ones who act on it)."""
    members = Membership.objects.for_org(org).select_related("user")
    if name == "submit":
        members = members.filter(role__in=_roles_allowed(can_review_plan))
    elif name in DECISIONS:
        members = members.filter(
            user_id__in=people - {None}, role__in=_roles_allowed(can_edit_plan)
        )
    else:
        return []
    return [m.user for m in members if m.user_id != actor.pk and m.user.is_active]


@transaction.atomic
def goal_review(
    *, goal: Goal, name: str, member, comment: str = "", version: int | None
) -> GoalTransition:
    """Take review step ``name`` on ``goal`` as ``member`` (a ``Membership``).

    ``version`` is the goal's version the page was showing: a goal changed since (edited, or
    decided by someone else) is refused with code ``stale``, read under the row lock the
    workflow takes, so of two managers deciding at once the second is told. Raises
    ``PermissionDenied`` when the member's role (or, to withdraw, authorship) does not allow
    the step, ``ValidationError`` otherwise (``unknown_transition``, ``invalid_transition``,
    ``comment_required``, ``stale``). Logs the step and notifies (see ``_recipients``).
    """
    transition = GOAL_WORKFLOW.transitions.get(name)
    if transition is not None:
        check(PREDICATES[transition.permission], member, goal)
        if name in AUTHOR_ONLY and not is_author(goal, member):
            raise PermissionDenied
    # The lock the workflow takes, taken first: the version and the status are read together.
    locked = (
        Goal.objects.select_for_update(of=("self",))
        .select_related("plan__organization")
        .get(pk=goal.pk)
    )
    if version != locked.version:
        raise _stale_error(locked)
    record = GOAL_WORKFLOW.apply(locked, name, member=member, comment=comment)
    locked.version += 1
    locked.save(update_fields=["version"])
    goal.status, goal.version, goal.updated_at = locked.status, locked.version, locked.updated_at

    actor, plan = member.user, locked.plan
    statement = excerpt(locked.statement, STATEMENT_EXCERPT)
    activity_log(
        org=plan.organization,
        actor=actor,
        verb=f"goal.{name}",
        params={"goal": statement, "plan": plan.title},
    )
    url = goal_page_url(locked)
    # The step answers what the actor was told about this goal (a submission to decide, a
    # request for changes to make): their bell stops ringing for it.
    notification_read_about(org=plan.organization, user=actor, url=url)
    if name in NOTIFICATION_CODES:
        notify(
            org=plan.organization,
            recipients=review_recipients(
                org=plan.organization,
                name=name,
                people={locked.created_by_id, locked.owner_id},
                actor=actor,
            ),
            actor=actor,
            code=NOTIFICATION_CODES[name],
            params={
                "goal": statement,
                "plan": plan.title,
                "actor": actor.get_full_name() or actor.email,
                "comment": excerpt(record.comment),
            },
            url=url,
        )
    return record
