"""The dashboard (#17 point 5) and ``stats_summary`` (point 4): figures on a small known set,
periods and filters, tenancy, the charts' CSVs, the command's JSON, constant query counts."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from analytics.charts import chart_tables
from analytics.models import MonthlyRollup, PostStat
from analytics.months import add_months
from analytics.selectors.dashboard import dashboard_data, dashboard_filters, summary_json
from analytics.services.rollups import rollups_recompute
from platforms.models import Channel
from tests.factories import (
    ChannelFactory,
    MonthlyStatFactory,
    PlanFactory,
    PlatformFactory,
    PostStatFactory,
)
from tests.helpers import url

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2025, 11, 15)  # the last complete month is October 2025
PERIOD = (D(2025, 1, 1), D(2025, 10, 1))
HYPERLINK = '=HYPERLINK("http://x")'


@pytest.fixture
def figures(org):
    """Two own channels (Facebook, Instagram) and a partner Facebook page with posts only.

    October 2025 (the KPI month): views 1000 + 200 + posts 3000 + 1000 = 5200, interactions
    100 + 20 + 150 + 50 = 320; September: 800 + 600 = 1400 views, 40 + 30 = 70 interactions;
    October 2024: 500 views, 50 interactions. Followers: Alpha's own figure, Beta's last
    known one (August, 90)."""
    facebook = PlatformFactory(code="fb-test", name="Facebook", position=1)
    instagram = PlatformFactory(code="ig-test", name="Instagram", position=2)
    alpha = ChannelFactory(organization=org, platform=facebook, name="Alpha")
    beta = ChannelFactory(organization=org, platform=instagram, name="Beta")
    partner = ChannelFactory(organization=org, platform=facebook, name="Partner U", kind="partner")
    for month, views, interactions, followers in (
        (D(2024, 10, 1), 500, 50, 300),
        (D(2025, 9, 1), 800, 40, 480),
        (D(2025, 10, 1), 1000, 100, 500),
    ):
        MonthlyStatFactory(
            channel=alpha, month=month, views=views, interactions=interactions, followers=followers
        )
    MonthlyStatFactory(channel=beta, month=D(2025, 8, 1), views=100, interactions=10, followers=90)
    MonthlyStatFactory(
        channel=beta, month=D(2025, 10, 1), views=200, interactions=20, followers=None
    )
    for day, title, views, interactions, watch, fmt in (
        (D(2025, 10, 5), "Block A", 3000, 150, 40, "video"),
        (D(2025, 10, 12), "Block B", 1000, 50, 80, "video"),
        (D(2025, 9, 3), "Intro", 600, 30, None, "post"),
    ):
        PostStatFactory(
            channel=partner,
            published_on=day,
            title=title,
            views=views,
            interactions=interactions,
            avg_watch_seconds=watch,
            format=fmt,
        )
    # On a channel with a monthly figure: listed among the posts, not added to the month.
    PostStatFactory(
        channel=alpha, published_on=D(2025, 10, 20), title=HYPERLINK, views=50, interactions=5
    )
    rollups_recompute(org.pk)
    return {"facebook": facebook, "instagram": instagram, "alpha": alpha, "beta": beta}


def kpis(dashboard):
    return {k.code: k for k in dashboard.kpis}


# --- the selector ---------------------------------------------------------------------------------


def test_key_figures_compare_with_the_month_before_and_a_year_earlier(org, figures):
    dashboard = dashboard_data(org, period=PERIOD, today=TODAY)
    assert dashboard.kpi_month == D(2025, 10, 1)
    cards = kpis(dashboard)
    views, interactions = cards["views"], cards["interactions"]
    assert views.value == 5200
    assert views.vs_previous.month == D(2025, 9, 1)
    assert views.vs_previous.amount == pytest.approx((5200 - 1400) * 100 / 1400)
    assert views.vs_year.month == D(2024, 10, 1)
    assert views.vs_year.amount == pytest.approx(940)
    assert views.vs_year.direction == "up"
    assert interactions.value == 320
    assert interactions.vs_previous.amount == pytest.approx((320 - 70) * 100 / 70)
    assert interactions.vs_year.amount == pytest.approx(540)
    engagement = cards["engagement"]
    assert engagement.is_rate
    assert engagement.value == pytest.approx(320 * 100 / 5200)
    # In percentage points: 6.15 % against 5 % in September and 10 % a year earlier.
    assert engagement.vs_previous.amount == pytest.approx(320 * 100 / 5200 - 5)
    assert engagement.vs_year.amount == pytest.approx(320 * 100 / 5200 - 10)
    assert engagement.vs_year.direction == "down"
    followers = cards["followers"]
    assert followers.value == 500 + 90  # Beta's August figure is its latest known
    assert followers.vs_previous.amount == pytest.approx((590 - 570) * 100 / 570)
    assert followers.vs_year.amount == pytest.approx((590 - 300) * 100 / 300)


def test_the_cards_describe_the_latest_month_with_figures(org, figures):
    """November 2024 has no figures yet: the cards say October's rather than dashes."""
    dashboard = dashboard_data(org, period=(D(2024, 1, 1), D(2024, 11, 1)), today=TODAY)
    assert dashboard.kpi_month == D(2024, 10, 1)
    assert kpis(dashboard)["views"].value == 500


