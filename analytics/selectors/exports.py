"""The statistics as tables to download, in the import layouts' columns (DESIGN.md,
"Statistics files"): an export re-imports as it is. One query each, read in chunks."""

from collections.abc import Iterator
from datetime import date

from ..models import MonthlyStat, PostStat
from ..months import add_months, month_code

#: The importer's English headers, in its order; nothing else (an extra column is refused).
MONTHLY_COLUMNS = ("month", "channel", "views", "interactions", "followers", "posts")
POST_COLUMNS = (
    "date",
    "channel",
    "title",
    "url",
    "views",
    "interactions",
    "avg_watch_seconds",
)
CHUNK = 2000


def monthly_export_rows(
    *, org, first: date | None = None, last: date | None = None
) -> Iterator[tuple]:
    """``MONTHLY_COLUMNS`` rows of ``org``'s monthly statistics, months ``first``..``last``
    (first days of months, both optional), by month then channel."""
    qs = MonthlyStat.objects.for_org(org)
    if first:
        qs = qs.filter(month__gte=first)
    if last:
        qs = qs.filter(month__lte=last)
    rows = qs.order_by("month", "channel__name", "pk").values_list(
        "month", "channel__name", *MonthlyStat.FIGURES
    )
    for month, channel, *figures in rows.iterator(chunk_size=CHUNK):
        yield (month_code(month), channel, *figures)


def post_export_rows(
    *, org, first: date | None = None, last: date | None = None
) -> Iterator[tuple]:
    """``POST_COLUMNS`` rows of ``org``'s post statistics published in months
    ``first``..``last`` (both optional), by date then channel."""
    qs = PostStat.objects.for_org(org)
    if first:
        qs = qs.filter(published_on__gte=first)
    if last:
        qs = qs.filter(published_on__lt=add_months(last, 1))
    rows = qs.order_by("published_on", "channel__name", "pk").values_list(
        "published_on", "channel__name", "title", "url", *PostStat.FIGURES
    )
    for published_on, *rest in rows.iterator(chunk_size=CHUNK):
        # A date as text: the same cell in CSV and XLSX, read back by the importer.
        yield (published_on.isoformat(), *rest)
