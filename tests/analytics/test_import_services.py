"""The import services: upload → check → commit (all or nothing, in place on re-import)."""

import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from accounts.models import ActivityEntry
from analytics.importing.readers import MAX_BYTES
from analytics.models import ImportBatch, MonthlyRollup, MonthlyStat, PostStat
from analytics.services import imports as services
from tests.factories import ChannelFactory, UserFactory

from .conftest import upload

pytestmark = pytest.mark.django_db
S = ImportBatch.Status


def counts():
    return MonthlyStat.objects.count(), PostStat.objects.count()


def run(org, name, data=None, *, kind=None, channel=None, actor=None, confirm=True, capture=None):
    """Upload, check and (when ready and ``confirm``) commit; return the batch."""
    actor = actor or UserFactory()
    batch = services.import_batch_create(
        org=org, actor=actor, upload=upload(name, data), kind=kind, channel=channel
    )
    batch = services.import_check(batch)
    if confirm and batch.status == S.READY:
        batch = services.import_commit(batch, actor)
    return batch


def test_upload_queues_the_check_on_commit(org, channels, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.import_upload(
            org=org, actor=UserFactory(), upload=upload("monthly_en.csv")
        )
    batch.refresh_from_db()
    assert batch.status == S.READY and batch.layout == "monthly" and batch.kind == "monthly"
    assert batch.total_rows == batch.processed_rows == 3
    assert batch.preview["layout_key"] == "monthly"
    assert batch.preview["rows"][0] == {
        "line": 2,
        "channel": "Facebook BU",
        "month": "2024-01",
        "views": 1000,
        "interactions": 100,
        "followers": 500,
        "posts_published": 4,
    }
    assert ["views", "views"] in batch.preview["mapping"]
    assert batch.totals == {
        "views": 2400,
        "interactions": 250,
        "followers": 1010,
        "posts_published": 11,
    }
    assert counts() == (0, 0)  # the check writes no figure


def test_commit_writes_every_row_logs_it_and_refreshes_the_rollups(
    org, channels, django_capture_on_commit_callbacks
):
    actor = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        batch = run(org, "monthly_fr_semicolon_bom.csv", actor=actor)
    assert batch.status == S.DONE and (batch.created_count, batch.updated_count) == (2, 0)
    stat = MonthlyStat.objects.get(channel=channels["fb"])
    assert (stat.views, stat.interactions, stat.followers, stat.posts_published) == (
        12345,
        1234,
        2100,
        8,
    )
    assert stat.batch == batch and stat.updated_by == actor and stat.organization == org
    entry = ActivityEntry.objects.get(verb="stats.import")
    assert entry.params == {"filename": "monthly_fr_semicolon_bom.csv", "created": 2, "updated": 0}
    assert MonthlyRollup.objects.filter(organization=org).count() == 2


def test_reimporting_the_same_file_updates_in_place(org, channels):
    run(org, "monthly_en.csv")
    changed = upload("monthly_en.csv").read().replace(b"1000,100", b"1500,150")
    second = run(org, "monthly_en.csv", changed)
    assert (second.created_count, second.updated_count) == (0, 3)
    assert MonthlyStat.objects.count() == 3
    assert MonthlyStat.objects.get(channel=channels["fb"], month="2024-01-01").views == 1500


def test_reimporting_a_network_export_updates_posts_by_their_id(org, channels):
    first = run(org, "youtube_table_data.csv", channel=channels["fb"])
    assert (first.status, first.layout, first.created_count) == (S.DONE, "youtube", 2)
    again = run(org, "youtube_table_data.csv", channel=channels["fb"])
    assert (again.created_count, again.updated_count) == (0, 2)
    assert PostStat.objects.count() == 2
    post = PostStat.objects.get(external_id="aBcDeFgHiJ1")
    assert (post.views, post.avg_watch_seconds, post.format) == (4200, 52, "video")


def test_reimporting_vitrine_posts_updates_by_date_format_and_title(org, channels):
    run(org, "posts_en.csv")
    data = upload("posts_en.csv").read().replace(b"Heure du conte", b"HEURE DU CONTE")
    again = run(org, "posts_en.csv", data)
    assert (again.created_count, again.updated_count) == (0, 2)
    assert PostStat.objects.filter(title="HEURE DU CONTE").count() == 1


HEADER = "month,channel,views,interactions\n"
#: A valid row first: all or nothing means it is not written either.
VALID = "2023-12,Facebook BU,5,5\n"


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        (HEADER + VALID + "2024-01,Nowhere,1,1\n", "unknown_channel", 3, "channel"),
        (HEADER + VALID + "2024-13,Facebook BU,1,1\n", "bad_month", 3, "month"),
        (HEADER + VALID + "2024-01,Facebook BU,-1,1\n", "negative", 3, "views"),
        (HEADER + VALID + "2024-01,Facebook BU,abc,1\n", "not_a_number", 3, "views"),
        (HEADER + VALID + "2024-01,Facebook BU,1\u00a0234,1\n", None, None, None),
        ("month,channel,views,interactions,x\n2024-01,Facebook BU,1,1,2\n", "extra_column", 1, "x"),
        ("", "empty", None, ""),
        ("   \n", "empty", None, ""),
        ("\x00\x01\x02binary\x00", "not_a_table", None, ""),
    ],
)
def test_an_invalid_file_writes_nothing(org, channels, text, code, line, column):
    data = text.encode()
    if code is None:  # the control case: a no-break space between thousands is fine
        assert run(org, "ok.csv", data).status == S.DONE
        return
    before = counts()
    batch = run(org, "bad.csv", data)
    assert batch.status == S.INVALID
    assert (batch.errors[0]["line"], batch.errors[0]["column"], batch.errors[0]["code"]) == (
        line,
        column,
        code,
    )
    assert counts() == before
    with pytest.raises(ValidationError):
        services.import_start(batch=batch, actor=None)
    assert services.import_commit(batch).status == S.INVALID
    assert counts() == before


