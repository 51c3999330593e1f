"""One active plan per demo organisation, for next year."""

import datetime

from accounts.models import Membership
from planner.models import Plan
from planner.services.plan import plan_create, plan_transition
from platforms.recommender import PRESETS

from .platforms import AUDIENCE_PRESETS


def seed_plan(org, actor) -> Plan:
    """The organisation's demo plan: created and activated once, then found again."""
    plan = Plan.objects.for_org(org).order_by("pk").first()
    if plan is not None:
        return plan
    year = datetime.date.today().year + 1
    plan = plan_create(
        org=org,
        actor=actor,
        title=f"Plan de communication {year}",
        description=str(PRESETS[AUDIENCE_PRESETS[org.slug]].description),
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
    )
    member = Membership.objects.get(organization=org, user=actor)
    plan_transition(plan=plan, name="activate", member=member)
    return plan
