"""``manage.py import_stats``: the same importer, its summary and its exit codes."""

import io
import json
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Sum

from analytics.models import ImportBatch, MonthlyRollup, MonthlyStat, PostStat
from platforms.models import Channel
from tests.factories import PlatformFactory

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db


def call(*args):
    """(exit code, stdout, stderr) of the command, as a shell would see them."""
    import io

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_stats", *args, stdout=out, stderr=err)
    except CommandError as error:
        err.write(str(error))
        return error.returncode, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_a_valid_file_is_imported_and_summarised(org, channels):
    code, out, _err = call(str(SAMPLES / "monthly_fr_semicolon_bom.csv"), "--org", org.slug)
    assert code == 0
    assert "Layout: Vitrine monthly statistics (monthly)" in out
    assert "Rows: 2" in out and "Added: 2" in out and "Updated: 0" in out
    assert "Total views: 13345" in out
    assert MonthlyStat.objects.count() == 2
    assert ImportBatch.objects.get().status == "done"
    code, out, _err = call(str(SAMPLES / "monthly_fr_semicolon_bom.csv"), "--org", org.slug)
    assert code == 0 and "Updated: 2" in out and MonthlyStat.objects.count() == 2


def test_a_network_export_with_its_channel(org, channels):
    code, out, _err = call(
        str(SAMPLES / "meta_instagram.csv"), "--org", org.slug, "--channel", "@insta_bu"
    )
    assert code == 0, _err
    assert "Meta Business Suite post export (Instagram)" in out
    assert PostStat.objects.filter(channel=channels["ig"]).count() == 3


def test_an_invalid_row_prints_every_error_exits_1_and_writes_nothing(org, channels, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "month,channel,views,interactions\n"
        "2024-01,Facebook BU,1,1\n"
        "2024-13,Facebook BU,1,1\n"
        "2024-02,Nowhere,-3,1\n"
    )
    code, _out, err = call(str(path), "--org", org.slug)
    assert code == 1
    assert "line 3, column “month”" in err and "2024-13" in err
    assert "line 4, column “channel”" in err and "Nowhere" in err
    assert "line 4, column “views”" in err
    assert "nothing was imported" in err
    assert not MonthlyStat.objects.exists() and not ImportBatch.objects.exists()


def test_dry_run_validates_and_writes_nothing(org, channels):
    code, out, _err = call(str(SAMPLES / "monthly_en.csv"), "--org", org.slug, "--dry-run")
    assert code == 0 and "Dry run" in out and "Total views: 2400" in out
    assert not MonthlyStat.objects.exists() and not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--org", "nowhere"], "No organisation"),
        (["--org", "bib-a", "--channel", "Nope"], "No channel"),
    ],
)
def test_unknown_organisation_or_channel_exits_1(org, channels, args, message):
    code, _out, err = call(str(SAMPLES / "youtube_table_data.csv"), *args)
    assert code == 1 and message in err


def test_a_missing_file_exits_1(org):
    code, _out, err = call("/nonexistent/file.csv", "--org", org.slug)
    assert code == 1 and "Cannot read" in err


def test_the_kind_option_restricts_the_layout(org, channels):
    code, _out, err = call(str(SAMPLES / "monthly_en.csv"), "--org", org.slug, "--kind", "posts")
    assert code == 1 and "title" in err


def _monthly_file(org, path, channels: int, months: int):
    """A monthly file of ``channels`` × ``months`` rows (French headers, spaced thousands);
    returns the sums of its views and interactions."""
    platform = PlatformFactory()
    Channel.objects.bulk_create(
        Channel(organization=org, platform=platform, name=f"Branch {i:04d}", handle=f"@b{i}")
        for i in range(channels)
    )
    codes = [f"{2023 + (m // 12)}-{m % 12 + 1:02d}" for m in range(months)]
    lines = ["mois;compte;vues;interactions;abonnes"]
    views_sum = interactions_sum = 0
    for i in range(channels):
        for m, month in enumerate(codes):
            views, interactions = (i * 37 + m * 11) % 50_000, (i + m) % 900
            views_sum += views
            interactions_sum += interactions
            lines.append(f"{month};Branch {i:04d};{views:,};{interactions};{i}".replace(",", " "))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return views_sum, interactions_sum


def test_a_100000_row_monthly_file(org, tmp_path, django_capture_on_commit_callbacks):
    """#17's acceptance: 4,000 channels × 25 months import in seconds, and what is stored, the
    rollups the dashboard reads and ``stats_summary``'s totals all equal the file's sums."""
    path = tmp_path / "big.csv"
    views_sum, interactions_sum = _monthly_file(org, path, 4000, 25)
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        code, out, err = call(str(path), "--org", org.slug)
    elapsed = time.monotonic() - started
    assert code == 0, err
    assert "Rows: 100000" in out and "Added: 100000" in out
    assert f"Total views: {views_sum}" in out
    batch = ImportBatch.objects.get()
    assert batch.totals["views"] == views_sum and batch.totals["interactions"] == interactions_sum
    stored = MonthlyStat.objects.filter(organization=org).aggregate(
        n=Count("pk"), views=Sum("views"), interactions=Sum("interactions")
    )
    assert stored == {"n": 100_000, "views": views_sum, "interactions": interactions_sum}
    rolled = MonthlyRollup.objects.filter(organization=org).aggregate(
        n=Count("pk"), views=Sum("views"), interactions=Sum("interactions")
    )
    assert rolled == {"n": 100_000, "views": views_sum, "interactions": interactions_sum}
    summary = json.loads(_stdout("stats_summary", "--org", org.slug, "--format", "json"))
    assert summary["totals"] == {"views": views_sum, "interactions": interactions_sum}
    assert len(summary["months"]) == 100_000
    print(f"100,000-row import with its rollups: {elapsed:.1f} s")
    assert elapsed < 90  # measured 8–12 s (import and rollups) on the shared 2-core machine


def _stdout(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()