def test_an_xlsx_with_a_formula_writes_nothing(org, channels):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["month", "channel", "views", "interactions"])
    sheet.append(["2024-01", "Facebook BU", 5, 5])
    sheet.append(["2024-02", "Facebook BU", "=C2*2", 5])
    buffer = io.BytesIO()
    book.save(buffer)
    batch = run(org, "stats.xlsx", buffer.getvalue())
    assert batch.status == S.INVALID
    assert [(e["line"], e["column"], e["code"]) for e in batch.errors] == [(3, "views", "formula")]
    assert counts() == (0, 0)


def test_an_upload_too_large_or_of_another_type_is_refused(org):
    big = upload("big.csv", b"x")
    big.size = MAX_BYTES + 1
    with pytest.raises(ValidationError) as caught:
        services.import_upload(org=org, actor=None, upload=big)
    assert caught.value.error_dict["file"][0].code == "too_large"
    with pytest.raises(ValidationError) as caught:
        services.import_upload(org=org, actor=None, upload=upload("photo.png", b"x"))
    assert caught.value.error_dict["file"][0].code == "bad_type"
    assert not ImportBatch.objects.exists()


def test_another_organisations_channel_is_refused(org, other_org):
    with pytest.raises(ValidationError):
        services.import_upload(
            org=org,
            actor=None,
            upload=upload("youtube_table_data.csv"),
            channel=ChannelFactory(organization=other_org),
        )


def test_channels_of_another_organisation_are_unknown(org, other_org, channels):
    ChannelFactory(organization=other_org, name="Theirs")
    batch = run(org, "x.csv", b"month,channel,views,interactions\n2024-01,Theirs,1,1\n")
    assert batch.errors[0]["code"] == "unknown_channel"


def test_errors_are_capped_and_counted(org, channels):
    rows = "".join(f"2024-01,Nowhere{i},1,1\n" for i in range(250))
    batch = run(org, "x.csv", ("month,channel,views,interactions\n" + rows).encode())
    assert batch.error_count == 250 and len(batch.errors) == services.ERRORS_KEPT


def test_a_network_export_without_a_channel_is_invalid(org, channels):
    batch = run(org, "tiktok_posts.csv")
    assert batch.status == S.INVALID and batch.errors[0]["code"] == "channel_required"


def test_the_commit_is_idempotent(org, channels, django_capture_on_commit_callbacks):
    batch = run(org, "monthly_en.csv", confirm=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.import_start(batch=batch, actor=None)
    batch.refresh_from_db()
    assert batch.status == S.DONE and MonthlyStat.objects.count() == 3
    # A second delivery of the task finds the batch done and writes nothing.
    assert services.import_commit(batch).status == S.DONE
    assert MonthlyStat.objects.count() == 3
    assert ActivityEntry.objects.filter(verb="stats.import").count() == 1
    with pytest.raises(ValidationError):
        services.import_start(batch=batch, actor=None)


def test_a_file_that_became_invalid_before_the_commit_writes_nothing(org, channels):
    batch = run(org, "monthly_en.csv", confirm=False)
    channels["ig"].name = "Renamed"
    channels["ig"].handle = "@renamed"
    channels["ig"].save()
    assert services.import_commit(batch).status == S.INVALID
    assert MonthlyStat.objects.count() == 0


def test_a_failure_during_the_commit_rolls_everything_back(org, channels, monkeypatch):
    batch = run(org, "monthly_en.csv", confirm=False)

    def broken(*args, **kwargs):
        MonthlyStat.objects.create(organization=org, channel=channels["fb"], month="2020-01-01")
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_write_monthly", broken)
    with pytest.raises(RuntimeError):
        services.import_commit(batch)
    batch.refresh_from_db()
    assert batch.status == S.FAILED and MonthlyStat.objects.count() == 0


def test_cancel_deletes_the_file_and_keeps_the_history(
    org, channels, django_capture_on_commit_callbacks
):
    batch = run(org, "monthly_en.csv", confirm=False)
    storage, name = batch.file.storage, batch.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.import_cancel(batch=batch)
    batch.refresh_from_db()
    assert batch.status == S.CANCELLED and not storage.exists(name)
    with pytest.raises(ValidationError):
        services.import_cancel(batch=batch)
