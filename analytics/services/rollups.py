"""The rollups the dashboard reads, rebuilt from the figures (see ``MonthlyRollup``)."""

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth

from accounts.models import Organization
from platforms.models import Channel

from ..models import MonthlyRollup, MonthlyStat, PostStat


def rollups_recompute(org_id: int) -> int:
    """Rebuild every rollup row of organisation ``org_id``; return how many there are.

    Idempotent (the result depends only on the figures) and serialised per organisation by a
    lock on its row, so two runs after two quick edits cannot interleave their rewrites.
    Three aggregate queries and a bulk insert, whatever the number of figures.
    """
    with transaction.atomic():
        if not Organization.objects.select_for_update().filter(pk=org_id).exists():
            return 0
        channels = {
            pk: (platform_id, kind)
            for pk, platform_id, kind in Channel.objects.filter(organization_id=org_id).values_list(
                "pk", "platform_id", "kind"
            )
        }
        rows: dict[tuple, MonthlyRollup] = {}

        def row(channel_id, month) -> MonthlyRollup:
            key = (channel_id, month)
            if key not in rows:
                platform_id, kind = channels[channel_id]
                rows[key] = MonthlyRollup(
                    organization_id=org_id,
                    channel_id=channel_id,
                    platform_id=platform_id,
                    kind=kind,
                    month=month,
                )
            return rows[key]

        watched = Q(avg_watch_seconds__isnull=False, views__isnull=False)
        posts = (
            PostStat.objects.filter(organization_id=org_id)
            .annotate(m=TruncMonth("published_on"))
            .values("channel_id", "m")
            .annotate(
                count=Count("pk"),
                # Named apart from the fields: ``F("views")`` below must read the column.
                total_views=Sum("views"),
                total_interactions=Sum("interactions"),
                watch_weighted=Sum(F("avg_watch_seconds") * F("views"), filter=watched),
                watch_views=Sum("views", filter=watched),
            )
            .order_by()
        )
        for p in posts:
            r = row(p["channel_id"], p["m"])
            r.post_count = p["count"]
            r.post_views = p["total_views"] or 0
            r.post_interactions = p["total_interactions"] or 0
            r.watch_weighted_sum = p["watch_weighted"] or 0
            r.watch_views = p["watch_views"] or 0
            # Without a monthly figure the posts' sums stand in (see MonthlyRollup).
            r.views = p["total_views"]
            r.interactions = p["total_interactions"]
            r.posts_published = p["count"]
        monthly = MonthlyStat.objects.filter(organization_id=org_id).values_list(
            "channel_id", "month", *MonthlyStat.FIGURES
        )
        for channel_id, month, views, interactions, followers, published in monthly.iterator(
            chunk_size=5000
        ):
            r = row(channel_id, month)
            if views is not None:
                r.views = views
            if interactions is not None:
                r.interactions = interactions
            if published is not None:
                r.posts_published = published
            r.followers = followers
        MonthlyRollup.objects.filter(organization_id=org_id).delete()
        MonthlyRollup.objects.bulk_create(rows.values(), batch_size=2000)
        return len(rows)
