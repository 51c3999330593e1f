"""One plan per demo organisation, for next year: the first one awaits the manager's review,
the others are approved."""

import datetime

from accounts.models import Membership
from planner.models import Plan
from planner.services.plan import plan_create, plan_transition
from platforms.recommender import PRESETS

from .organisations import DEMO_ORGS
from .platforms import AUDIENCE_PRESETS


def seed_plan(org, actor) -> Plan:
    """The organisation's demo plan: created and submitted once (and approved, but in the
    first organisation, whose demo manager then has a plan to review), then found again."""
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
    plan_transition(plan=plan, name="submit", member=member)
    if org.slug != DEMO_ORGS[0].slug:
        plan_transition(plan=plan, name="approve", member=member)
    return plan