def test_a_month_without_figures_gives_no_change_rather_than_a_division_by_zero(org, figures):
    dashboard = dashboard_data(org, period=(D(2024, 11, 1), D(2024, 11, 1)), today=TODAY)
    cards = kpis(dashboard)
    assert cards["views"].value is None
    assert cards["views"].vs_previous.amount is None
    assert cards["views"].vs_previous.direction == "unknown"
    assert cards["engagement"].value is None
    assert cards["followers"].value == 300  # the latest known in November 2024


def test_a_period_running_into_the_future_describes_the_last_complete_month(org, figures):
    dashboard = dashboard_data(org, period=(D(2025, 6, 1), D(2026, 5, 1)), today=TODAY)
    assert dashboard.kpi_month == D(2025, 10, 1)
    assert len(dashboard.months) == 12


def test_own_and_partner_reach_per_month_and_in_total(org, figures):
    dashboard = dashboard_data(org, period=PERIOD, today=TODAY)
    own, partner = dashboard.reach
    assert (own.key, partner.key) == ("own", "partner")
    by_month = dict(
        zip(dashboard.months, zip(own.values, partner.values, strict=True), strict=True)
    )
    assert by_month[D(2025, 8, 1)] == (100, None)
    assert by_month[D(2025, 9, 1)] == (800, 600)
    assert by_month[D(2025, 10, 1)] == (1200, 4000)
    assert by_month[D(2025, 1, 1)] == (None, None)
    assert dashboard.reach_totals == {"own": 2100, "partner": 4600}


def test_views_per_platform_in_catalogue_order(org, figures):
    dashboard = dashboard_data(org, period=PERIOD, today=TODAY)
    series = {
        s.label: dict(zip(dashboard.months, s.values, strict=True))
        for s in dashboard.views_by_platform
    }
    assert list(series) == ["Facebook", "Instagram"]
    assert series["Facebook"][D(2025, 9, 1)] == 1400
    assert series["Facebook"][D(2025, 10, 1)] == 5000
    assert series["Instagram"][D(2025, 10, 1)] == 200
    assert series["Instagram"][D(2025, 9, 1)] is None


def test_watch_time_is_weighted_by_views(org, figures):
    dashboard = dashboard_data(org, period=PERIOD, today=TODAY)
    watch = dict(zip(dashboard.months, dashboard.watch_time, strict=True))
    assert watch[D(2025, 10, 1)] == (40 * 3000 + 80 * 1000) // 4000 == 50
    assert watch[D(2025, 9, 1)] is None


def test_top_posts_by_views_with_their_channel(org, figures):
    dashboard = dashboard_data(org, period=PERIOD, today=TODAY)
    assert [p.title for p in dashboard.top_posts] == ["Block A", "Block B", "Intro", HYPERLINK]
    assert dashboard.top_posts[0].channel.name == "Partner U"


def test_top_posts_are_ten_at_most(org):
    channel = ChannelFactory(organization=org)
    for n in range(12):
        PostStatFactory(channel=channel, published_on=D(2025, 3, 1), views=100 + n)
    rollups_recompute(org.pk)
    dashboard = dashboard_data(org, period=PERIOD, today=TODAY)
    assert [p.views for p in dashboard.top_posts] == list(range(111, 101, -1))


