"""Statistics import in the browser: a contributor uploads a YouTube Studio and an Instagram
export as downloaded, sees the layout Vitrine recognised, confirms, and sees the result; a file
with errors shows every error by line and column (screenshot). The import pages, populated,
pass axe in French and English."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import Role
from analytics.models import ImportBatch, PostStat
from platforms.models import Channel
from tests.factories import PASSWORD, ChannelFactory, MembershipFactory, OrganizationFactory

from .conftest import login
from .test_accessibility import Audit

pytestmark = pytest.mark.django_db(transaction=True)

SAMPLES = Path(__file__).parent.parent / "analytics" / "samples"


@pytest.fixture
def contributor(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    org = OrganizationFactory(name="Bibliothèque universitaire", slug="bu", language="en")
    ChannelFactory(organization=org, name="YouTube BU", handle="@bu_videos")
    ChannelFactory(organization=org, name="Instagram BU", handle="@bu_insta")
    ChannelFactory(organization=org, name="Facebook BU", handle="@bu_fb")
    return MembershipFactory(
        organization=org, role=Role.CONTRIBUTOR, user__first_name="Inès", user__last_name="Roy"
    )


def set_language(page, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": page.base_url}])


def upload(page, org, path, channel=None):
    page.goto(page.base_url + reverse("analytics:import_list", args=[org.slug]))
    page.set_input_files("input[name=file]", str(path))
    if channel:
        page.get_by_label("Channel (for a file downloaded from a network)").select_option(
            value=str(Channel.objects.get(organization=org, name=channel).pk)
        )
    # By its form, not its words: the French test reads « Téléverser et prévisualiser ».
    page.locator("form:has(input[name=file]) [type=submit]").click()
    page.wait_for_load_state("networkidle")


def test_network_exports_are_recognised_previewed_and_imported(
    page, contributor, screenshot, tmp_path
):
    org = contributor.organization
    set_language(page, "en")
    login(page, contributor.user.email, PASSWORD)
    audit = Audit("en")

    upload(page, org, SAMPLES / "youtube_table_data.csv", channel="YouTube BU")
    expect(page.locator("h2#layout-title")).to_have_text("Recognised: YouTube Studio content table")
    expect(
        page.get_by_role("table", name="The first rows, as they will be stored")
    ).to_contain_text("aBcDeFgHiJ1")
    audit.run(page, "import preview")
    screenshot(page, "stats_import_preview_youtube")
    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#done-title")).to_contain_text("Imported")
    expect(page.locator("main")).to_contain_text("2 rows added, 0 updated.")
    audit.run(page, "import done")

    upload(page, org, SAMPLES / "meta_instagram.csv", channel="Instagram BU")
    expect(page.locator("h2#layout-title")).to_have_text(
        "Recognised: Meta Business Suite post export (Instagram)"
    )
    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("main")).to_contain_text("3 rows added, 0 updated.")
    assert PostStat.objects.filter(organization=org).count() == 5

    bad = tmp_path / "figures.csv"
    bad.write_text(
        "mois;compte;vues;interactions\n"
        "2024-01;Facebook BU;12 345;80\n"
        "2024-13;Facebook BU;100;5\n"
        "2024-02;Nulle part;-4;douze\n"
    )
    upload(page, org, bad)
    errors = page.locator("#import-errors")
    expect(page.locator("#errors-title")).to_contain_text("4 errors: nothing was imported")
    expect(errors.locator("tbody tr")).to_have_count(4)
    expect(errors.locator("tbody tr").nth(0)).to_contain_text("3")
    expect(errors.locator("tbody tr").nth(0)).to_contain_text("mois")
    expect(errors).to_contain_text("Nulle part")
    audit.run(page, "import errors")
    screenshot(page, "stats_import_errors")

    page.goto(page.base_url + reverse("analytics:import_list", args=[org.slug]))
    expect(page.locator("main table tbody tr")).to_have_count(3)
    audit.run(page, "import history")
    assert list(ImportBatch.objects.values_list("status", flat=True)) == [
        "invalid",
        "done",
        "done",
    ]
    assert not audit.failures, "\n".join(audit.failures)
    assert not page.js_errors, page.js_errors


def test_the_import_pages_pass_axe_in_french(page, contributor, tmp_path):
    org = contributor.organization
    set_language(page, "fr")
    login(page, contributor.user.email, PASSWORD)
    audit = Audit("fr")
    upload(page, org, SAMPLES / "monthly_en.csv")
    audit.run(page, "import preview (fr)")
    bad = tmp_path / "bad.csv"
    bad.write_text("month,channel,views,interactions,reach\n2024-01,Facebook BU,1,1,2\n")
    upload(page, org, bad)
    audit.run(page, "import errors (fr)")
    running = ImportBatch.objects.create(
        organization=org,
        kind="monthly",
        filename="big.csv",
        status="checking",
        total_rows=9000,
        processed_rows=4000,
    )
    page.goto(page.base_url + reverse("analytics:import_detail", args=[org.slug, running.pk]))
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "44")
    audit.run(page, "import progress (fr)")
    assert not audit.failures, "\n".join(audit.failures)
