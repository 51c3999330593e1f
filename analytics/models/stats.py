"""The figures themselves: a channel's month, and a post's."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.fields import actor_field
from core.tenancy import OrgScopedModel

#: The largest figure accepted anywhere (a column of PostgreSQL ``integer`` holds 2^31 - 1).
MAX_FIGURE = 2_000_000_000
#: Average watch times above a day are typing mistakes, not videos.
MAX_WATCH_SECONDS = 24 * 3600


def figure_field(verbose_name, **kwargs) -> models.PositiveIntegerField:
    """An optional count: empty means "not known", which is not zero."""
    return models.PositiveIntegerField(
        verbose_name, null=True, blank=True, validators=[MaxValueValidator(MAX_FIGURE)], **kwargs
    )


class MonthlyStat(OrgScopedModel):
    """A channel's figures for one month, as the network's statistics page shows them.

    ``month`` is the first day of the month. One row per channel and month: entering or
    importing the same month again updates it.
    """

    channel = models.ForeignKey(
        "platforms.Channel",
        on_delete=models.CASCADE,
        related_name="monthly_stats",
        verbose_name=_("channel"),
    )
    month = models.DateField(_("month"))
    views = figure_field(_("views"))
    interactions = figure_field(_("interactions"))
    followers = figure_field(_("followers"))
    posts_published = figure_field(_("posts published"))
    batch = models.ForeignKey(
        "analytics.ImportBatch",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monthly_stats",
        verbose_name=_("import"),
    )
    updated_by = actor_field(_("entered by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    #: The figures, in the grid's and the files' column order.
    FIGURES = ("views", "interactions", "followers", "posts_published")

    class Meta:
        ordering = ["-month", "channel__name"]
        verbose_name = _("monthly statistics")
        verbose_name_plural = _("monthly statistics")
        indexes = [models.Index(fields=["organization", "month"])]
        constraints = [
            models.UniqueConstraint(
                "channel",
                "month",
                name="unique_monthly_stat",
                violation_error_message=_("This channel already has figures for this month."),
                violation_error_code="duplicate_month",
            ),
            models.CheckConstraint(
                condition=Q(month__day=1), name="monthly_stat_first_day_of_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel.name} {self.month:%Y-%m}"


class PostStat(OrgScopedModel):
    """One post's figures on one channel: planned in Vitrine or not (``title`` and ``url``
    say which post when there is no planned post to point at).

    A post is identified, for re-imports, by the network's id when the file has one
    (``external_id``), else by its channel, date, format and title.
    """

    class Format(models.TextChoices):
        POST = "post", _("Post")
        STORY = "story", _("Story")
        VIDEO = "video", _("Video")
        REEL = "reel", _("Reel / short video")

    channel = models.ForeignKey(
        "platforms.Channel",
        on_delete=models.CASCADE,
        related_name="post_stats",
        verbose_name=_("channel"),
    )
    published_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address (URL)"), max_length=500, blank=True)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default="post")
    views = figure_field(_("views"))
    interactions = figure_field(_("interactions"))
    avg_watch_seconds = models.PositiveIntegerField(
        _("average watch time (seconds)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_WATCH_SECONDS)],
    )
    external_id = models.CharField(_("identifier on the network"), max_length=100, blank=True)
    batch = models.ForeignKey(
        "analytics.ImportBatch",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="post_stats",
        verbose_name=_("import"),
    )
    updated_by = actor_field(_("entered by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    FIGURES = ("views", "interactions", "avg_watch_seconds")

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("post statistics")
        verbose_name_plural = _("post statistics")
        indexes = [
            models.Index(fields=["organization", "published_on"]),
            models.Index(fields=["channel", "published_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                "channel",
                "external_id",
                condition=~Q(external_id=""),
                name="unique_post_stat_external_id",
                violation_error_message=_("This post already has figures on this channel."),
                violation_error_code="duplicate_post",
            ),
            models.UniqueConstraint(
                "channel",
                "published_on",
                "format",
                Lower("title"),
                condition=Q(external_id=""),
                name="unique_post_stat_natural_key",
                violation_error_message=_(
                    "This channel already has figures for a post with this title, date and format."
                ),
                violation_error_code="duplicate_post",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.published_on:%Y-%m-%d})"