def test_platform_and_channel_filters(org, figures):
    by_platform = dashboard_data(org, period=PERIOD, platform_code="ig-test", today=TODAY)
    assert kpis(by_platform)["views"].value == 200
    assert [s.label for s in by_platform.views_by_platform] == ["Instagram"]
    assert by_platform.top_posts == []
    by_channel = dashboard_data(org, period=PERIOD, channel_id=figures["alpha"].pk, today=TODAY)
    assert kpis(by_channel)["views"].value == 1000
    assert kpis(by_channel)["followers"].value == 500
    assert by_channel.reach_totals == {"own": 1800, "partner": None}
    assert [p.title for p in by_channel.top_posts] == [HYPERLINK]


def test_another_organisations_figures_never_count(org, other_org, figures):
    stranger = ChannelFactory(organization=other_org, platform=figures["facebook"])
    MonthlyStatFactory(channel=stranger, month=D(2025, 10, 1), views=99999, followers=99999)
    PostStatFactory(channel=stranger, published_on=D(2025, 10, 2), views=99999)
    rollups_recompute(other_org.pk)
    dashboard = dashboard_data(org, period=PERIOD, today=TODAY)
    assert kpis(dashboard)["views"].value == 5200
    assert kpis(dashboard)["followers"].value == 590
    assert 99999 not in [p.views for p in dashboard.top_posts]
    # Another organisation's channel given as a filter is ignored, not obeyed.
    filters = dashboard_filters(org=org, params={"channel": str(stranger.pk)}, today=TODAY)
    assert filters.channel_id is None
    assert (
        kpis(dashboard_data(org, period=PERIOD, channel_id=stranger.pk, today=TODAY))["views"].value
        is None
    )


# --- periods and filters ------------------------------------------------------------------------


def test_period_choices_default_this_year_and_each_dated_plan(org, other_org):
    PlanFactory(
        organization=org, title="Programme 2025", starts_on=D(2025, 2, 10), ends_on=D(2025, 12, 31)
    )
    PlanFactory(organization=org, title="Undated")
    foreign = PlanFactory(
        organization=other_org, title="Theirs", starts_on=D(2025, 1, 1), ends_on=D(2025, 3, 1)
    )
    filters = dashboard_filters(org=org, params={}, today=TODAY)
    assert filters.period.code == "12m"
    assert (filters.period.first, filters.period.last) == (D(2024, 11, 1), D(2025, 10, 1))
    choices = {p.label: (p.first, p.last) for p in filters.period_choices}
    assert choices["This year"] == (D(2025, 1, 1), D(2025, 10, 1))
    assert choices["Plan: Programme 2025"] == (D(2025, 2, 1), D(2025, 12, 1))
    assert "Plan: Undated" not in choices and "Plan: Theirs" not in choices
    plan_code = next(p.code for p in filters.period_choices if p.label == "Plan: Programme 2025")
    assert dashboard_filters(org=org, params={"period": plan_code}, today=TODAY).period.first == D(
        2025, 2, 1
    )
    # Another organisation's plan is not a choice: the default stands.
    params = {"period": f"plan-{foreign.pk}"}
    assert dashboard_filters(org=org, params=params, today=TODAY).period.code == "12m"


def test_in_january_this_year_is_last_year(org):
    filters = dashboard_filters(org=org, params={"period": "year"}, today=D(2026, 1, 10))
    assert filters.period.label == "Last year"
    assert (filters.period.first, filters.period.last) == (D(2025, 1, 1), D(2025, 12, 1))


def test_custom_period_from_to(org):
    filters = dashboard_filters(org=org, params={"from": "2024-03", "to": "2024-08"}, today=TODAY)
    assert filters.period.code == "custom"
    assert (filters.period.first, filters.period.last) == (D(2024, 3, 1), D(2024, 8, 1))
    assert filters.query() == {"period": "custom", "from": "2024-03", "to": "2024-08"}
    # A named period chosen in the select wins over the from/to the form always sends.
    params = {"period": "year", "from": "2024-03", "to": "2024-08"}
    assert dashboard_filters(org=org, params=params, today=TODAY).period.code == "year"


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2024-13", "to": "2025-01"},
        {"from": "soon", "to": "later"},
        {"from": "2025-06", "to": "2025-01"},
        {"period": "forever"},
        {"period": "plan-999999"},
        {"period": "custom", "from": "", "to": ""},
        {"from": "2024-01\x00", "to": "<script>"},
    ],
)
def test_bad_periods_fall_back_to_the_default(org, params):
    assert dashboard_filters(org=org, params=params, today=TODAY).period.code == "12m"


