"""Reads of the organisation's channels."""

from django.db.models import Count, Q, QuerySet

from core.tenancy import get_for_org

from ..models import Channel

CHANNEL_SORTS = {
    "platform": ["platform__position", "name"],
    "name": ["name"],
    "kind": ["kind", "name"],
    "updated": ["-updated_at"],
}


def channel_list(*, org, filters: dict | None = None) -> QuerySet[Channel]:
    """Channels of ``org``. ``filters``: ``state`` ("" = active, "archived" or "all"),
    ``kind``, ``platform`` and ``sort`` (a key of ``CHANNEL_SORTS``)."""
    filters = filters or {}
    qs = Channel.objects.for_org(org).select_related("platform")
    state = filters.get("state", "")
    if state != "all":
        qs = qs.filter(is_active=state != "archived")
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("platform"):
        qs = qs.filter(platform=filters["platform"])
    sort = filters.get("sort") or "platform"
    return qs.order_by(*CHANNEL_SORTS.get(sort, CHANNEL_SORTS["platform"]))


def channel_counts(*, org) -> dict[str, int]:
    """How many channels are active and archived (the list's tabs)."""
    return Channel.objects.for_org(org).aggregate(
        active=Count("pk", filter=Q(is_active=True)),
        archived=Count("pk", filter=Q(is_active=False)),
    )


def channel_get(*, org, pk: int) -> Channel:
    """Raises ``Channel.DoesNotExist`` for a missing channel and another organisation's alike."""
    return get_for_org(Channel.objects.select_related("platform"), org, pk=pk)
