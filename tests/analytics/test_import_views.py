"""The import pages: upload, progress, preview, errors, confirm, cancel, templates, history."""

import pytest
from django.core.cache import cache

from accounts.models import Role
from analytics.models import ImportBatch, MonthlyStat, PostStat
from analytics.services.imports import progress_cache_key
from tests.factories import ChannelFactory, ImportBatchFactory, MembershipFactory
from tests.helpers import url

from .conftest import upload

pytestmark = pytest.mark.django_db
S = ImportBatch.Status


@pytest.fixture
def contributor(client_as):
    return client_as(Role.CONTRIBUTOR)


def post_file(client, org, name, data=None, capture=None, **fields):
    payload = {"file": upload(name, data), "kind": "", "channel": "", **fields}
    with capture(execute=True):
        return client.post(url("analytics:import_list", org), payload)


def test_the_history_page_offers_the_form_to_contributors_only(client_as, org):
    page = client_as(Role.CONTRIBUTOR).get(url("analytics:import_list", org))
    assert page.status_code == 200 and b'name="file"' in page.content
    assert "No import yet." in page.content.decode()
    viewer = client_as(Role.VIEWER).get(url("analytics:import_list", org))
    assert viewer.status_code == 200 and b'name="file"' not in viewer.content


def test_uploading_a_monthly_file_shows_its_preview(
    contributor, org, channels, django_capture_on_commit_callbacks
):
    response = post_file(
        contributor, org, "monthly_fr_semicolon_bom.csv", capture=django_capture_on_commit_callbacks
    )
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("analytics:import_detail", org, batch_pk=batch.pk)
    assert batch.status == S.READY and batch.created_by == contributor.membership.user
    page = contributor.get(response["Location"]).content.decode()
    assert "Recognised: Vitrine monthly statistics" in page
    assert "Abonnés" in page and "Followers" in page  # the column mapping
    assert "2024-01" in page and "12,345" in page  # the first rows as stored
    assert "Total views" in page
    assert url("analytics:import_confirm", org, batch_pk=batch.pk) in page
    assert MonthlyStat.objects.count() == 0


def test_a_network_export_needs_the_channel_and_names_its_layout(
    contributor, org, channels, django_capture_on_commit_callbacks
):
    response = post_file(
        contributor,
        org,
        "youtube_table_data.csv",
        capture=django_capture_on_commit_callbacks,
        channel=channels["fb"].pk,
    )
    page = contributor.get(response["Location"]).content.decode()
    assert "Recognised: YouTube Studio content table" in page
    assert "aBcDeFgHiJ1" in page and "0:52" in page
    assert "Total" not in [cell.strip() for cell in page.split("<td>")]


def test_a_file_with_errors_lists_them_by_line_and_column(
    contributor, org, channels, django_capture_on_commit_callbacks
):
    data = b"month,channel,views,interactions\n2024-01,Facebook BU,1,1\n2024-13,Nowhere,-1,1\n"
    response = post_file(
        contributor, org, "bad.csv", data, capture=django_capture_on_commit_callbacks
    )
    page = contributor.get(response["Location"]).content.decode()
    assert "3 errors: nothing was imported" in page
    assert "<td>3</td><td>month</td>" in page and "2024-13" in page
    assert "<td>3</td><td>channel</td>" in page and "Nowhere" in page
    assert "<td>3</td><td>views</td>" in page
    assert "Confirm the import" not in page
    assert MonthlyStat.objects.count() == 0


def test_errors_are_paginated(contributor, org):
    errors = [
        {"line": n, "column": "views", "code": "negative", "params": {"value": "-1"}}
        for n in range(2, 122)
    ]
    batch = ImportBatchFactory(organization=org, status=S.INVALID, errors=errors, error_count=300)
    page = contributor.get(url("analytics:import_detail", org, batch_pk=batch.pk))
    content = page.content.decode()
    assert content.count("is negative") == 50 and "1 / 3" in content
    assert "…and 180 more errors, not listed." in content
    second = contributor.get(url("analytics:import_detail", org, batch_pk=batch.pk) + "?errors=3")
    assert second.content.decode().count("is negative") == 20


