"""``seed_demo``: the organisations, then each step's demo data in plan order."""

from django.db import transaction
from django.utils import timezone, translation

from accounts.models import Notification

from . import platforms
from .analytics import seed_statistics
from .benefits import seed_register
from .objectives import seed_objectives
from .organisations import seed_organisations
from .plans import seed_plan


@transaction.atomic
def seed_demo() -> list[tuple[str, str, str]]:
    """Create or refresh the demo organisations, users and data; return (email, password, role)."""
    orgs, logins, admin = seed_organisations()
    catalogue = platforms.seed_catalogue()
    # Demo content is in French, the organisations' language.
    with translation.override("fr"):
        for org in orgs:
            platforms.seed_channels(org, admin, catalogue)
            plan = seed_plan(org, admin)
            seed_register(plan, admin)
            seed_objectives(plan, admin)
            platforms.seed_plan_step(plan, admin, catalogue)
            seed_statistics(org, admin)
    # The demo's notifications stay in the bell: their addresses are not real inboxes.
    Notification.objects.filter(organization__in=orgs, emailed_at=None).update(
        emailed_at=timezone.now()
    )
    return logins
