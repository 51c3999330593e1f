"""Writes for plans."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from accounts.notifications import excerpt
from accounts.selectors import user_is_member
from accounts.services import activity_log, notify
from core.services import model_update
from core.steps import STEPS

from ..models import PLAN_WORKFLOW, Plan, PlanTransition
from .review import review_recipients

#: What a plan's form may change; the status changes only through ``plan_transition``.
PLAN_FIELDS = ("title", "description", "starts_on", "ends_on", "owner")
#: The notification each review step of a whole plan sends, as for a goal.
PLAN_NOTIFICATIONS = {
    "submit": "plan.submitted",
    "approve": "plan.approved",
    "request_changes": "plan.changes_requested",
}


def _clean(plan: Plan) -> None:
    """``full_clean()``, and the owner must be one of the organisation's members."""
    plan.full_clean()
    if plan.owner_id and not user_is_member(org_id=plan.organization_id, user_id=plan.owner_id):
        message = _("The owner must be a member of the organisation.")
        raise ValidationError({"owner": ValidationError(message, code="owner_not_member")})


@transaction.atomic
def plan_create(*, org, actor, **fields) -> Plan:
    """Start a new social-media plan for the organisation (as a draft), owned by its creator
    unless ``owner`` says otherwise."""
    plan = Plan(organization=org, created_by=actor)
    fields.setdefault("owner", actor)
    model_update(instance=plan, fields=PLAN_FIELDS, data=fields, clean=_clean)
    activity_log(
        org=org,
        actor=actor,
        verb="plan.create",
        params={"title": plan.title},
    )
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, actor, **fields) -> Plan:
    model_update(instance=plan, fields=PLAN_FIELDS, data=fields, clean=_clean)
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="plan.update",
        params={"title": plan.title},
    )
    return plan


@transaction.atomic
def plan_transition(*, plan: Plan, name: str, member, comment: str = "") -> PlanTransition:
    """Change the plan's status by one of ``PLAN_WORKFLOW``'s transitions, and log it."""
    record = PLAN_WORKFLOW.apply(plan, name, member=member, comment=comment)
    actor = member.user
    activity_log(
        org=plan.organization,
        actor=actor,
        verb=f"plan.{name}",
        params={"title": plan.title, "status": plan.status},
    )
    if name in PLAN_NOTIFICATIONS:
        notify(
            org=plan.organization,
            recipients=review_recipients(
                org=plan.organization,
                name=name,
                people={plan.created_by_id, plan.owner_id},
                actor=actor,
            ),
            actor=actor,
            code=PLAN_NOTIFICATIONS[name],
            params={
                "plan": plan.title,
                "actor": actor.get_full_name() or actor.email,
                "comment": excerpt(record.comment),
            },
            url=plan.get_absolute_url(),
        )
    return record


def shift_years(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def date_shifter(old_start: datetime.date | None, new_start: datetime.date | None):
    """How a duplicate's dates move: by whole years when the new period starts on the same
    day of the year (so 31 December stays 31 December), else by the days between the starts;
    not at all without both starts."""
    if old_start is None or new_start is None:
        return lambda day: day
    if (old_start.month, old_start.day) == (new_start.month, new_start.day):
        years = new_start.year - old_start.year
        return lambda day: day and shift_years(day, years)
    offset = new_start - old_start
    return lambda day: day and day + offset


@transaction.atomic
def plan_duplicate(*, plan: Plan, actor, title: str, starts_on, ends_on) -> Plan:
    """A new draft plan from ``plan``: its description, then what each step holds, copied by
    the step's ``copy`` function (``core.steps.Step.copy``) with its dates moved to the new
    period. Reviews, history and revisions are not copied: the new plan starts over.

    Each step copies in bulk, so the number of queries does not depend on the plan's size.
    """
    new = Plan(
        organization=plan.organization,
        title=title,
        description=plan.description,
        starts_on=starts_on,
        ends_on=ends_on,
        owner=actor,
        created_by=actor,
    )
    new.full_clean()
    new.save()
    shift = date_shifter(plan.starts_on, starts_on)
    for step in STEPS:
        if step.copy:
            import_string(step.copy)(source=plan, target=new, shift=shift, actor=actor)
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="plan.duplicate",
        params={"title": new.title, "source": plan.title},
    )
    return new


@transaction.atomic
def plan_delete(*, plan: Plan, actor) -> None:
    org, title = plan.organization, plan.title
    plan.delete()
    activity_log(
        org=org,
        actor=actor,
        verb="plan.delete",
        params={"title": title},
    )
