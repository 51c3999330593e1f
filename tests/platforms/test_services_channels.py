"""Channel services: create with its rules (unique name, lead time), archive and restore."""

import pytest
from django.core.exceptions import ValidationError

from accounts.models import ActivityEntry, Role
from platforms.models import Channel
from platforms.services import channels as services
from tests.factories import ChannelFactory

pytestmark = pytest.mark.django_db


def test_create_logs_the_activity(org, member, platform):
    actor = member(Role.EDITOR).user
    channel = services.channel_create(org=org, actor=actor, platform=platform, name="Main page")
    assert channel.is_active and channel.organization == org
    assert ActivityEntry.objects.filter(organization=org, verb="channel.create").count() == 1


def test_names_are_unique_per_organisation_whatever_the_case(org, other_org, platform):
    ChannelFactory(organization=org, platform=platform, name="Main page")
    with pytest.raises(ValidationError) as error:
        services.channel_create(org=org, actor=None, platform=platform, name="MAIN PAGE")
    assert "name" in error.value.error_dict
    # Another organisation may use the same name.
    services.channel_create(org=other_org, actor=None, platform=platform, name="Main page")


def test_an_own_account_has_no_lead_time(org, platform):
    with pytest.raises(ValidationError) as error:
        services.channel_create(
            org=org, actor=None, platform=platform, name="Ours", kind="own", lead_time_days=5
        )
    assert "lead_time_days" in error.value.error_dict
    assert not Channel.objects.exists()


def test_archive_and_restore_keep_the_channel(org, platform):
    channel = ChannelFactory(organization=org, platform=platform)
    services.channel_set_active(channel=channel, active=False, actor=None)
    channel.refresh_from_db()
    assert not channel.is_active
    services.channel_set_active(channel=channel, active=True, actor=None)
    channel.refresh_from_db()
    assert channel.is_active
    verbs = set(ActivityEntry.objects.values_list("verb", flat=True))
    assert {"channel.archive", "channel.restore"} <= verbs
