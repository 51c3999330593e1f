"""The monthly entry grid: the service, the selector, the grid and row pages (htmx or not)."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import ActivityEntry, Role
from analytics.forms.grid import MonthlyRowForm
from analytics.models import MonthlyRollup, MonthlyStat
from analytics.months import add_months, last_complete_month, month_start
from analytics.selectors.grid import monthly_grid
from analytics.services.stats import monthly_stat_save
from tests.factories import ChannelFactory, MonthlyStatFactory
from tests.helpers import url

pytestmark = pytest.mark.django_db

MONTH = datetime.date(2026, 1, 1)
PREVIOUS = datetime.date(2025, 12, 1)
HTMX = {"HTTP_HX_REQUEST": "true"}


def figures(views=None, interactions=None, followers=None, posts_published=None) -> dict:
    return {
        "views": views,
        "interactions": interactions,
        "followers": followers,
        "posts_published": posts_published,
    }


def row_url(org, channel, month="2026-01") -> str:
    return url("analytics:monthly_row", org, channel_pk=channel.pk, month=month)


def grid_url(org) -> str:
    return url("analytics:monthly_grid", org)


def row_data(**values) -> dict:
    data = {"views": "", "interactions": "", "followers": "", "posts_published": ""}
    return {**data, **values}


@pytest.fixture
def channel(org):
    return ChannelFactory(organization=org, name="Library on Instagram")


# Service ---------------------------------------------------------------------------------------


def test_save_creates_then_updates_the_month_and_logs_it(org, member, channel):
    actor = member(Role.CONTRIBUTOR).user
    stat = monthly_stat_save(
        org=org, channel=channel, month=MONTH, values=figures(1200, 80), actor=actor
    )
    assert (stat.views, stat.interactions, stat.followers, stat.updated_by) == (
        1200,
        80,
        None,
        actor,
    )
    again = monthly_stat_save(
        org=org, channel=channel, month=MONTH, values=figures(1300, 80, 950), actor=actor
    )
    assert again.pk == stat.pk and MonthlyStat.objects.count() == 1
    assert (again.views, again.followers) == (1300, 950)
    # One row typed cell by cell is one entry; someone else's save is another.
    (entry,) = ActivityEntry.objects.filter(verb="stats.month")
    assert entry.params == {"month": "2026-01", "channel": "Library on Instagram"}
    assert entry.actor == actor
    monthly_stat_save(
        org=org, channel=channel, month=MONTH, values=figures(1400), actor=member().user
    )
    assert ActivityEntry.objects.filter(verb="stats.month").count() == 2


def test_saving_the_same_figures_again_changes_nothing(org, channel):
    monthly_stat_save(org=org, channel=channel, month=MONTH, values=figures(5), actor=None)
    monthly_stat_save(org=org, channel=channel, month=MONTH, values=figures(5), actor=None)
    assert ActivityEntry.objects.filter(verb="stats.month").count() == 1


def test_an_all_empty_row_deletes_the_month_or_does_nothing(org, channel):
    assert monthly_stat_save(org=org, channel=channel, month=MONTH, values={}, actor=None) is None
    assert not MonthlyStat.objects.exists() and not ActivityEntry.objects.exists()
    monthly_stat_save(org=org, channel=channel, month=MONTH, values=figures(10), actor=None)
    assert (
        monthly_stat_save(org=org, channel=channel, month=MONTH, values=figures(), actor=None)
        is None
    )
    assert not MonthlyStat.objects.exists()
    assert ActivityEntry.objects.filter(verb="stats.month_clear").count() == 1


def test_another_organisations_channel_is_refused(org, other_org):
    foreign = ChannelFactory(organization=other_org)
    with pytest.raises(ValidationError) as caught:
        monthly_stat_save(org=org, channel=foreign, month=MONTH, values=figures(1), actor=None)
    assert caught.value.error_dict["channel"][0].code == "foreign_channel"
    assert not MonthlyStat.objects.exists()


def test_a_month_to_come_is_refused(org, channel):
    future = add_months(datetime.date.today(), 2)
    with pytest.raises(ValidationError):
        monthly_stat_save(org=org, channel=channel, month=future, values=figures(1), actor=None)


def test_the_month_is_its_first_day(org, channel):
    stat = monthly_stat_save(
        org=org, channel=channel, month=datetime.date(2026, 1, 17), values=figures(3), actor=None
    )
    assert stat.month == MONTH


def test_the_rollups_follow_a_save(org, channel, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        monthly_stat_save(org=org, channel=channel, month=MONTH, values=figures(700), actor=None)
    rollup = MonthlyRollup.objects.get(organization=org, channel=channel, month=MONTH)
    assert rollup.views == 700
    with django_capture_on_commit_callbacks(execute=True):
        monthly_stat_save(org=org, channel=channel, month=MONTH, values=figures(900), actor=None)
    assert MonthlyRollup.objects.get(organization=org, channel=channel, month=MONTH).views == 900
    with django_capture_on_commit_callbacks(execute=True):
        monthly_stat_save(org=org, channel=channel, month=MONTH, values=figures(), actor=None)
    assert not MonthlyRollup.objects.filter(channel=channel, month=MONTH, views__gt=0).exists()


# Form ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("12 345", 12345), ("12\u00a0345", 12345), ("12\u202f345", 12345), ("1,250", 1250)],
)
def test_the_form_accepts_thousands_as_people_type_them(channel, typed, expected):
    form = MonthlyRowForm(row_data(views=typed), channel=channel)
    assert form.is_valid(), form.errors
    assert form.figures()["views"] == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12.5", "Enter a whole number, without decimals"),
        ("-4", "Figures cannot be negative"),
        ("lots", "Enter a whole number"),
        ("99999999999", "too large"),
    ],
)
def test_the_form_says_what_is_wrong(channel, typed, message):
    form = MonthlyRowForm(row_data(interactions=typed), channel=channel)
    assert not form.is_valid()
    assert message in form.errors["interactions"][0]
    assert f"row-{channel.pk}-interactions-message" in form["interactions"].as_widget()


def test_ten_times_last_month_asks_for_a_confirmation(channel):
    previous = MonthlyStatFactory(channel=channel, month=PREVIOUS, views=1234, interactions=0)
    form = MonthlyRowForm(
        row_data(views="12341", interactions="500"), channel=channel, previous=previous
    )
    assert form.is_valid() and form.needs_confirmation
    assert list(form.warnings) == ["views"]  # last month's 0 interactions: no comparison
    assert "more than ten times last month’s figure (1,234)" in form.warnings["views"]
    confirmed = MonthlyRowForm(
        row_data(views="12341", confirm="1"), channel=channel, previous=previous
    )
    assert confirmed.is_valid() and not confirmed.needs_confirmation
    just_below = MonthlyRowForm(row_data(views="12340"), channel=channel, previous=previous)
    assert just_below.is_valid() and not just_below.needs_confirmation


# Selector --------------------------------------------------------------------------------------


def test_the_grid_has_each_active_channel_with_this_and_last_month(org, other_org, channel):
    partner = ChannelFactory(organization=org, name="City page", kind="partner")
    ChannelFactory(organization=org, name="Old", is_active=False)
    ChannelFactory(organization=other_org, name="Theirs")
    MonthlyStatFactory(channel=channel, month=MONTH, views=10)
    MonthlyStatFactory(channel=channel, month=PREVIOUS, views=8)
    MonthlyStatFactory(channel=partner, month=add_months(MONTH, -2), views=99)
    rows = {row.channel.name: row for row in monthly_grid(org, MONTH)}
    assert set(rows) == {"Library on Instagram", "City page"}
    mine = rows["Library on Instagram"]
    assert (mine.current.views, mine.previous.views, mine.entered) == (10, 8, True)
    assert (rows["City page"].current, rows["City page"].previous) == (None, None)


# Pages -----------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login(client, org, channel):
    for address in (grid_url(org), row_url(org, channel)):
        response = client.get(address)
        assert response.status_code == 302 and "/login" in response["Location"]


def test_the_grid_defaults_to_last_month_and_moves_by_month(client_as, org, channel):
    client = client_as(Role.VIEWER)
    response = client.get(grid_url(org))
    default = last_complete_month(datetime.date.today())
    assert response.context["month"] == default
    page = client.get(grid_url(org), {"month": "2026-01"}).content.decode()
    assert 'value="2026-01"' in page and "?month=2025-12" in page and "?month=2026-02" in page
    # A month to come or nonsense falls back to the default.
    assert client.get(grid_url(org), {"month": "2999-01"}).context["month"] == default
    assert client.get(grid_url(org), {"month": "2024-13"}).context["month"] == default
    current = month_start(datetime.date.today())
    assert "?month=" + add_months(current, 1).strftime("%Y-%m") not in (
        client.get(grid_url(org), {"month": current.strftime("%Y-%m")}).content.decode()
    )


def test_viewers_read_the_grid_without_inputs_and_cannot_post(client_as, org, channel):
    MonthlyStatFactory(channel=channel, month=MONTH, views=4321)
    MonthlyStatFactory(channel=channel, month=PREVIOUS, views=1234)
    client = client_as(Role.VIEWER)
    page = client.get(grid_url(org), {"month": "2026-01"}).content.decode()
    assert "4,321" in page and "Last month: 1,234" in page
    assert "<input" not in page.split("<table", 1)[1].split("</table>", 1)[0]
    assert client.post(row_url(org, channel), row_data(views="5")).status_code == 403
    assert MonthlyStat.objects.get(month=MONTH).views == 4321


def test_contributors_see_inputs_with_last_months_hint(client_as, org, channel):
    MonthlyStatFactory(channel=channel, month=PREVIOUS, views=1234, followers=None)
    MonthlyStatFactory(channel=channel, month=MONTH, views=1500)
    page = client_as(Role.CONTRIBUTOR).get(grid_url(org), {"month": "2026-01"}).content.decode()
    pk = channel.pk
    assert f'id="row-{pk}"' in page  # the row's form
    assert re.search(r'<input[^>]*name="views"[^>]*value="1500"', page)
    assert f'form="row-{pk}"' in page and f'aria-describedby="row-{pk}-views-hint"' in page
    assert f'id="row-{pk}-views-hint">Last month: 1,234' in page
    assert "Last month: not entered" in page
    assert "1 of 1 channel entered" in page


def test_a_contributor_saves_a_row_over_htmx(client_as, org, channel):
    client = client_as(Role.CONTRIBUTOR)
    response = client.post(
        row_url(org, channel), row_data(views="12 345", interactions="80"), **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="grid-row-{channel.pk}"')
    assert "<html" not in html
    trigger = json.loads(response["HX-Trigger"])
    assert trigger["toast"].startswith("Saved") and "stats-saved" in trigger
    stat = MonthlyStat.objects.get()
    assert (stat.month, stat.views, stat.interactions) == (MONTH, 12345, 80)
    assert stat.updated_by == client.membership.user


def test_without_htmx_a_saved_row_goes_back_to_the_grid(client_as, org, channel):
    response = client_as(Role.CONTRIBUTOR).post(row_url(org, channel), row_data(views="7"))
    assert response.status_code == 302
    assert response["Location"].startswith(grid_url(org) + "?month=2026-01")
    assert MonthlyStat.objects.get().views == 7


def test_a_bad_cell_rerenders_only_its_row_with_the_typed_values(client_as, org, channel):
    client = client_as(Role.CONTRIBUTOR)
    response = client.post(
        row_url(org, channel), row_data(views="12.5", interactions="31", followers="-2"), **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<tr") == 1
    assert 'value="12.5"' in html and 'value="31"' in html and 'value="-2"' in html
    assert "Enter a whole number, without decimals" in html
    assert "Figures cannot be negative" in html
    assert 'aria-invalid="true"' in html
    assert f'aria-describedby="row-{channel.pk}-views-hint row-{channel.pk}-views-message"' in html
    assert "Not saved" in json.loads(response["HX-Trigger"])["toast"]
    assert not MonthlyStat.objects.exists()


def test_without_htmx_a_bad_row_shows_the_grid_with_its_errors(client_as, org, channel):
    other = ChannelFactory(organization=org, platform=channel.platform, name="Zz other")
    MonthlyStatFactory(channel=other, month=MONTH, views=55)
    response = client_as(Role.CONTRIBUTOR).post(
        row_url(org, channel), row_data(views="abc", interactions="9")
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert 'value="abc"' in html and 'value="9"' in html and 'value="55"' in html
    assert html.count("invalid-feedback d-block") == 1


def test_ten_times_asks_before_storing_and_stores_once_confirmed(client_as, org, channel):
    MonthlyStatFactory(channel=channel, month=PREVIOUS, views=1234)
    client = client_as(Role.CONTRIBUTOR)
    response = client.post(row_url(org, channel), row_data(views="20000"), **HTMX)
    html = response.content.decode()
    assert "That is more than ten times last month’s figure (1,234). Save anyway?" in html
    assert "Yes, save it" in html and 'name="confirm"' in html and 'value="20000"' in html
    assert not MonthlyStat.objects.filter(month=MONTH).exists()
    response = client.post(row_url(org, channel), row_data(views="20000", confirm="1"), **HTMX)
    assert "Yes, save it" not in response.content.decode()
    assert MonthlyStat.objects.get(month=MONTH).views == 20000


def test_the_row_page_for_another_org_or_a_bad_month_is_a_404(client_as, org, other_org, channel):
    client = client_as(Role.ADMIN)
    foreign = ChannelFactory(organization=other_org)
    assert client.get(row_url(org, foreign)).status_code == 404
    assert client.post(row_url(org, foreign), row_data(views="1")).status_code == 404
    assert client.get(row_url(org, channel, month="2024-13")).status_code == 404
    assert client.get(row_url(org, channel, month="2999-01")).status_code == 404
    assert not MonthlyStat.objects.exists()


def test_the_row_alone_is_a_page_and_its_htmx_partial(client_as, org, channel):
    client = client_as(Role.CONTRIBUTOR)
    page = client.get(row_url(org, channel)).content.decode()
    assert "<title>Figures of Library on Instagram · January 2026" in page
    partial = client.get(row_url(org, channel), **HTMX).content.decode()
    assert partial.lstrip().startswith("<tr") and "<title>" not in partial


def test_the_progress_line_reloads_alone(client_as, org, channel):
    MonthlyStatFactory(channel=channel, month=MONTH)
    response = client_as(Role.VIEWER).get(
        grid_url(org), {"month": "2026-01"}, HTTP_HX_TARGET="grid-progress", **HTMX
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<p id="grid-progress"') and "1 of 1 channel entered" in html


def test_an_organisation_without_channels_is_sent_to_the_channels_page(client_as, org):
    page = client_as(Role.CONTRIBUTOR).get(grid_url(org)).content.decode()
    assert "No channel to enter figures for." in page
    assert url("platforms:channel_list", org) in page


def test_the_grid_costs_the_same_queries_with_3_or_60_channels(
    client_as, org, django_assert_max_num_queries
):
    client = client_as(Role.CONTRIBUTOR)

    def grow(count):
        for channel in ChannelFactory.create_batch(count, organization=org):
            MonthlyStatFactory(channel=channel, month=MONTH)
            MonthlyStatFactory(channel=channel, month=PREVIOUS)

    grow(3)
    with CaptureQueriesContext(connection) as small:
        client.get(grid_url(org), {"month": "2026-01"})
    grow(57)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(grid_url(org), {"month": "2026-01"}).content.decode()
    assert len(re.findall(r'<tr id="grid-row-\d+"', page)) == 60
    assert "60 of 60 channels entered" in page
