"""Reads of the per-post figures."""

from django.db.models import F, QuerySet
from django.db.models.functions import Lower

from core.tenancy import get_for_org
from platforms.models import Channel

from ..models import PostStat

POSTSTAT_SORTS = {
    "date": [F("published_on").desc(), Lower("title"), "pk"],
    "views": [F("views").desc(nulls_last=True), F("published_on").desc(), "pk"],
    "interactions": [F("interactions").desc(nulls_last=True), F("published_on").desc(), "pk"],
    "title": [Lower("title"), F("published_on").desc(), "pk"],
}


def poststat_list(*, org, filters: dict | None = None) -> QuerySet[PostStat]:
    """``org``'s post figures with their channel and platform. ``filters``: ``kind`` (the
    channel's, own or partner), ``format``, ``channel`` (a pk) and ``sort`` (a key of
    ``POSTSTAT_SORTS``, newest first by default)."""
    filters = filters or {}
    qs = PostStat.objects.for_org(org).select_related("channel__platform")
    if filters.get("kind"):
        qs = qs.filter(channel__kind=filters["kind"])
    if filters.get("format"):
        qs = qs.filter(format=filters["format"])
    if filters.get("channel"):
        qs = qs.filter(channel=filters["channel"])
    sort = filters.get("sort") or "date"
    return qs.order_by(*POSTSTAT_SORTS.get(sort, POSTSTAT_SORTS["date"]))


def poststat_get(*, org, pk: int) -> PostStat:
    """Raises ``PostStat.DoesNotExist`` for a missing row and another organisation's alike."""
    return get_for_org(PostStat.objects.select_related("channel__platform"), org, pk=pk)


def poststat_channel_choices(*, org, include=None) -> QuerySet[Channel]:
    """The channels a post's figures may be entered for: ``org``'s active channels, and
    ``include`` (the channel a row already has, even archived)."""
    qs = Channel.objects.for_org(org).select_related("platform")
    active = qs.filter(is_active=True)
    if include is not None:
        active = active | qs.filter(pk=include.pk)
    return active.order_by("platform__position", "platform__name", "name")


#: How many posts the dashboard and the evaluation rank.
TOP_POSTS = 10


def top_post_list(
    *, org, first_day, last_day, platform_code=None, channel_id=None, limit: int = TOP_POSTS
) -> QuerySet[PostStat]:
    """The most viewed posts published from ``first_day`` to ``last_day`` (both included),
    with their channel and platform: one query, ``limit`` rows."""
    posts = PostStat.objects.for_org(org).filter(
        published_on__gte=first_day, published_on__lte=last_day, views__isnull=False
    )
    if platform_code:
        posts = posts.filter(channel__platform__code=platform_code)
    if channel_id:
        posts = posts.filter(channel_id=channel_id)
    return posts.select_related("channel", "channel__platform").order_by(
        "-views", "-interactions", "-published_on", "pk"
    )[:limit]
