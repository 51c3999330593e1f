"""Writes for plans."""

from django.db import transaction

from accounts.services import activity_log
from core.services import model_update

from ..models import PLAN_WORKFLOW, Plan, PlanTransition

#: What a plan's form may change; the status changes only through ``plan_transition``.
PLAN_FIELDS = ("title", "description", "starts_on", "ends_on")


@transaction.atomic
def plan_create(*, org, actor, **fields) -> Plan:
    """Start a new social-media plan for the organisation (as a draft)."""
    plan = Plan(organization=org, created_by=actor)
    model_update(instance=plan, fields=PLAN_FIELDS, data=fields)
    activity_log(
        org=org,
        actor=actor,
        verb="plan.create",
        params={"title": plan.title},
    )
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, actor, **fields) -> Plan:
    model_update(instance=plan, fields=PLAN_FIELDS, data=fields)
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
    activity_log(
        org=plan.organization,
        actor=member.user,
        verb=f"plan.{name}",
        params={"title": plan.title, "status": plan.status},
    )
    return record


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
