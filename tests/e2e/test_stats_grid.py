"""The monthly entry grid in the browser: a contributor enters last month's figures for every
channel with the keyboard only (Tab between cells, Enter to the next row), sees them saved
and reloaded; a tenfold jump asks for a confirmation first. The grid's states are audited
with axe (a row with an error, a row asking for a confirmation)."""

import time

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from analytics.models import MonthlyStat
from analytics.months import add_months, last_complete_month
from tests.factories import (
    PASSWORD,
    ChannelFactory,
    MembershipFactory,
    MonthlyStatFactory,
    OrganizationFactory,
    PlatformFactory,
)

from .conftest import login
from .test_accessibility import Audit

pytestmark = pytest.mark.django_db(transaction=True)

FIGURES = ("views", "interactions", "followers", "posts_published")


@pytest.fixture
def contributor(transactional_db):
    org = OrganizationFactory(name="Bibliothèque du Parc", slug="parc", language="en")
    month = last_complete_month(timezone.localdate())
    before = add_months(month, -1)
    facebook = PlatformFactory(code="facebook", name="Facebook", position=1)
    instagram = PlatformFactory(code="instagram", name="Instagram", position=2)
    channels = [
        ChannelFactory(organization=org, platform=facebook, name="Parc on Facebook"),
        ChannelFactory(organization=org, platform=instagram, name="Parc on Instagram"),
        ChannelFactory(organization=org, platform=facebook, name="University page", kind="partner"),
    ]
    for index, channel in enumerate(channels):
        MonthlyStatFactory(
            channel=channel,
            month=before,
            views=1000 * (index + 1),
            interactions=50,
            followers=800,
            posts_published=10,
        )
    return MembershipFactory(organization=org, role=Role.CONTRIBUTOR, user__first_name="Léa")


def stored(month) -> dict:
    return {
        stat.channel_id: [getattr(stat, name) for name in FIGURES]
        for stat in MonthlyStat.objects.filter(month=month)
    }


def wait_for_rows(month, seconds: float = 10) -> dict:
    """The month's stored figures once the saves still on their way have landed."""
    deadline, last = time.monotonic() + seconds, None
    while time.monotonic() < deadline:
        current = stored(month)
        if current == last and all(None not in v for v in current.values()):
            return current
        last = current
        time.sleep(0.3)
    return stored(month)


def settled_toasts(page) -> None:
    """No toast in the audit: one fading in or out has a contrast that is neither its start's
    nor its end's, and axe measures the moment (the toast's settled colours pass the gate on
    the other pages)."""
    page.evaluate("() => document.querySelectorAll('#toasts .toast').forEach(t => t.remove())")


