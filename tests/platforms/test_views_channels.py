"""Channel pages: list, filters, create, edit, archive and restore; roles, tenancy."""

import pytest

from accounts.models import Role
from platforms.models import Channel
from tests.factories import ChannelFactory, PlatformFactory
from tests.helpers import url

pytestmark = pytest.mark.django_db


def form_data(platform, **overrides):
    data = {
        "platform": platform.pk,
        "name": "Library on Facebook",
        "handle": "@library",
        "url": "https://facebook.example/library",
        "kind": "own",
        "partner_contact": "",
        "lead_time_days": "0",
    }
    return {**data, **overrides}


# List ------------------------------------------------------------------------------------------


def test_empty_list_invites_editors_to_add_a_channel(client_as, org):
    page = client_as(Role.EDITOR).get(url("platforms:channel_list", org)).content.decode()
    assert "No channel yet." in page
    assert url("platforms:channel_create", org) in page


def test_viewer_sees_the_list_without_write_buttons(client_as, org, platform):
    channel = ChannelFactory(organization=org, platform=platform, name="Main page")
    page = client_as(Role.VIEWER).get(url("platforms:channel_list", org)).content.decode()
    assert "Main page" in page
    assert url("platforms:channel_update", org, channel_pk=channel.pk) not in page
    assert url("platforms:channel_create", org) not in page


def test_list_shows_active_channels_and_archived_on_their_tab(client_as, org, platform):
    ChannelFactory(organization=org, platform=platform, name="Live one")
    ChannelFactory(organization=org, platform=platform, name="Old one", is_active=False)
    client = client_as(Role.VIEWER)
    active = client.get(url("platforms:channel_list", org))
    assert [c.name for c in active.context["channels"]] == ["Live one"]
    states = active.context["filter_groups"][0].links
    assert [(link.count, link.active) for link in states] == [(1, True), (1, False)]
    archived = client.get(url("platforms:channel_list", org), {"state": "archived"})
    assert [c.name for c in archived.context["channels"]] == ["Old one"]


def test_list_filters_by_kind_and_sorts(client_as, org, platform):
    ChannelFactory(organization=org, platform=platform, name="B partner", kind="partner")
    ChannelFactory(organization=org, platform=platform, name="A own")
    client = client_as(Role.VIEWER)
    partners = client.get(url("platforms:channel_list", org), {"kind": "partner"}).context[
        "channels"
    ]
    assert [c.name for c in partners] == ["B partner"]
    by_name = client.get(url("platforms:channel_list", org), {"sort": "name"}).context["channels"]
    assert [c.name for c in by_name] == ["A own", "B partner"]
    # Unknown values fall back to the defaults instead of failing.
    response = client.get(
        url("platforms:channel_list", org), {"sort": "drop table", "kind": "nope"}
    )
    assert response.status_code == 200 and response.context["filters"]["sort"] == "platform"


def test_list_shows_only_this_organisation(client_as, org, other_org, platform):
    ChannelFactory(organization=other_org, platform=platform, name="Not ours")
    page = client_as(Role.VIEWER).get(url("platforms:channel_list", org)).content.decode()
    assert "Not ours" not in page


def test_list_paginates(client_as, org, platform):
    ChannelFactory.create_batch(30, organization=org, platform=platform)
    client = client_as(Role.VIEWER)
    assert len(client.get(url("platforms:channel_list", org)).context["channels"]) == 25
    assert len(client.get(url("platforms:channel_list", org), {"page": 2}).context["channels"]) == 5


def test_list_query_count_does_not_grow(client_as, org, django_assert_max_num_queries):
    client = client_as(Role.EDITOR)
    for code in ("a", "b", "c"):
        ChannelFactory.create_batch(8, organization=org, platform=PlatformFactory(code=code))
    # +1: the header's unread notifications (one count per page).
    with django_assert_max_num_queries(10):
        assert client.get(url("platforms:channel_list", org)).status_code == 200


# Create and edit -------------------------------------------------------------------------------


def test_editor_adds_a_partner_channel(client_as, org, platform):
    client = client_as(Role.EDITOR)
    data = form_data(platform, kind="partner", partner_contact="City comms", lead_time_days="7")
    response = client.post(url("platforms:channel_create", org), data, follow=True)
    channel = Channel.objects.get()
    assert (channel.organization, channel.kind, channel.lead_time_days) == (org, "partner", 7)
    assert "was saved" in response.content.decode()


