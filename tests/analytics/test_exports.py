"""Statistics downloads (#17 point 7): CSV and XLSX in the import layouts' columns, formulas
made inert, another organisation's figures absent, months filtered, bad parameters refused."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from accounts.models import Role
from analytics.figures import parse_count
from analytics.months import parse_month
from analytics.selectors.exports import MONTHLY_COLUMNS, POST_COLUMNS
from tests.factories import ChannelFactory, MonthlyStatFactory, PostStatFactory
from tests.helpers import url

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x")'


@pytest.fixture
def figures(org, other_org):
    own = ChannelFactory(organization=org, name="Our page")
    partner = ChannelFactory(organization=org, name="University page", kind="partner")
    MonthlyStatFactory(channel=own, month=date(2026, 1, 1), views=12345, interactions=80)
    MonthlyStatFactory(
        channel=partner, month=date(2026, 2, 1), views=900, followers=None, posts_published=3
    )
    MonthlyStatFactory(channel=own, month=date(2025, 6, 1), views=1)
    PostStatFactory(
        channel=own,
        published_on=date(2026, 1, 14),
        title=FORMULA,
        url="https://example.org/p/1",
        views=500,
        interactions=25,
        avg_watch_seconds=75,
    )
    PostStatFactory(channel=partner, published_on=date(2026, 2, 2), title="Block A", views=None)
    theirs = ChannelFactory(organization=other_org, name="Elsewhere")
    MonthlyStatFactory(channel=theirs, month=date(2026, 1, 1), views=777)
    PostStatFactory(channel=theirs, published_on=date(2026, 1, 3), title="Their post")
    return own, partner


def download(client, org, **params):
    return client.get(url("analytics:stats_export", org), params)


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def read_xlsx(response):
    workbook = load_workbook(io.BytesIO(response.content))
    return workbook.worksheets[0]


def test_monthly_csv_has_the_import_columns_and_reparses(client_as, org, figures):
    response = download(client_as(Role.VIEWER), org, kind="monthly", format="csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="bib-a-monthly-statistics.csv"' in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert tuple(header) == MONTHLY_COLUMNS
    assert rows == [
        ["2025-06", "Our page", "1", "80", "900", "12"],
        ["2026-01", "Our page", "12345", "80", "900", "12"],
        ["2026-02", "University page", "900", "80", "", "3"],
    ]
    # What the importer reads back: months and counts, empty meaning "not known".
    for month, _channel, *counts in rows:
        parse_month(month)
        assert [parse_count(c) for c in counts if c]


def test_posts_csv_has_the_import_columns_and_the_formula_is_inert(client_as, org, figures):
    response = download(client_as(Role.VIEWER), org, kind="posts", format="csv")
    header, *rows = read_csv(response)
    assert tuple(header) == POST_COLUMNS
    assert rows[0] == [
        "2026-01-14",
        "Our page",
        "'" + FORMULA,
        "https://example.org/p/1",
        "500",
        "25",
        "75",
    ]
    assert rows[1][:3] == ["2026-02-02", "University page", "Block A"] and rows[1][4] == ""
    assert "Their post" not in response.content.decode()


def test_posts_xlsx_stores_the_formula_as_text(client_as, org, figures):
    response = download(client_as(Role.VIEWER), org, kind="posts", format="xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="bib-a-post-statistics.xlsx"' in response["Content-Disposition"]
    sheet = read_xlsx(response)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == POST_COLUMNS
    title = sheet.cell(row=2, column=3)
    assert title.data_type == "s" and title.value == "'" + FORMULA
    assert rows[1][4:] == (500, 25, 75)  # numbers stay numbers
    assert all("Their post" not in str(v) for row in rows for v in row)


def test_monthly_xlsx_between_two_months(client_as, org, figures):
    response = download(
        client_as(Role.VIEWER),
        org,
        kind="monthly",
        format="xlsx",
        **{"from": "2026-01", "to": "2026-01"},
    )
    assert (
        'filename="bib-a-monthly-statistics-2026-01-2026-01.xlsx"'
        in response["Content-Disposition"]
    )
    rows = list(read_xlsx(response).iter_rows(values_only=True))
    assert rows == [MONTHLY_COLUMNS, ("2026-01", "Our page", 12345, 80, 900, 12)]


def test_posts_between_two_months_include_the_last_months_days(client_as, org, figures):
    response = download(
        client_as(Role.VIEWER), org, kind="posts", **{"from": "2026-02", "to": "2026-02"}
    )
    _header, *rows = read_csv(response)
    assert [r[2] for r in rows] == ["Block A"]


def test_defaults_are_monthly_csv(client_as, org, figures):
    response = download(client_as(Role.VIEWER), org)
    assert tuple(read_csv(response)[0]) == MONTHLY_COLUMNS


@pytest.mark.parametrize(
    "params",
    [{"kind": "people"}, {"format": "pdf"}, {"from": "2024-13"}, {"to": "last month"}],
)
def test_unknown_parameters_are_a_400(client_as, org, params):
    assert download(client_as(Role.VIEWER), org, **params).status_code == 400


def test_the_export_needs_a_member(client, org):
    response = download(client, org)
    assert response.status_code == 302 and "login" in response.url


def test_the_export_costs_the_same_queries_for_few_and_many_rows(
    client_as, org, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(Role.VIEWER)
    channels = ChannelFactory.create_batch(2, organization=org)
    for fmt in ("csv", "xlsx"):
        download(client, org, kind="posts", format=fmt)
    PostStatFactory.create_batch(3, channel=channels[0])
    with CaptureQueriesContext(connection) as small:
        download(client, org, kind="posts", format="xlsx")
    PostStatFactory.create_batch(60, channel=channels[1])
    with django_assert_max_num_queries(len(small)):
        download(client, org, kind="posts", format="xlsx")
