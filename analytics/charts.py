"""The dashboard's four charts as tables: one table per chart feeds its accessible data table,
its CSV download and its Chart.js data, so the three always agree.

Pure: works on a ``Dashboard`` already read (``analytics.selectors.dashboard``), no query.
Cells stay raw values (numbers, dates, seconds); ``kinds`` says how to show each column.
"""

from dataclasses import dataclass

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .figures import format_duration
from .months import month_code

#: URL keyword ``chart`` → its title (the figure's caption, the CSV's name).
CHARTS = {
    "views": gettext_lazy("Monthly views per platform"),
    "reach": gettext_lazy("Reach: own channels and partner channels"),
    "top_posts": gettext_lazy("Most viewed posts"),
    "watch_time": gettext_lazy("Average watch time of videos"),
}


@dataclass
class ChartTable:
    code: str
    title: str
    header: list[str]
    #: Per column: "month", "text", "date", "int" or "duration" (seconds shown as m:ss).
    kinds: list[str]
    rows: list[list]
    #: The "Total" row, if the chart has one.
    footer: list | None
    #: What the canvas's ``aria-label`` says: the chart in one or two sentences.
    summary: str
    #: For ``static/js/charts.js``: type, labels, datasets (label, data).
    chart: dict

    @property
    def has_data(self) -> bool:
        """Whether any figure is known (else the page says so instead of drawing empty axes)."""
        numeric = [i for i, kind in enumerate(self.kinds) if kind in ("int", "duration")]
        return any(row[i] is not None for row in self.rows for i in numeric)

    @property
    def columns(self) -> list[tuple[str, bool]]:
        """``(heading, numeric)`` per column: numeric columns align right."""
        return [(h, k in ("int", "duration")) for h, k in zip(self.header, self.kinds, strict=True)]

    def csv_rows(self) -> list[list]:
        """The rows of the download: months as ``YYYY-MM``, durations as m:ss, totals last."""
        out = []
        for row in [*self.rows, *([self.footer] if self.footer else [])]:
            cells = []
            for value, kind in zip(row, self.kinds, strict=True):
                if kind == "month" and value is not None and not isinstance(value, str):
                    value = month_code(value)
                elif kind == "duration":
                    value = format_duration(value) if value is not None else None
                cells.append(value)
            out.append(cells)
        return out


def _month_label(month) -> str:
    return date_format(month, "M Y")


def _n(value) -> str:
    return number_format(value or 0, force_grouping=True)


def _period_words(dashboard) -> dict:
    return {
        "first": date_format(dashboard.period.first, "F Y"),
        "last": date_format(dashboard.period.last, "F Y"),
    }


def views_table(dashboard) -> ChartTable:
    series = dashboard.views_by_platform
    header = [_("Month"), *[s.label for s in series], _("Total")]
    rows = []
    for i, month in enumerate(dashboard.months):
        values = [s.values[i] for s in series]
        known = [v for v in values if v is not None]
        rows.append([month, *values, sum(known) if known else None])
    totals = [s.total for s in series]
    known = [t for t in totals if t is not None]
    footer = [_("Total"), *totals, sum(known) if known else None]
    if series:
        details = "; ".join(
            _("%(platform)s: %(views)s views") % {"platform": s.label, "views": _n(s.total)}
            for s in series
        )
    else:
        details = _("no figures")
    summary = _(
        "Line chart of the views per month and platform, from %(first)s to %(last)s, "
        "in total: %(details)s."
    ) % {**_period_words(dashboard), "details": details}
    return ChartTable(
        "views",
        str(CHARTS["views"]),
        header,
        ["month", *["int"] * len(series), "int"],
        rows,
        footer,
        summary,
        {
            "type": "line",
            "format": "int",
            "labels": [_month_label(m) for m in dashboard.months],
            "datasets": [{"label": s.label, "data": s.values} for s in series],
        },
    )


def reach_table(dashboard) -> ChartTable:
    own, partner = dashboard.reach
    header = [_("Month"), own.label, partner.label]
    rows = [[m, own.values[i], partner.values[i]] for i, m in enumerate(dashboard.months)]
    footer = [_("Total"), own.total, partner.total]
    summary = _(
        "Line chart of the views per month from %(first)s to %(last)s: own channels "
        "%(own)s views in total, partner channels %(partner)s views in total."
    ) % {**_period_words(dashboard), "own": _n(own.total), "partner": _n(partner.total)}
    return ChartTable(
        "reach",
        str(CHARTS["reach"]),
        header,
        ["month", "int", "int"],
        rows,
        footer,
        summary,
        {
            "type": "line",
            "format": "int",
            "labels": [_month_label(m) for m in dashboard.months],
            "datasets": [{"label": s.label, "data": s.values} for s in (own, partner)],
        },
    )


def top_posts_table(dashboard) -> ChartTable:
    posts = dashboard.top_posts
    header = [_("Title"), _("Channel"), _("Date"), _("Views"), _("Interactions")]
    rows = [[p.title, p.channel.name, p.published_on, p.views, p.interactions] for p in posts]
    if posts:
        summary = _(
            "Bar chart of the %(count)s most viewed posts from %(first)s to %(last)s; "
            "the first, “%(title)s”, has %(views)s views."
        ) % {
            **_period_words(dashboard),
            "count": len(posts),
            "title": posts[0].title,
            "views": _n(posts[0].views),
        }
    else:
        summary = _("Bar chart of the most viewed posts: no post has figures in this period.")
    return ChartTable(
        "top_posts",
        str(CHARTS["top_posts"]),
        header,
        ["text", "text", "date", "int", "int"],
        rows,
        None,
        summary,
        {
            "type": "bar",
            "format": "int",
            "indexAxis": "y",
            "labels": [p.title[:60] for p in posts],
            "datasets": [
                {"label": _("Views"), "data": [p.views for p in posts]},
                {"label": _("Interactions"), "data": [p.interactions for p in posts]},
            ],
        },
    )


def watch_time_table(dashboard) -> ChartTable:
    header = [_("Month"), _("Average watch time (m:ss)"), _("Average watch time (seconds)")]
    rows = [[m, s, s] for m, s in zip(dashboard.months, dashboard.watch_time, strict=True)]
    known = [(m, s) for m, s in zip(dashboard.months, dashboard.watch_time, strict=True) if s]
    if known:
        longest = max(known, key=lambda pair: pair[1])
        summary = _(
            "Line chart of the average watch time of videos per month from %(first)s to "
            "%(last)s; the longest, %(time)s, in %(month)s; the latest, %(latest)s, in "
            "%(latest_month)s."
        ) % {
            **_period_words(dashboard),
            "time": format_duration(longest[1]),
            "month": date_format(longest[0], "F Y"),
            "latest": format_duration(known[-1][1]),
            "latest_month": date_format(known[-1][0], "F Y"),
        }
    else:
        summary = _(
            "Line chart of the average watch time of videos per month: no video has a watch "
            "time in this period."
        )
    table = ChartTable(
        "watch_time",
        str(CHARTS["watch_time"]),
        header,
        ["month", "duration", "int"],
        rows,
        None,
        summary,
        {
            "type": "line",
            "format": "duration",
            "labels": [_month_label(m) for m in dashboard.months],
            "datasets": [{"label": _("Average watch time"), "data": dashboard.watch_time}],
        },
    )
    return table


BUILDERS = {
    "views": views_table,
    "reach": reach_table,
    "top_posts": top_posts_table,
    "watch_time": watch_time_table,
}


def chart_tables(dashboard) -> list[ChartTable]:
    return [build(dashboard) for build in BUILDERS.values()]