def test_own_channel_drops_the_partner_fields(client_as, org, platform):
    client = client_as(Role.EDITOR)
    data = form_data(platform, kind="own", partner_contact="Someone", lead_time_days="3")
    client.post(url("platforms:channel_create", org), data)
    channel = Channel.objects.get()
    assert (channel.partner_contact, channel.lead_time_days) == ("", 0)


def test_create_form_preselects_the_platform_from_the_query(client_as, org, platform):
    response = client_as(Role.EDITOR).get(
        url("platforms:channel_create", org), {"platform": "facebook"}
    )
    assert response.context["form"].initial == {"platform": platform}


def test_bad_input_keeps_what_was_typed(client_as, org, platform):
    client = client_as(Role.EDITOR)
    data = form_data(platform, url="not a url", lead_time_days="999", kind="partner")
    response = client.post(url("platforms:channel_create", org), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid URL." in page
    assert 'value="Library on Facebook"' in page and 'value="not a url"' in page
    assert not Channel.objects.exists()


@pytest.mark.parametrize(("days", "valid"), [("365", True), ("366", False), ("999", False)])
def test_partner_lead_time_is_at_most_a_year(client_as, org, platform, days, valid):
    data = form_data(platform, lead_time_days=days, kind="partner")
    response = client_as(Role.EDITOR).post(url("platforms:channel_create", org), data)
    if valid:
        assert response.status_code == 302
        assert Channel.objects.get().lead_time_days == 365
    else:
        assert response.status_code == 200
        assert response.context["form"].errors["lead_time_days"] == [
            "Ensure this value is less than or equal to 365."
        ]
        assert not Channel.objects.exists()


def test_duplicate_name_is_a_field_error(client_as, org, platform):
    ChannelFactory(organization=org, platform=platform, name="Library on Facebook")
    response = client_as(Role.EDITOR).post(
        url("platforms:channel_create", org), form_data(platform)
    )
    assert response.context["form"].errors["name"] == ["Another channel already has this name."]
    assert Channel.objects.count() == 1


def test_contributor_cannot_add_a_channel(client_as, org, platform):
    client = client_as(Role.CONTRIBUTOR)
    assert client.get(url("platforms:channel_create", org)).status_code == 403
    assert client.post(url("platforms:channel_create", org), form_data(platform)).status_code == 403
    assert not Channel.objects.exists()


def test_editor_edits_a_channel(client_as, org, platform):
    channel = ChannelFactory(organization=org, platform=platform, name="Old name")
    client = client_as(Role.EDITOR)
    edit = url("platforms:channel_update", org, channel_pk=channel.pk)
    assert 'value="Old name"' in client.get(edit).content.decode()
    response = client.post(edit, form_data(platform, name="New name"))
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.name == "New name"


def test_editing_another_organisations_channel_is_404(client_as, org, other_org, platform):
    channel = ChannelFactory(organization=other_org, platform=platform, name="Theirs")
    client = client_as(Role.ADMIN)
    response = client.post(
        url("platforms:channel_update", org, channel_pk=channel.pk), form_data(platform)
    )
    assert response.status_code == 404
    channel.refresh_from_db()
    assert channel.name == "Theirs"


# Archive and restore ---------------------------------------------------------------------------


def test_archive_asks_for_confirmation_then_archives(client_as, org, platform):
    channel = ChannelFactory(organization=org, platform=platform, name="Main page")
    client = client_as(Role.EDITOR)
    archive = url("platforms:channel_archive", org, channel_pk=channel.pk)
    assert "history (posts, statistics) is kept" in client.get(archive).content.decode()
    channel.refresh_from_db()
    assert channel.is_active  # a GET changes nothing
    response = client.post(archive, follow=True)
    channel.refresh_from_db()
    assert not channel.is_active
    assert "was archived" in response.content.decode()


def test_restore_from_the_archived_tab(client_as, org, platform):
    channel = ChannelFactory(organization=org, platform=platform, is_active=False)
    client = client_as(Role.EDITOR)
    page = client.get(url("platforms:channel_list", org), {"state": "archived"}).content.decode()
    restore = url("platforms:channel_restore", org, channel_pk=channel.pk)
    assert restore in page
    client.post(restore)
    channel.refresh_from_db()
    assert channel.is_active


def test_viewer_cannot_archive(client_as, org, platform):
    channel = ChannelFactory(organization=org, platform=platform)
    response = client_as(Role.VIEWER).post(
        url("platforms:channel_archive", org, channel_pk=channel.pk)
    )
    assert response.status_code == 403
    channel.refresh_from_db()
    assert channel.is_active