def test_a_very_long_custom_period_keeps_its_last_ten_years(org):
    filters = dashboard_filters(org=org, params={"from": "1900-01", "to": "2025-10"}, today=TODAY)
    assert len(filters.period.months) == 120
    assert filters.period.last == D(2025, 10, 1)


def test_platform_and_channel_choices_are_the_organisations(org, figures):
    filters = dashboard_filters(
        org=org, params={"platform": "ig-test", "channel": "x"}, today=TODAY
    )
    assert filters.platforms == [("fb-test", "Facebook"), ("ig-test", "Instagram")]
    assert [c.name for c in filters.channels] == ["Alpha", "Partner U", "Beta"]
    assert (filters.platform_code, filters.channel_id) == ("ig-test", None)
    PlatformFactory(code="unused")
    assert (
        dashboard_filters(org=org, params={"platform": "unused"}, today=TODAY).platform_code is None
    )


# --- the page and the CSVs ------------------------------------------------------------------------


def test_the_page_shows_cards_charts_tables_and_csv_links(client_as, org, figures):
    client = client_as(Role.VIEWER)
    response = client.get(url("analytics:dashboard", org), {"from": "2025-01", "to": "2025-10"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Key figures for October 2025" in html
    assert "5,200" in html
    assert "+271 % vs September" in html
    assert "+940 % vs October 2024" in html
    assert "−3.8 pt vs October 2024" in html  # the engagement rate, in points
    assert html.count("<figure") == 4 and html.count("<figcaption") == 4
    assert html.count('role="img"') == 4
    assert html.count("<table") == 4 and html.count("<caption") == 4
    assert 'scope="col"' in html and 'scope="row"' in html
    assert "own channels 2,100 views in total, partner channels 4,600 views in total" in html
    assert html.count("Download CSV") == 4
    assert "/stats/charts/reach.csv?period=custom&amp;from=2025-01&amp;to=2025-10" in html
    assert 'id="dashboard-charts"' in html
    data = json.loads(
        html.split('id="dashboard-charts" type="application/json">')[1].split("</script>")[0]
    )
    assert set(data) == {"views", "reach", "top_posts", "watch_time"}
    assert data["reach"]["datasets"][1]["data"][-1] == 4000
    assert "<script>" not in html.split("<body")[1].replace('<script id="dashboard-charts"', "")
    assert "chart.umd.min.js" in html and "js/charts.js" in html


def test_the_page_filters_by_platform(client_as, org, figures):
    client = client_as(Role.VIEWER)
    response = client.get(
        url("analytics:dashboard", org), {"from": "2025-01", "to": "2025-10", "platform": "ig-test"}
    )
    assert response.context["dashboard"].kpis[0].value == 200
    assert 'value="ig-test" selected' in response.content.decode()


def test_empty_state_when_the_organisation_has_no_figures(client_as, org):
    client = client_as(Role.CONTRIBUTOR)
    response = client.get(url("analytics:dashboard", org))
    html = response.content.decode()
    assert "No statistics yet." in html
    assert "<canvas" not in html
    assert f'href="{url("analytics:monthly_grid", org)}"' in html


def test_no_figures_in_the_chosen_period_says_so(client_as, org, figures):
    client = client_as(Role.VIEWER)
    response = client.get(url("analytics:dashboard", org), {"from": "2020-01", "to": "2020-06"})
    html = response.content.decode()
    assert "No figures for this period with these filters." in html
    assert "<canvas" not in html


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def csv_url(org, chart):
    return url("analytics:chart_csv", org, chart=chart)


def test_chart_csvs_have_the_tables_content(client_as, org, figures):
    client = client_as(Role.VIEWER)
    query = {"from": "2025-01", "to": "2025-10"}
    views = client.get(csv_url(org, "views"), query)
    assert views["Content-Disposition"] == 'attachment; filename="views-2025-01-2025-10.csv"'
    rows = read_csv(views)
    assert rows[0] == ["Month", "Facebook", "Instagram", "Total"]
    assert rows[-2] == ["2025-10", "5000", "200", "5200"]
    assert rows[1] == ["2025-01", "", "", ""]
    assert rows[-1] == ["Total", "6400", "300", "6700"]
    reach = read_csv(client.get(csv_url(org, "reach"), query))
    assert reach[0] == ["Month", "Own channels", "Partner channels"]
    assert reach[-1] == ["Total", "2100", "4600"]
    watch = read_csv(client.get(csv_url(org, "watch_time"), query))
    assert watch[0] == ["Month", "Average watch time (m:ss)", "Average watch time (seconds)"]
    assert watch[-1] == ["2025-10", "0:50", "50"]
    filtered = read_csv(client.get(csv_url(org, "views"), {**query, "platform": "ig-test"}))
    assert filtered[0] == ["Month", "Instagram", "Total"]


def test_top_posts_csv_neutralises_formulas(client_as, org, figures):
    client = client_as(Role.VIEWER)
    rows = read_csv(client.get(csv_url(org, "top_posts"), {"from": "2025-01", "to": "2025-10"}))
    assert rows[0] == ["Title", "Channel", "Date", "Views", "Interactions"]
    assert rows[1] == ["Block A", "Partner U", "2025-10-05", "3000", "150"]
    assert rows[-1] == ["'" + HYPERLINK, "Alpha", "2025-10-20", "50", "5"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_the_page_shows_a_formula_title_as_text(client_as, org, figures):
    client = client_as(Role.VIEWER)
    html = client.get(
        url("analytics:dashboard", org), {"from": "2025-01", "to": "2025-10"}
    ).content.decode()
    assert "=HYPERLINK(&quot;http://x&quot;)" in html


def test_an_unknown_chart_is_a_404(client_as, org, figures):
    client = client_as(Role.VIEWER)
    assert client.get(csv_url(org, "pie")).status_code == 404


def test_the_tables_match_the_selector(org, figures):
    dashboard = dashboard_data(org, period=PERIOD, today=TODAY)
    tables = {t.code: t for t in chart_tables(dashboard)}
    assert tables["reach"].footer[1:] == [2100, 4600]
    assert tables["top_posts"].rows[0][:2] == ["Block A", "Partner U"]
    for table in tables.values():
        assert all(len(row) == len(table.header) for row in table.rows)


# --- stats_summary -----------------------------------------------------------------------------


EXPECTED = {
    "months": [
        {
            "month": "2024-10",
            "channel": "Alpha",
            "kind": "own",
            "views": 500,
            "interactions": 50,
            "followers": 300,
        },
        {
            "month": "2025-08",
            "channel": "Beta",
            "kind": "own",
            "views": 100,
            "interactions": 10,
            "followers": 90,
        },
        {
            "month": "2025-09",
            "channel": "Alpha",
            "kind": "own",
            "views": 800,
            "interactions": 40,
            "followers": 480,
        },
        {
            "month": "2025-09",
            "channel": "Partner U",
            "kind": "partner",
            "views": 600,
            "interactions": 30,
            "followers": None,
        },
        {
            "month": "2025-10",
            "channel": "Alpha",
            "kind": "own",
            "views": 1000,
            "interactions": 100,
            "followers": 500,
        },
        {
            "month": "2025-10",
            "channel": "Beta",
            "kind": "own",
            "views": 200,
            "interactions": 20,
            "followers": None,
        },
        {
            "month": "2025-10",
            "channel": "Partner U",
            "kind": "partner",
            "views": 4000,
            "interactions": 200,
            "followers": None,
        },
    ],
    "totals": {"views": 7200, "interactions": 450},
}


def run(*args) -> str:
    out = io.StringIO()
    call_command("stats_summary", *args, stdout=out)
    return out.getvalue()


def test_stats_summary_json_is_exact(org, figures):
    assert json.loads(run("--org", org.slug, "--format", "json")) == EXPECTED
    assert summary_json(org) == EXPECTED


def test_stats_summary_totals_are_the_sums_and_match_the_dashboard(org, figures):
    summary = json.loads(
        run("--org", org.slug, "--from", "2025-01", "--to", "2025-10", "--format", "json")
    )
    assert summary["months"][0]["month"] == "2025-08"
    assert summary["totals"]["views"] == sum(r["views"] for r in summary["months"]) == 6700
    assert summary["totals"]["interactions"] == sum(r["interactions"] for r in summary["months"])
    dashboard = dashboard_data(org, period=PERIOD, today=TODAY)
    assert summary["totals"]["views"] == sum(v for v in dashboard.reach_totals.values() if v)


def test_stats_summary_table_and_errors(org, figures):
    table = run("--org", org.slug, "--from", "2025-10", "--to", "2025-10")
    assert "Partner U" in table and "4,000" in table and "Total" in table
    assert "2024-10" not in table
    with pytest.raises(CommandError, match="No organisation"):
        run("--org", "nobody", "--format", "json")
    with pytest.raises(CommandError, match="YYYY-MM"):
        run("--org", org.slug, "--from", "2024-13")
    with pytest.raises(CommandError, match="after"):
        run("--org", org.slug, "--from", "2025-10", "--to", "2025-01")


def test_stats_summary_unknown_org_exits_1(org, capsys):
    """As from the shell (``manage.py``): a message on stderr and exit status 1."""
    utility = ManagementUtility(["manage.py", "stats_summary", "--org", "no-such-org"])
    with pytest.raises(SystemExit) as exit_:
        utility.execute()
    assert exit_.value.code == 1
    assert "no-such-org" in capsys.readouterr().err


def test_stats_summary_of_an_organisation_without_figures(org, other_org, figures):
    assert json.loads(run("--org", other_org.slug, "--format", "json")) == {
        "months": [],
        "totals": {"views": 0, "interactions": 0},
    }


# --- constant query counts ------------------------------------------------------------------------


def grow(org, channels: int, months: int = 24):
    """``channels`` channels (a third partner) on 5 platforms, each with ``months`` months of
    rollups and a post per month."""
    platforms = [PlatformFactory() for _ in range(5)]
    made = Channel.objects.bulk_create(
        Channel(
            organization=org,
            platform=platforms[i % 5],
            name=f"Grown {channels} {i}",
            kind="partner" if i % 3 == 0 else "own",
        )
        for i in range(channels)
    )
    last = D(2025, 10, 1)
    MonthlyRollup.objects.bulk_create(
        MonthlyRollup(
            organization=org,
            channel=c,
            platform_id=c.platform_id,
            kind=c.kind,
            month=add_months(last, -m),
            views=100 + m,
            interactions=10,
            followers=1000 + m,
            watch_weighted_sum=3000,
            watch_views=100,
        )
        for c in made
        for m in range(months)
    )
    PostStat.objects.bulk_create(
        PostStat(
            organization=org,
            channel=c,
            published_on=add_months(last, -m),
            title=f"Post {m}",
            views=m * 10,
            interactions=m,
        )
        for c in made[:50]
        for m in range(months)
    )
    for _plan in range(min(channels, 30)):
        PlanFactory(organization=org, starts_on=D(2025, 1, 1), ends_on=D(2025, 12, 31))


def count_queries(client, path, query) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, query)
    assert response.status_code == 200
    return len(ctx.captured_queries)


#: Measured on the page: session, user, membership (3), the filter bar's plans and channels
#: (2), whether any figure exists (1), the grouped rollups, the followers and the top posts
#: (3), the navbar's unread notifications (1). A chart's CSV: 8 (no "any figure", no navbar).
DASHBOARD_QUERIES = 10


@pytest.mark.parametrize("chart", [None, "views", "top_posts"])
def test_the_dashboard_costs_the_same_queries_with_3_and_300_channels(
    client_as, org, other_org, django_assert_max_num_queries, chart
):
    client = client_as(Role.VIEWER)
    path = url("analytics:dashboard", org) if chart is None else csv_url(org, chart)
    query = {"from": "2023-11", "to": "2025-10"}
    grow(org, 3)
    client.get(path, query)  # the session's first request loads more (it is then cached)
    small = count_queries(client, path, query)
    grow(other_org, 3)
    grow(org, 297)
    assert MonthlyRollup.objects.for_org(org).count() == 300 * 24
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(path, query)
    assert response.status_code == 200
    assert count_queries(client, path, query) == small
    if chart is None:
        cards = kpis(response.context["dashboard"])
        assert cards["views"].value == 300 * 100
        assert cards["followers"].value == 300 * 1000


def test_a_chart_without_figures_says_so_instead_of_drawing_empty_axes(client_as, org):
    channel = ChannelFactory(organization=org)
    MonthlyStatFactory(channel=channel, month=D(2024, 10, 1), views=100)
    rollups_recompute(org.pk)
    client = client_as(Role.VIEWER)
    html = client.get(url("analytics:dashboard", org), {"from": "2024-01", "to": "2024-12"})
    html = html.content.decode()
    assert 'data-chart="views"' in html and 'data-chart="reach"' in html
    assert 'data-chart="watch_time"' not in html and 'data-chart="top_posts"' not in html
    assert html.count("No figures for this chart in this period.") == 2