def focused_id(page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def test_a_contributor_fills_the_grid_with_the_keyboard(page, contributor, screenshot):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])
    login(page, contributor.user.email, PASSWORD)
    org = contributor.organization
    page.goto(page.base_url + reverse("analytics:monthly_grid", args=[org.slug]))
    expect(page.locator("#grid-progress")).to_contain_text("0 of 3 channels entered")
    rows = page.locator("tr[data-grid-row]")
    expect(rows).to_have_count(3)
    ids = [rows.nth(i).get_attribute("id").removeprefix("grid-row-") for i in range(3)]
    expect(page.locator(f"#row-{ids[0]}-views-hint")).to_have_text("Last month: 1,000")

    # Into the grid with Tab only, from the top of the page.
    for _ in range(80):
        page.keyboard.press("Tab")
        if focused_id(page) == f"row-{ids[0]}-views":
            break
    assert focused_id(page) == f"row-{ids[0]}-views"

    # Each row: its four cells with Tab, then Enter saves and goes to the next row's column.
    typed = {}
    for index, pk in enumerate(ids):
        values = [str(1100 * (index + 1)), "6 0", "810", "12"]
        values[1] = "60"
        for column, value in enumerate(values):
            if column:
                page.keyboard.press("Tab")
            assert focused_id(page) == f"row-{pk}-{FIGURES[column]}"
            page.keyboard.type(value)
        typed[pk] = values
        page.keyboard.press("Enter")
        if index + 1 < len(ids):
            # The same column of the next row, then back to its first cell.
            assert focused_id(page) == f"row-{ids[index + 1]}-posts_published"
            for _ in range(3):
                page.keyboard.press("Shift+Tab")
    expect(page.locator("#toasts")).to_contain_text("Saved")
    expect(page.locator("#grid-progress")).to_contain_text("3 of 3 channels entered")
    month = last_complete_month(timezone.localdate())
    expected = {int(pk): [int(v) for v in values] for pk, values in typed.items()}
    assert wait_for_rows(month) == expected
    page.reload()
    for pk, values in typed.items():
        for name, value in zip(FIGURES, values, strict=True):
            expect(page.locator(f"#row-{pk}-{name}")).to_have_value(value)
    assert not page.js_errors, "\n".join(page.js_errors)
    screenshot(page, "stats-grid")

    # A tenfold jump on last month's figure asks first; nothing is stored until confirmed.
    first = ids[0]
    cell = page.locator(f"#row-{first}-views")
    cell.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("99 999")
    page.keyboard.press("Tab")
    warning = page.locator(f"#row-{first}-views-message")
    expect(warning).to_contain_text("more than ten times last month’s figure (1,000)")
    assert MonthlyStat.objects.get(channel_id=first, month=month).views == 1100
    audit = Audit("en")
    settled_toasts(page)
    audit.run(page, "monthly_grid (confirmation asked)")
    screenshot(page, "stats-grid-confirm")
    page.keyboard.press("Shift+Tab")  # back to the views cell
    confirm = page.get_by_role("button", name="Yes, save it")
    confirm.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#row-{first}-views-message")).to_have_count(0)
    expect(cell).to_have_value("99999")
    assert wait_for_rows(month)[int(first)][0] == 99999

    # A bad figure: only its row shows the error, with what was typed.
    second = ids[1]
    bad = page.locator(f"#row-{second}-interactions")
    bad.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("12.5")
    page.keyboard.press("Enter")
    expect(page.locator(f"#row-{second}-interactions-message")).to_contain_text("without decimals")
    expect(bad).to_have_value("12.5")
    expect(page.locator(".invalid-feedback")).to_have_count(1)
    settled_toasts(page)
    audit.run(page, "monthly_grid (bad input)")
    assert not audit.failures, "\n".join(audit.failures)
    # Playwright's screenshots (hiding the caret) and axe inject styles that the CSP refuses.
    errors = [e for e in page.js_errors if not e.startswith("Applying inline style")]
    assert not errors, "\n".join(errors)


def test_a_slow_save_never_stores_a_half_typed_figure(page, contributor):
    """Regression: a row's save answered while the next cell was being typed ("20" of
    "2021") was sent again at once, storing the half-typed figure. It now waits until the cell
    is left, then sends the whole row."""
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])
    login(page, contributor.user.email, PASSWORD)
    org = contributor.organization
    page.goto(page.base_url + reverse("analytics:monthly_grid", args=[org.slug]))

    def slow(route):
        time.sleep(0.4)  # the answer arrives while the next cell is being typed
        route.continue_()

    page.route("**/stats/monthly/*/*/", slow)
    pk = page.locator("tr[data-grid-row]").first.get_attribute("id").removeprefix("grid-row-")
    page.locator(f"#row-{pk}-views").focus()
    for value in ("1200", "61", "815"):
        page.keyboard.type(value, delay=40)
        page.keyboard.press("Tab")
    # 200 posts against last month's 10 asks for a confirmation: until it is given, no part
    # of it ("2", "20") may be stored by a save sent while it was being typed.
    page.keyboard.type("200", delay=300)
    page.keyboard.press("Tab")
    expect(page.locator(f"#row-{pk}-posts_published-message")).to_contain_text("ten times")
    month = last_complete_month(timezone.localdate())
    time.sleep(1.5)  # any save still on its way lands
    assert stored(month)[int(pk)][3] is None
    assert not page.js_errors, "\n".join(page.js_errors)
