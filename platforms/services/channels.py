"""Writes on the organisation's channels (archived, never deleted: posts hang on them)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.services import activity_log
from core.services import model_update

from ..models import Channel

#: What the channel form may change; archiving goes through ``channel_set_active``.
CHANNEL_FIELDS = ("platform", "name", "handle", "url", "kind", "partner_contact", "lead_time_days")


def _clean_channel(channel: Channel) -> None:
    """Field rules, then the name: unique in the organisation whatever its case."""
    channel.full_clean(validate_unique=False, validate_constraints=False)
    clash = Channel.objects.for_org(channel.organization).filter(name__iexact=channel.name)
    if channel.pk:
        clash = clash.exclude(pk=channel.pk)
    if clash.exists():
        message = _("Another channel already has this name.")
        raise ValidationError({"name": ValidationError(message, code="duplicate_name")})


@transaction.atomic
def channel_create(*, org, actor, **fields) -> Channel:
    """Add an account (own or partner) to the organisation."""
    channel = Channel(organization=org)
    model_update(instance=channel, fields=CHANNEL_FIELDS, data=fields, clean=_clean_channel)
    activity_log(
        org=org,
        actor=actor,
        verb="channel.create",
        params={"name": channel.name},
    )
    return channel


@transaction.atomic
def channel_update(*, channel: Channel, actor, **fields) -> Channel:
    model_update(instance=channel, fields=CHANNEL_FIELDS, data=fields, clean=_clean_channel)
    activity_log(
        org=channel.organization,
        actor=actor,
        verb="channel.update",
        params={"name": channel.name},
    )
    return channel


@transaction.atomic
def channel_set_active(*, channel: Channel, active: bool, actor) -> Channel:
    """Archive or restore a channel. Archived channels keep their history (posts, stats)."""
    channel.is_active = active
    channel.save(update_fields=["is_active", "updated_at"])
    activity_log(
        org=channel.organization,
        actor=actor,
        verb="channel.restore" if active else "channel.archive",
        params={"name": channel.name},
    )
    return channel
