"""Per-post figures: services, the list (filters, sorts, pages), add, edit, delete."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import ActivityEntry, Role
from analytics.models import MonthlyRollup, PostStat
from analytics.services.stats import poststat_create, poststat_delete, poststat_update
from tests.factories import ChannelFactory, PostStatFactory
from tests.helpers import url

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 1, 14)


@pytest.fixture
def channel(org):
    return ChannelFactory(organization=org, name="Library on YouTube", platform__name="YouTube")


def fields(channel, **changes) -> dict:
    return {
        "channel": channel,
        "published_on": DAY,
        "title": "Reading club",
        "url": "https://example.org/v/1",
        "format": "video",
        "views": 1250,
        "interactions": 40,
        "avg_watch_seconds": 150,
        **changes,
    }


def form_data(channel, **changes) -> dict:
    return {
        "published_on": "2026-01-14",
        "channel": channel.pk,
        "title": "Reading club",
        "url": "https://example.org/v/1",
        "format": "video",
        "views": "1 250",
        "interactions": "40",
        "avg_watch_seconds": "2:30",
        **changes,
    }


# Services --------------------------------------------------------------------------------------


def test_create_update_delete_log_and_refresh_the_rollups(
    org, member, channel, django_capture_on_commit_callbacks
):
    actor = member(Role.CONTRIBUTOR).user
    with django_capture_on_commit_callbacks(execute=True):
        stat = poststat_create(org=org, actor=actor, **fields(channel))
    assert (stat.organization, stat.updated_by, stat.avg_watch_seconds) == (org, actor, 150)
    rollup = MonthlyRollup.objects.get(channel=channel, month=datetime.date(2026, 1, 1))
    assert (rollup.post_count, rollup.post_views) == (1, 1250)
    with django_capture_on_commit_callbacks(execute=True):
        poststat_update(poststat=stat, actor=actor, **fields(channel, views=2000))
    rollup = MonthlyRollup.objects.get(channel=channel, month=datetime.date(2026, 1, 1))
    assert rollup.post_views == 2000
    with django_capture_on_commit_callbacks(execute=True):
        poststat_delete(poststat=stat, actor=actor)
    assert not PostStat.objects.exists()
    assert not MonthlyRollup.objects.filter(channel=channel, post_count__gt=0).exists()
    verbs = list(ActivityEntry.objects.order_by("pk").values_list("verb", "params"))
    assert verbs == [
        ("poststat.create", {"title": "Reading club"}),
        ("poststat.update", {"title": "Reading club"}),
        ("poststat.delete", {"title": "Reading club"}),
    ]


def test_another_organisations_channel_is_refused(org, other_org):
    foreign = ChannelFactory(organization=other_org)
    with pytest.raises(ValidationError) as caught:
        poststat_create(org=org, actor=None, **fields(foreign))
    assert caught.value.error_dict["channel"][0].code == "foreign_channel"
    stat = PostStatFactory(organization=org, channel=ChannelFactory(organization=org))
    with pytest.raises(ValidationError):
        poststat_update(poststat=stat, actor=None, **fields(foreign))


def test_the_same_post_twice_is_refused_under_its_title(org, channel):
    poststat_create(org=org, actor=None, **fields(channel))
    with pytest.raises(ValidationError) as caught:
        poststat_create(org=org, actor=None, **fields(channel, title="READING CLUB"))
    assert caught.value.error_dict["title"][0].code == "duplicate_post"
    # Another format or date is another post.
    poststat_create(org=org, actor=None, **fields(channel, format="story"))
    poststat_create(org=org, actor=None, **fields(channel, published_on=DAY.replace(day=15)))
    assert PostStat.objects.count() == 3


# List ------------------------------------------------------------------------------------------


def test_the_list_shows_this_organisations_figures_formatted(client_as, org, other_org, channel):
    PostStatFactory(
        organization=org,
        channel=channel,
        title="Reading club",
        url="https://example.org/v/1",
        views=12345,
        avg_watch_seconds=3723,
        format="video",
    )
    PostStatFactory(
        organization=other_org, channel=ChannelFactory(organization=other_org), title="Not ours"
    )
    page = client_as(Role.VIEWER).get(url("analytics:poststat_list", org)).content.decode()
    assert "Reading club" in page and "Not ours" not in page
    assert 'href="https://example.org/v/1" rel="noopener noreferrer"' in page
    assert "12,345" in page and "1:02:03" in page and "YouTube · Library on YouTube" in page
    # A viewer has no write buttons.
    assert url("analytics:poststat_create", org) not in page


def test_the_list_filters_by_kind_and_format_and_sorts(client_as, org, channel):
    partner = ChannelFactory(organization=org, kind="partner")
    PostStatFactory(organization=org, channel=channel, title="b own", views=10, format="post")
    PostStatFactory(organization=org, channel=partner, title="A partner", views=30, format="story")
    PostStatFactory(organization=org, channel=channel, title="c own", views=None, format="story")
    client = client_as(Role.VIEWER)
    address = url("analytics:poststat_list", org)

    def titles(**query):
        return [s.title for s in client.get(address, query).context["poststats"]]

    assert titles(kind="partner") == ["A partner"]
    assert sorted(titles(format="story")) == ["A partner", "c own"]
    assert titles(sort="views") == ["A partner", "b own", "c own"]  # unknown figures last
    assert titles(sort="title") == ["A partner", "b own", "c own"]
    response = client.get(address, {"sort": "drop", "kind": "nope", "format": "x"})
    assert response.status_code == 200 and len(response.context["poststats"]) == 3


def test_the_list_paginates_and_has_an_empty_state(client_as, org, channel):
    client = client_as(Role.CONTRIBUTOR)
    empty = client.get(url("analytics:poststat_list", org)).content.decode()
    assert "No post figures yet." in empty and url("analytics:poststat_create", org) in empty
    PostStatFactory.create_batch(30, organization=org, channel=channel)
    response = client.get(url("analytics:poststat_list", org))
    assert len(response.context["poststats"]) == 25
    assert (
        len(client.get(url("analytics:poststat_list", org), {"page": 2}).context["poststats"]) == 5
    )


def test_the_list_costs_the_same_queries_with_3_or_100_posts(
    client_as, org, django_assert_max_num_queries
):
    client = client_as(Role.CONTRIBUTOR)
    channels = ChannelFactory.create_batch(3, organization=org)

    def grow(count):
        for index in range(count):
            PostStatFactory(organization=org, channel=channels[index % 3])

    grow(3)
    with CaptureQueriesContext(connection) as small:
        client.get(url("analytics:poststat_list", org))
    grow(97)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url("analytics:poststat_list", org)).content.decode()
    assert len(re.findall(r"/stats/posts/\d+/edit/", page)) == 25


# Forms -----------------------------------------------------------------------------------------


def test_a_contributor_adds_a_posts_figures(client_as, org, channel):
    client = client_as(Role.CONTRIBUTOR)
    response = client.post(url("analytics:poststat_create", org), form_data(channel))
    assert response.status_code == 302
    assert response["Location"] == url("analytics:poststat_list", org)
    stat = PostStat.objects.get()
    assert (stat.views, stat.interactions, stat.avg_watch_seconds, stat.format) == (
        1250,
        40,
        150,
        "video",
    )
    assert stat.updated_by == client.membership.user


@pytest.mark.parametrize(("typed", "seconds"), [("2:30", 150), ("1:02:03", 3723), ("95", 95)])
def test_watch_time_is_typed_as_mss_hmmss_or_seconds(client_as, org, channel, typed, seconds):
    client = client_as(Role.CONTRIBUTOR)
    client.post(url("analytics:poststat_create", org), form_data(channel, avg_watch_seconds=typed))
    assert PostStat.objects.get().avg_watch_seconds == seconds


def test_bad_input_keeps_what_was_typed(client_as, org, channel):
    client = client_as(Role.CONTRIBUTOR)
    response = client.post(
        url("analytics:poststat_create", org),
        form_data(channel, views="-3", interactions="4.5", avg_watch_seconds="2:75"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Figures cannot be negative." in errors["views"]
    assert "Enter a whole number, without decimals." in errors["interactions"]
    assert "m:ss" in errors["avg_watch_seconds"][0]
    html = response.content.decode()
    assert 'value="-3"' in html and 'value="2:75"' in html and 'value="Reading club"' in html
    assert not PostStat.objects.exists()


def test_a_duplicate_is_the_forms_error(client_as, org, channel):
    PostStatFactory(
        organization=org, channel=channel, title="Reading club", published_on=DAY, format="video"
    )
    response = client_as(Role.CONTRIBUTOR).post(
        url("analytics:poststat_create", org), form_data(channel, title="reading club")
    )
    assert response.status_code == 200
    assert "already has figures for a post" in response.context["form"].errors["title"][0]


def test_another_organisations_channel_is_not_offered(client_as, org, other_org, channel):
    foreign = ChannelFactory(organization=other_org)
    client = client_as(Role.CONTRIBUTOR)
    page = client.get(url("analytics:poststat_create", org)).content.decode()
    assert foreign.name not in page and "YouTube · Library on YouTube" in page
    response = client.post(url("analytics:poststat_create", org), form_data(foreign))
    assert response.status_code == 200 and "channel" in response.context["form"].errors
    assert not PostStat.objects.exists()


def test_editing_shows_the_watch_time_as_mss_and_saves(client_as, org, channel):
    stat = PostStatFactory(organization=org, channel=channel, avg_watch_seconds=3723, title="Old")
    client = client_as(Role.CONTRIBUTOR)
    address = url("analytics:poststat_update", org, poststat_pk=stat.pk)
    page = client.get(address).content.decode()
    assert 'value="1:02:03"' in page and "<title>Edit the post’s figures · Old" in page
    assert f'value="{stat.published_on.isoformat()}"' in page
    response = client.post(address, form_data(channel, title="New"))
    assert response.status_code == 302
    stat.refresh_from_db()
    assert (stat.title, stat.avg_watch_seconds) == ("New", 150)


def test_deleting_asks_first(client_as, org, channel):
    stat = PostStatFactory(organization=org, channel=channel, title="Gone soon")
    client = client_as(Role.CONTRIBUTOR)
    address = url("analytics:poststat_delete", org, poststat_pk=stat.pk)
    assert "Gone soon" in client.get(address).content.decode()
    response = client.post(address)
    assert response.status_code == 302 and not PostStat.objects.exists()


def test_roles_and_tenancy(client, client_as, org, other_org, channel):
    stat = PostStatFactory(organization=org, channel=channel)
    foreign = PostStatFactory(
        organization=other_org, channel=ChannelFactory(organization=other_org)
    )
    create = url("analytics:poststat_create", org)
    assert "/login" in client.get(create)["Location"]
    viewer = client_as(Role.VIEWER)
    assert viewer.get(url("analytics:poststat_list", org)).status_code == 200
    assert viewer.get(create).status_code == 403
    assert viewer.post(create, form_data(channel)).status_code == 403
    edit = url("analytics:poststat_update", org, poststat_pk=stat.pk)
    assert viewer.post(edit, form_data(channel, title="Hacked")).status_code == 403
    admin = client_as(Role.ADMIN)
    for name in ("analytics:poststat_update", "analytics:poststat_delete"):
        assert admin.get(url(name, org, poststat_pk=foreign.pk)).status_code == 404
        assert admin.post(url(name, org, poststat_pk=foreign.pk)).status_code == 404
    assert PostStat.objects.filter(pk=foreign.pk).exists()
