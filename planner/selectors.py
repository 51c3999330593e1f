"""Reads for plans."""

from django.db.models import Count, QuerySet

from core.tenancy import get_for_org

from .models import Plan

PLAN_SORTS = {"updated": ["-updated_at", "-pk"], "title": ["title"], "start": ["starts_on", "pk"]}


def plan_list(*, org, status: str | None = None, sort: str = "updated") -> QuerySet[Plan]:
    qs = (
        Plan.objects.for_org(org)
        .select_related("created_by", "organization")
        .annotate(platform_count=Count("platform_choices", distinct=True))
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by(*PLAN_SORTS.get(sort, PLAN_SORTS["updated"]))


def plan_get(*, org, pk: int) -> Plan:
    return get_for_org(Plan.objects.select_related("organization", "created_by"), org, pk=pk)
