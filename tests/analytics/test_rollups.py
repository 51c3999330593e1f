"""The rollups the dashboard reads (#17 point 4): equal to a direct aggregate of the figures on
random data, idempotent, rebuilt after an edit, scoped to one organisation, and run by a real
Celery worker over Redis (``make test-services``)."""

import datetime
import os
import random
import time
from collections import defaultdict
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from analytics.models import MonthlyRollup, MonthlyStat, PostStat
from analytics.services.rollups import rollups_recompute
from analytics.tasks import rollups_recompute_task, rollups_refresh_on_commit
from config.celery import app
from tests.factories import (
    ChannelFactory,
    MonthlyStatFactory,
    OrganizationFactory,
    PlatformFactory,
    PostStatFactory,
)
from tests.worker import celery_worker, test_database_url

D = datetime.date
ROOT = Path(__file__).resolve().parents[2]
FIELDS = (
    "platform_id",
    "kind",
    "views",
    "interactions",
    "followers",
    "posts_published",
    "post_count",
    "post_views",
    "post_interactions",
    "watch_weighted_sum",
    "watch_views",
)


def maybe(rng, low, high, none_rate=0.2):
    return None if rng.random() < none_rate else rng.randint(low, high)


def random_figures(org, seed: int) -> None:
    """Several channels (own and partner, three platforms), monthly figures with unknown
    values, and posts in the same months (and in months without a monthly figure)."""
    rng = random.Random(seed)
    platforms = [PlatformFactory() for _ in range(3)]
    channels = [
        ChannelFactory(
            organization=org,
            platform=rng.choice(platforms),
            kind=rng.choice(["own", "partner"]),
        )
        for _ in range(rng.randint(1, 5))
    ]
    months = [D(2024, m, 1) for m in range(1, 13)] + [D(2025, m, 1) for m in range(1, 7)]
    for channel in channels:
        for month in rng.sample(months, rng.randint(0, len(months))):
            MonthlyStatFactory(
                channel=channel,
                month=month,
                views=maybe(rng, 0, 50_000),
                interactions=maybe(rng, 0, 5_000),
                followers=maybe(rng, 0, 20_000),
                posts_published=maybe(rng, 0, 40),
            )
        for n in range(rng.randint(0, 25)):
            month = rng.choice(months)
            PostStatFactory(
                channel=channel,
                published_on=month.replace(day=rng.randint(1, 28)),
                title=f"Post {seed}-{channel.pk}-{n}",
                format=rng.choice(["post", "story", "video", "reel"]),
                views=maybe(rng, 0, 100_000),
                interactions=maybe(rng, 0, 9_000),
                avg_watch_seconds=maybe(rng, 0, 600, none_rate=0.5),
            )


def expected_rollups(org) -> dict[tuple, dict]:
    """The rule of ``MonthlyRollup``, computed in Python from the figures."""
    rows: dict[tuple, dict] = {}
    posts = defaultdict(list)
    for post in PostStat.objects.for_org(org).select_related("channel"):
        posts[(post.channel_id, post.published_on.replace(day=1))].append(post)
    monthly = {(m.channel_id, m.month): m for m in MonthlyStat.objects.for_org(org)}
    channels = {c.pk: c for c in org_channels(org)}
    for key in set(posts) | set(monthly):
        channel = channels[key[0]]
        mine, stat = posts.get(key, []), monthly.get(key)
        views = [p.views for p in mine if p.views is not None]
        interactions = [p.interactions for p in mine if p.interactions is not None]
        timed = [p for p in mine if p.views is not None and p.avg_watch_seconds is not None]
        row = {
            "platform_id": channel.platform_id,
            "kind": channel.kind,
            "post_count": len(mine),
            "post_views": sum(views),
            "post_interactions": sum(interactions),
            "watch_weighted_sum": sum(p.avg_watch_seconds * p.views for p in timed),
            "watch_views": sum(p.views for p in timed),
            "views": sum(views) if views else None,
            "interactions": sum(interactions) if interactions else None,
            "posts_published": len(mine) if mine else None,
            "followers": None,
        }
        if stat is not None:
            for name in ("views", "interactions", "posts_published"):
                if getattr(stat, name) is not None:
                    row[name] = getattr(stat, name)
            row["followers"] = stat.followers
        rows[key] = row
    return rows


def org_channels(org):
    from platforms.models import Channel

    return Channel.objects.for_org(org)


def actual_rollups(org) -> dict[tuple, dict]:
    return {
        (r.channel_id, r.month): {name: getattr(r, name) for name in FIELDS}
        for r in MonthlyRollup.objects.for_org(org)
    }


@pytest.mark.django_db
@pytest.mark.parametrize("seed", range(20))
def test_rollups_equal_a_direct_aggregate_of_random_figures(org, seed):
    random_figures(org, seed)
    count = rollups_recompute(org.pk)
    expected = expected_rollups(org)
    assert count == len(expected)
    assert actual_rollups(org) == expected
    # Idempotent: a second run gives the same rows.
    assert rollups_recompute(org.pk) == count
    assert actual_rollups(org) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("seed", range(3))
def test_rebuilding_one_channel_touches_only_its_rows(org, seed):
    """A grid row rebuilds its channel's rollups: the same rows as a full rebuild, the other
    channels' rows left as they were (even stale ones)."""
    random_figures(org, seed)
    rollups_recompute(org.pk)
    channel, *others = list(org_channels(org))
    MonthlyStat.objects.filter(channel__in=others).update(views=7)  # not rebuilt: stays stale
    before = {k: v for k, v in actual_rollups(org).items() if k[0] != channel.pk}
    MonthlyStat.objects.filter(channel=channel).update(views=123)
    rollups_recompute(org.pk, channel.pk)
    expected = {k: v for k, v in expected_rollups(org).items() if k[0] == channel.pk}
    after = actual_rollups(org)
    assert {k: v for k, v in after.items() if k[0] == channel.pk} == expected
    assert {k: v for k, v in after.items() if k[0] != channel.pk} == before


