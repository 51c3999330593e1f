"""Writes of the figures people type: a channel's month (the grid) and a post's figures.

Every change enqueues the organisation's rollups once it is committed
(``analytics.tasks.rollups_refresh_on_commit``) and is written to the activity log.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import ActivityEntry
from accounts.services import activity_log
from core.services import model_update

from ..models import MonthlyStat, PostStat
from ..months import month_code, month_start
from ..tasks import rollups_refresh_on_commit

#: What a post's form may change (``external_id`` and ``batch`` belong to imports).
POSTSTAT_FIELDS = (
    "channel",
    "published_on",
    "title",
    "url",
    "format",
    "views",
    "interactions",
    "avg_watch_seconds",
)


def _check_channel(org, channel) -> None:
    """A channel given in input must be one of the organisation's."""
    if channel is None or channel.organization_id != org.pk:
        message = _("Choose one of your organisation’s channels.")
        raise ValidationError({"channel": ValidationError(message, code="foreign_channel")})


# A channel's month ---------------------------------------------------------------------------


def _just_logged(org, actor, verb: str, params: dict) -> bool:
    """Whether the organisation's latest entry already says this: the grid saves a row each
    time a cell changes, and one row typed cell by cell is one entry in the log."""
    latest = (
        ActivityEntry.objects.filter(organization=org)
        .order_by("-created_at", "-pk")
        .values_list("verb", "actor_id", "params")
        .first()
    )
    return latest == (verb, getattr(actor, "pk", None), params)


@transaction.atomic
def monthly_stat_save(
    *, org, channel, month: datetime.date, values: dict, actor
) -> MonthlyStat | None:
    """Store ``values`` (``MonthlyStat.FIGURES`` → int or None) as ``channel``'s ``month``.

    One row per channel and month: an existing row is updated. A row whose figures are all
    empty is not kept: an existing one is deleted, else nothing is written (returns None).
    Nothing changes (no log, no rollup) when the figures are already those.
    """
    _check_channel(org, channel)
    unknown = set(values) - set(MonthlyStat.FIGURES)
    if unknown:
        raise TypeError(f"MonthlyStat has no figure {sorted(unknown)}")
    month = month_start(month)
    if month > month_start(timezone.localdate()):
        message = _("Figures can be entered once the month has started.")
        raise ValidationError(message, code="future_month")
    figures = {name: values.get(name) for name in MonthlyStat.FIGURES}
    stat = (
        MonthlyStat.objects.for_org(org)
        .select_for_update()
        .filter(channel=channel, month=month)
        .first()
    )
    if all(value is None for value in figures.values()):
        if stat is not None:
            stat.delete()
            activity_log(
                org=org,
                actor=actor,
                verb="stats.month_clear",
                params={"month": month_code(month), "channel": channel.name},
            )
            rollups_refresh_on_commit(org, channel)
        return None
    if stat is None:
        stat = MonthlyStat(organization=org, channel=channel, month=month)
    elif all(getattr(stat, name) == value for name, value in figures.items()):
        return stat
    model_update(
        instance=stat,
        fields=(*MonthlyStat.FIGURES, "updated_by"),
        data={**figures, "updated_by": actor},
    )
    if not _just_logged(
        org, actor, "stats.month", {"month": month_code(month), "channel": channel.name}
    ):
        activity_log(
            org=org,
            actor=actor,
            verb="stats.month",
            params={"month": month_code(month), "channel": channel.name},
        )
    rollups_refresh_on_commit(org, channel)
    return stat


# A post's figures ----------------------------------------------------------------------------


def _clean_poststat(poststat: PostStat) -> None:
    """Field rules, then the natural key (channel, date, format, title whatever its case) with
    the constraint's own message, under the title."""
    poststat.full_clean(validate_constraints=False)
    if poststat.external_id:
        clash = PostStat.objects.filter(
            channel=poststat.channel_id, external_id=poststat.external_id
        )
    else:
        clash = PostStat.objects.filter(
            channel=poststat.channel_id,
            published_on=poststat.published_on,
            format=poststat.format,
            title__iexact=poststat.title,
            external_id="",
        )
    if poststat.pk:
        clash = clash.exclude(pk=poststat.pk)
    if clash.exists():
        message = _("This channel already has figures for a post with this title, date and format.")
        raise ValidationError({"title": ValidationError(message, code="duplicate_post")})


@transaction.atomic
def poststat_create(*, org, actor, **fields) -> PostStat:
    """Add a post’s figures (a post planned in Vitrine or not: its title and URL say which)."""
    _check_channel(org, fields.get("channel"))
    poststat = _poststat_save(PostStat(organization=org), actor, fields)
    activity_log(org=org, actor=actor, verb="poststat.create", params={"title": poststat.title})
    return poststat


@transaction.atomic
def poststat_update(*, poststat: PostStat, actor, **fields) -> PostStat:
    if "channel" in fields:
        _check_channel(poststat.organization, fields["channel"])
    _poststat_save(poststat, actor, fields)
    activity_log(
        org=poststat.organization,
        actor=actor,
        verb="poststat.update",
        params={"title": poststat.title},
    )
    return poststat


def _poststat_save(poststat: PostStat, actor, fields: dict) -> PostStat:
    """Validate and save; the dashboard's rollups follow once the write commits."""
    model_update(
        instance=poststat,
        fields=(*POSTSTAT_FIELDS, "updated_by"),
        data={**fields, "updated_by": actor},
        clean=_clean_poststat,
    )
    rollups_refresh_on_commit(poststat.organization)
    return poststat


@transaction.atomic
def poststat_delete(*, poststat: PostStat, actor) -> None:
    org = poststat.organization
    title = poststat.title
    poststat.delete()
    activity_log(org=org, actor=actor, verb="poststat.delete", params={"title": title})
    rollups_refresh_on_commit(org)
