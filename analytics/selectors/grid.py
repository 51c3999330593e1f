"""Reads of the monthly entry grid: each active channel with its month and the month before."""

import datetime
from dataclasses import dataclass, field

from django.utils.formats import number_format

from platforms.models import Channel

from ..models import MonthlyStat
from ..months import add_months, month_start


def grouped(value: int | None) -> str:
    """A figure with its thousands grouped the reader's way ("1,234", « 1 234 »)."""
    return "" if value is None else number_format(value, force_grouping=True)


@dataclass(frozen=True)
class GridCell:
    """One figure of a row: this month's, last month's, and the row form's field if any."""

    name: str
    current: int | None
    previous: int | None
    field: object = None
    warning: str = ""

    @property
    def label(self) -> str:
        return MonthlyStat._meta.get_field(self.name).verbose_name

    @property
    def current_display(self) -> str:
        return grouped(self.current)

    @property
    def previous_display(self) -> str:
        return grouped(self.previous)


@dataclass
class GridRow:
    """One channel's line of the grid. ``form`` is set by the view (None for a reader)."""

    channel: Channel
    month: datetime.date
    current: MonthlyStat | None
    previous: MonthlyStat | None
    form: object = field(default=None, repr=False)

    @property
    def entered(self) -> bool:
        return self.current is not None

    def previous_value(self, name: str) -> int | None:
        return getattr(self.previous, name) if self.previous else None

    def current_value(self, name: str) -> int | None:
        return getattr(self.current, name) if self.current else None

    @property
    def cells(self) -> list[GridCell]:
        form = self.form
        return [
            GridCell(
                name=name,
                current=self.current_value(name),
                previous=self.previous_value(name),
                field=form[name] if form is not None else None,
                warning=form.warnings.get(name, "") if form is not None else "",
            )
            for name in MonthlyStat.FIGURES
        ]


def monthly_grid(org, month: datetime.date, *, channel: Channel | None = None) -> list[GridRow]:
    """The grid of ``month``: one row per active channel of ``org`` (platform order, then
    name) with its figures of that month and of the month before. Two queries, whatever the
    number of channels. ``channel`` (one of ``org``'s, active or not) gives its row alone."""
    month = month_start(month)
    previous = add_months(month, -1)
    if channel is not None:
        channels = [channel]
    else:
        channels = list(
            Channel.objects.for_org(org)
            .filter(is_active=True)
            .select_related("platform")
            .order_by("platform__position", "platform__name", "name")
        )
    if not channels:
        return []
    stats = MonthlyStat.objects.for_org(org).filter(month__in=[month, previous])
    stats = stats.filter(channel=channel) if channel else stats.filter(channel__is_active=True)
    found = {(stat.channel_id, stat.month): stat for stat in stats}
    return [
        GridRow(
            channel=item,
            month=month,
            current=found.get((item.pk, month)),
            previous=found.get((item.pk, previous)),
        )
        for item in channels
    ]


def grid_completion(rows: list[GridRow]) -> tuple[int, int]:
    """(channels entered, channels) of a grid: "7 of 9 channels entered"."""
    return sum(1 for row in rows if row.entered), len(rows)


def monthly_grid_completion(org, month: datetime.date) -> tuple[int, int]:
    """The same two numbers in two counting queries (the grid's progress line after a save)."""
    month = month_start(month)
    channels = Channel.objects.for_org(org).filter(is_active=True)
    entered = (
        MonthlyStat.objects.for_org(org)
        .filter(month=month, channel__is_active=True)
        .values("channel")
        .count()
    )
    return entered, channels.count()