@pytest.mark.django_db
def test_a_monthly_figure_wins_over_the_posts_and_posts_fill_the_gaps(org):
    channel = ChannelFactory(organization=org, kind="partner")
    MonthlyStatFactory(channel=channel, month=D(2025, 3, 1), views=None, interactions=7)
    PostStatFactory(channel=channel, published_on=D(2025, 3, 4), views=100, interactions=9)
    PostStatFactory(channel=channel, published_on=D(2025, 4, 4), views=50, interactions=None)
    rollups_recompute(org.pk)
    march, april = MonthlyRollup.objects.for_org(org).order_by("month")
    assert (march.views, march.interactions, march.post_views) == (100, 7, 100)
    assert march.kind == "partner"
    assert (april.views, april.interactions, april.followers) == (50, None, None)


@pytest.mark.django_db
def test_rollups_follow_an_edit_once_committed(org, django_capture_on_commit_callbacks):
    channel = ChannelFactory(organization=org)
    stat = MonthlyStatFactory(channel=channel, month=D(2025, 5, 1), views=100)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        rollups_refresh_on_commit(org)
    assert len(callbacks) == 1
    assert MonthlyRollup.objects.for_org(org).get().views == 100
    with django_capture_on_commit_callbacks(execute=False):
        stat.views = 250
        stat.save()
        rollups_refresh_on_commit(org)
    # Not before the commit: the task is queued on it.
    assert MonthlyRollup.objects.for_org(org).get().views == 100
    with django_capture_on_commit_callbacks(execute=True):
        stat.views = 250
        stat.save()
        PostStatFactory(channel=channel, published_on=D(2025, 6, 2), views=40)
        rollups_refresh_on_commit(org)
    assert dict(MonthlyRollup.objects.for_org(org).values_list("month", "views")) == {
        D(2025, 5, 1): 250,
        D(2025, 6, 1): 40,
    }
    with django_capture_on_commit_callbacks(execute=True):
        stat.delete()
        rollups_refresh_on_commit(org)
    assert list(MonthlyRollup.objects.for_org(org).values_list("month", flat=True)) == [
        D(2025, 6, 1)
    ]


@pytest.mark.django_db
def test_another_organisations_rollups_are_untouched(org, other_org):
    theirs = ChannelFactory(organization=other_org)
    MonthlyStatFactory(channel=theirs, month=D(2025, 1, 1), views=9)
    rollups_recompute(other_org.pk)
    theirs_rows = MonthlyRollup.objects.for_org(other_org).values_list("pk", "views", "computed_at")
    before = list(theirs_rows)
    random_figures(org, 7)
    # Their figures change, but only our organisation is recomputed.
    MonthlyStat.objects.filter(channel=theirs).update(views=99)
    rollups_recompute(org.pk)
    assert list(theirs_rows.all()) == before
    assert not MonthlyRollup.objects.for_org(org).filter(channel=theirs).exists()
    assert rollups_recompute(10**9) == 0  # an organisation that does not exist


def test_the_nightly_beat_entry_names_a_registered_task():
    app.loader.import_default_modules()
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule, "no beat schedule"
    for name, entry in schedule.items():
        assert entry["task"] in app.tasks, f"{name}: no task {entry['task']}"
    assert any(e["task"] == "analytics.rollups_recompute_all" for e in schedule.values())
    assert app.tasks["analytics.rollups_recompute"].acks_late


@pytest.mark.django_db
def test_the_nightly_task_recomputes_every_organisation(org, other_org):
    for owner in (org, other_org):
        MonthlyStatFactory(channel=ChannelFactory(organization=owner), month=D(2025, 2, 1))
    from analytics.tasks import rollups_recompute_all

    assert rollups_recompute_all() >= 2
    assert MonthlyRollup.objects.for_org(org).count() == 1
    assert MonthlyRollup.objects.for_org(other_org).count() == 1


# --- a real worker over Redis -------------------------------------------------------------------


@pytest.fixture
def rollup_worker(transactional_db):
    """A worker on the test database (it must see the rows the test writes)."""
    with celery_worker(DATABASE_URL=test_database_url(), DATABASE_CONN_MAX_AGE="0") as process:
        yield process


@pytest.mark.services
@pytest.mark.skipif(
    not os.environ.get("CELERY_BROKER_URL"), reason="needs CELERY_BROKER_URL (Redis)"
)
def test_a_real_worker_rebuilds_the_rollups(rollup_worker):
    org = OrganizationFactory()
    channel = ChannelFactory(organization=org)
    MonthlyStatFactory(channel=channel, month=D(2025, 1, 1), views=321)
    result = rollups_recompute_task.delay(org.pk)
    assert result.get(timeout=60) == 1
    assert MonthlyRollup.objects.for_org(org).get().views == 321
    # After a committed edit, through the on-commit hook every write calls.
    with transaction.atomic():
        MonthlyStatFactory(channel=channel, month=D(2025, 2, 1), views=654)
        rollups_refresh_on_commit(org)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and MonthlyRollup.objects.for_org(org).count() < 2:
        time.sleep(0.2)
    assert dict(MonthlyRollup.objects.for_org(org).values_list("month", "views")) == {
        D(2025, 1, 1): 321,
        D(2025, 2, 1): 654,
    }