def test_a_file_of_another_type_is_refused_with_the_choices_kept(contributor, org, channels):
    response = contributor.post(
        url("analytics:import_list", org),
        {"file": upload("photo.png", b"x"), "kind": "posts", "channel": channels["fb"].pk},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["file"] == ["Upload a CSV (.csv) or Excel (.xlsx) file."]
    assert form["kind"].value() == "posts" and str(form["channel"].value()) == str(
        channels["fb"].pk
    )
    assert not ImportBatch.objects.exists()


def test_another_organisations_channel_is_not_a_choice(contributor, org, other_org):
    theirs = ChannelFactory(organization=other_org)
    response = contributor.post(
        url("analytics:import_list", org),
        {"file": upload("youtube_table_data.csv"), "kind": "", "channel": theirs.pk},
    )
    assert response.status_code == 200 and "channel" in response.context["form"].errors
    assert not ImportBatch.objects.exists()


def test_confirming_imports_and_shows_the_counts(
    contributor, org, channels, django_capture_on_commit_callbacks
):
    post_file(
        contributor,
        org,
        "meta_instagram.csv",
        capture=django_capture_on_commit_callbacks,
        channel=channels["ig"].pk,
    )
    batch = ImportBatch.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = contributor.post(url("analytics:import_confirm", org, batch_pk=batch.pk))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == S.DONE and PostStat.objects.filter(channel=channels["ig"]).count() == 3
    page = contributor.get(response["Location"]).content.decode()
    assert "3 rows added, 0 updated." in page
    # Confirming again is refused with a message; nothing is written twice.
    again = contributor.post(url("analytics:import_confirm", org, batch_pk=batch.pk), follow=True)
    assert "not ready to be confirmed" in again.content.decode()
    assert PostStat.objects.count() == 3


def test_cancelling_asks_first_then_keeps_the_line(contributor, org, channels):
    batch = ImportBatchFactory(organization=org, status=S.READY)
    address = url("analytics:import_cancel", org, batch_pk=batch.pk)
    page = contributor.get(address)
    assert page.status_code == 200 and "will not be imported" in page.content.decode()
    response = contributor.post(address)
    assert response["Location"] == url("analytics:import_list", org)
    batch.refresh_from_db()
    assert batch.status == S.CANCELLED
    history = contributor.get(url("analytics:import_list", org)).content.decode()
    assert "Cancelled" in history


def test_the_progress_fragment_polls_only_while_running(contributor, org):
    batch = ImportBatchFactory(organization=org, status=S.IMPORTING, total_rows=100_000)
    cache.set(progress_cache_key(batch.pk), 12_000)
    address = url("analytics:import_progress", org, batch_pk=batch.pk)
    fragment = contributor.get(address, headers={"HX-Request": "true"})
    content = fragment.content.decode()
    assert "<title>" not in content and 'hx-trigger="every 1s"' in content
    assert "12,000 of 100,000 rows" in content
    assert 'role="progressbar"' in content and 'aria-valuenow="12"' in content
    assert "HX-Refresh" not in fragment
    # The detail page embeds the same fragment while the batch runs.
    detail = contributor.get(url("analytics:import_detail", org, batch_pk=batch.pk))
    assert 'hx-trigger="every 1s"' in detail.content.decode()
    batch.status = S.DONE
    batch.save()
    finished = contributor.get(address, headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' not in finished.content.decode()
    assert finished["HX-Refresh"] == "true"
    # Without htmx it is a page of its own (with a title).
    assert b"<title>Progress of" in contributor.get(address).content


def test_the_check_phase_shows_its_rows(contributor, org):
    batch = ImportBatchFactory(
        organization=org, status=S.CHECKING, total_rows=5000, processed_rows=2000
    )
    page = contributor.get(url("analytics:import_progress", org, batch_pk=batch.pk))
    assert "2,000 of 5,000 rows" in page.content.decode()


@pytest.mark.parametrize(
    ("query", "header"),
    [
        ("", b"month,channel,views,interactions,followers,posts"),
        ("?kind=posts", b"date,channel,title,url,views,interactions,avg_watch_seconds"),
        ("?kind=bogus", b"month,channel,views,interactions,followers,posts"),
    ],
)
def test_the_templates_download(client_as, org, query, header):
    response = client_as(Role.VIEWER).get(url("analytics:import_template", org) + query)
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert header in response.content


def test_a_downloaded_template_imports_as_it_is(org, django_capture_on_commit_callbacks, client_as):
    ChannelFactory(organization=org, name="Facebook")
    contributor = client_as(Role.CONTRIBUTOR)
    for kind in ("monthly", "posts"):
        data = contributor.get(url("analytics:import_template", org) + f"?kind={kind}").content
        post_file(contributor, org, f"{kind}.csv", data, capture=django_capture_on_commit_callbacks)
    assert list(ImportBatch.objects.values_list("status", flat=True)) == [S.READY, S.READY]


@pytest.mark.parametrize("size", [3, 60])
def test_the_history_page_has_a_constant_number_of_queries(
    client_as, org, size, django_assert_max_num_queries
):
    contributor = client_as(Role.CONTRIBUTOR)
    for n in range(size):
        ImportBatchFactory(
            organization=org,
            created_by=MembershipFactory(organization=org).user,
            channel=ChannelFactory(organization=org) if n % 2 else None,
        )
    with django_assert_max_num_queries(14):
        response = contributor.get(url("analytics:import_list", org))
    assert response.status_code == 200
