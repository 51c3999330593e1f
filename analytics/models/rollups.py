"""What the dashboard reads: per channel and month, the figures already added up."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.tenancy import OrgScopedModel


class MonthlyRollup(OrgScopedModel):
    """A channel's month, aggregated by ``analytics.services.rollups.rollups_recompute``.

    Never written by hand: the task rebuilds an organisation's rows from ``MonthlyStat`` and
    ``PostStat`` after every change, and nightly. The rule for a month's reach: the figure
    entered for the month is the channel's total; without one, the sum of the month's posts
    stands in (the source material's case study has per-post figures only).
    ``platform`` and ``kind`` are copied from the channel so the dashboard filters and groups
    without a join.
    """

    channel = models.ForeignKey(
        "platforms.Channel", on_delete=models.CASCADE, related_name="+", verbose_name=_("channel")
    )
    platform = models.ForeignKey(
        "platforms.Platform",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("platform"),
    )
    kind = models.CharField(_("kind"), max_length=10)
    month = models.DateField(_("month"))
    views = models.BigIntegerField(_("views"), null=True)
    interactions = models.BigIntegerField(_("interactions"), null=True)
    followers = models.BigIntegerField(_("followers"), null=True)
    posts_published = models.BigIntegerField(_("posts published"), null=True)
    post_count = models.PositiveIntegerField(_("posts with figures"), default=0)
    post_views = models.BigIntegerField(_("views of posts"), default=0)
    post_interactions = models.BigIntegerField(_("interactions on posts"), default=0)
    #: Σ(average watch time × views) and Σ views over the posts with a watch time, so that
    #: any group's average watch time is one division, weighted by views.
    watch_weighted_sum = models.BigIntegerField(default=0)
    watch_views = models.BigIntegerField(default=0)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["month", "channel_id"]
        verbose_name = _("monthly rollup")
        verbose_name_plural = _("monthly rollups")
        indexes = [models.Index(fields=["organization", "month"])]
        constraints = [
            models.UniqueConstraint("channel", "month", name="unique_monthly_rollup"),
        ]

    def __str__(self) -> str:
        return f"{self.channel_id} {self.month:%Y-%m}"
