"""Reads for plans."""

from django.db.models import Count, QuerySet

from core.tenancy import get_for_org

from ..models import Plan, PlanTransition

PLAN_SORTS = {"updated": ["-updated_at", "-pk"], "title": ["title"], "start": ["starts_on", "pk"]}


def plan_list(*, org, filters: dict | None = None) -> QuerySet[Plan]:
    """Plans of ``org``; ``filters``: ``status`` and ``sort`` (a key of ``PLAN_SORTS``)."""
    filters = filters or {}
    qs = (
        Plan.objects.for_org(org)
        .select_related("created_by", "organization")
        # Through the relation, not an import: the list shows each plan's step-3 progress.
        .annotate(platform_count=Count("platform_choices", distinct=True))
    )
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    return qs.order_by(*PLAN_SORTS.get(filters.get("sort"), PLAN_SORTS["updated"]))


def plan_get(*, org, pk: int) -> Plan:
    """Raises ``Plan.DoesNotExist`` for a missing plan and another organisation's alike."""
    return get_for_org(Plan.objects.select_related("organization", "created_by"), org, pk=pk)


def plan_transition_list(*, plan: Plan) -> QuerySet[PlanTransition]:
    """The plan's status changes, newest first."""
    return plan.transitions.select_related("actor").order_by("-created_at", "-pk")
