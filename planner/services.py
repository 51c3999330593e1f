"""Writes for plans."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.services import activity_log

from .models import Plan

PLAN_FIELDS = ("title", "description", "starts_on", "ends_on", "status")


@transaction.atomic
def plan_create(*, org, actor, **fields) -> Plan:
    """Start a new social-media plan for the organisation."""
    plan = Plan(organization=org, created_by=actor, **fields)
    plan.full_clean()
    plan.save()
    activity_log(
        org=org,
        actor=actor,
        verb="plan.create",
        description=_("Plan “%(title)s” created") % {"title": plan.title},
    )
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, actor, **fields) -> Plan:
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.full_clean()
    plan.save()
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="plan.update",
        description=_("Plan “%(title)s” updated") % {"title": plan.title},
    )
    return plan


@transaction.atomic
def plan_delete(*, plan: Plan, actor) -> None:
    org, title = plan.organization, plan.title
    plan.delete()
    activity_log(
        org=org,
        actor=actor,
        verb="plan.delete",
        description=_("Plan “%(title)s” deleted") % {"title": title},
    )
