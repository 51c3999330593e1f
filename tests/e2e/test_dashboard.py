"""The statistics dashboard in the browser: a manager opens it on seeded figures, the four
charts draw (each canvas has a size), each has its data table and CSV link, changing the
period reloads the figures; axe finds nothing serious; screenshots in English and French."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from analytics.months import add_months, last_complete_month
from analytics.services.rollups import rollups_recompute
from platforms.models import Platform
from platforms.services.catalogue import catalogue_load
from tests.factories import (
    PASSWORD,
    ChannelFactory,
    MembershipFactory,
    MonthlyStatFactory,
    OrganizationFactory,
    PostStatFactory,
)

from .conftest import login
from .test_accessibility import Audit

pytestmark = pytest.mark.django_db(transaction=True)


def seed_figures(org) -> None:
    """24 months for an own Facebook page and Instagram account, and a partner (university)
    Facebook page with per-post figures only, videos with a watch time."""
    facebook, instagram = (Platform.objects.get(code=c) for c in ("facebook", "instagram"))
    page = ChannelFactory(organization=org, platform=facebook, name="Bibliothèque (Facebook)")
    insta = ChannelFactory(organization=org, platform=instagram, name="Bibliothèque (Instagram)")
    partner = ChannelFactory(
        organization=org, platform=facebook, name="Université (Facebook)", kind="partner"
    )
    last = last_complete_month(timezone.localdate())
    for i in range(24):
        month = add_months(last, -i)
        MonthlyStatFactory(
            channel=page,
            month=month,
            views=4000 + 150 * (24 - i),
            interactions=300 + 7 * i,
            followers=2000 + 20 * (24 - i),
        )
        MonthlyStatFactory(
            channel=insta,
            month=month,
            views=1500 + 90 * (24 - i),
            interactions=200 + 3 * i,
            followers=800 + 15 * (24 - i),
        )
        for n, (title, fmt, watch) in enumerate(
            (("Bloc A", "video", 42), ("Bloc B", "post", None), ("Bloc C", "video", 75))
        ):
            PostStatFactory(
                channel=partner,
                published_on=month.replace(day=3 + 7 * n),
                title=f"{title} {month:%Y-%m}",
                format=fmt,
                views=2500 + 400 * n + 37 * i,
                interactions=120 + 11 * n,
                avg_watch_seconds=watch,
            )
    rollups_recompute(org.pk)


@pytest.fixture
def manager(transactional_db):
    catalogue_load()
    org = OrganizationFactory(name="Bibliothèque du Parc", slug="parc", language="en")
    seed_figures(org)
    return MembershipFactory(organization=org, role=Role.MANAGER, user__first_name="Maude")


def set_language(page, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": page.base_url}])


CANVAS_SIZES = """() => [...document.querySelectorAll('canvas[data-chart]')]
    .map(c => [c.dataset.chart, c.width, c.height, c.getAttribute('role'),
               (c.getAttribute('aria-label') || '').length])"""


def test_a_manager_reads_the_dashboard_and_changes_the_period(page, manager, screenshot):
    set_language(page, "en")
    page.emulate_media(reduced_motion="reduce")  # charts.js then draws without animation
    login(page, manager.user.email, PASSWORD)
    page.goto(page.base_url + reverse("analytics:dashboard", args=[manager.organization.slug]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistics")
    expect(page.locator(".kpi-card")).to_have_count(4)
    expect(page.locator(".kpi-changes").first).to_contain_text("vs")
    # Chart.js has drawn into each canvas (a canvas it never touched stays 300 × 150).
    page.wait_for_function(
        "() => window.Chart && document.querySelectorAll('canvas[data-chart]').length === 4 &&"
        " [...document.querySelectorAll('canvas[data-chart]')].every(c => Chart.getChart(c))"
    )
    sizes = page.evaluate(CANVAS_SIZES)
    assert [s[0] for s in sizes] == ["views", "reach", "top_posts", "watch_time"]
    for code, width, height, role, label_length in sizes:
        assert width > 0 and height > 0, code
        assert role == "img" and label_length > 40, code
    tables = page.locator("figure table")
    expect(tables).to_have_count(4)
    expect(page.locator("figure table caption")).to_have_count(4)
    expect(page.locator("figure").nth(1).locator("tfoot")).to_contain_text("Total")
    expect(
        page.get_by_role("link", name="Download CSV — Reach: own channels and partner channels")
    ).to_be_visible()
    months_before = page.locator("figure").first.locator("tbody tr").count()
    assert months_before == 12
    assert not page.js_errors, page.js_errors
    screenshot(page, "dashboard-en")

    # The filter bar is a plain GET form: a custom period of 6 months.
    last = last_complete_month(timezone.localdate())
    page.fill("#id_from", f"{add_months(last, -5):%Y-%m}")
    expect(page.locator("#id_period")).to_have_value("custom")  # charts.js follows the typing
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state("networkidle")
    assert "period=custom" in page.url
    expect(page.locator("figure").first.locator("tbody tr")).to_have_count(6)
    # Then a platform: the views chart has one platform left.
    page.select_option("#id_platform", "instagram")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("figure").first.locator("thead th")).to_have_count(3)
    csv_link = page.get_by_role("link", name="Download CSV — Monthly views per platform")
    assert "platform=instagram" in csv_link.get_attribute("href")
    assert not page.js_errors, page.js_errors


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_dashboard_passes_axe_and_works_on_a_phone(page, manager, screenshot, language):
    set_language(page, language)
    page.emulate_media(reduced_motion="reduce")
    login(page, manager.user.email, PASSWORD)
    audit = Audit(language)
    url = reverse("analytics:dashboard", args=[manager.organization.slug])
    audit.open(page, url, "dashboard (populated)")
    assert not audit.failures, "\n".join(audit.failures)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.wait_for_function("() => window.Chart && Chart.getChart(document.querySelector('canvas'))")
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('main *')].filter(el => !el.closest("
        "'.table-responsive') && el.getBoundingClientRect().right > window.innerWidth + 1).length"
    )
    assert overflow == 0
    screenshot(page, f"dashboard-{language}-phone")
