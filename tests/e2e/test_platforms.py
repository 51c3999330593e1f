"""Step 3 of a plan in the browser: a preset, the live ranking, two choices, the matrix."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from accounts.models import Role
from platforms.models import Platform, PlatformChoice
from platforms.recommender import PRESETS
from platforms.selectors.catalogue import platform_list
from platforms.selectors.plan import advice_get
from platforms.services.catalogue import catalogue_load
from platforms.services.plan import audience_update, choice_save
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory, PlanFactory

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)

DEVICES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
PRESET = PRESETS["municipal_library"]
STUDENTS = {"label": "Students", "age_min": 18, "age_max": 25, "weight": 1}
# Elements past the right edge that a scrolling wrapper does not clip (for failure messages).
OVERFLOWING_ELEMENTS = """() => [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
    .filter(el => !el.closest('.table-responsive') || getComputedStyle(el).position === 'absolute')
    .slice(0, 3).map(el => `${el.tagName.toLowerCase()}.${el.className} “${el.textContent}”`)"""


# Data -----------------------------------------------------------------------------------------


@pytest.fixture
def catalogue(transactional_db):
    """The real platform catalogue (each transactional test starts from an empty database)."""
    catalogue_load()


@pytest.fixture
def editor(catalogue):
    org = OrganizationFactory(name="Bibliothèque du Parc", slug="parc", language="en")
    return MembershipFactory(organization=org, role=Role.EDITOR)


@pytest.fixture
def plan(editor):
    return PlanFactory(organization=editor.organization, title="Programmation 2027")


def save_audience(plan, actor, segments, content_types, goal="", preset=""):
    audience_update(
        plan=plan,
        segments=segments,
        content_types=list(content_types),
        goal=goal,
        preset=preset,
        actor=actor,
    )


def save_preset(plan, actor, preset=PRESET):
    with translation.override("en"):
        segments = [
            {"label": str(s.label), "age_min": s.age_min, "age_max": s.age_max, "weight": s.weight}
            for s in preset.segments
        ]
    save_audience(plan, actor, segments, preset.content_types, preset.goal or "", preset.code)


def expected_order(segments, content_types, goal=""):
    """The server's own ranking of an audience: the browser must show exactly this."""
    advice = advice_get(
        platforms=platform_list(),
        segments=segments,
        content_types=content_types,
        goal=goal,
    )
    return [r.platform for r in advice.ranking]


# Browser helpers ------------------------------------------------------------------------------


def open_step(page, plan) -> str:
    kwargs = {"org_slug": plan.organization.slug, "plan_pk": plan.pk}
    url = page.base_url + reverse("platforms:plan_platforms", kwargs=kwargs)
    page.goto(url)
    return url


def open_matrix(page, org):
    page.goto(page.base_url + reverse("platforms:matrix", kwargs={"org_slug": org.slug}))


def ranking_items(page):
    return page.locator("#ranking .ranking-item")


def ranking_codes(page) -> list[str]:
    return ranking_items(page).evaluate_all("items => items.map(item => item.dataset.platform)")


def choose(page, code: str, *, priority: int, rationale: str) -> None:
    """From the step-3 page: a ranked platform's Choose link, then the choice form."""
    page.locator(f"#ranking .ranking-item[data-platform='{code}']").get_by_role("link").click()
    page.wait_for_url(re.compile(rf"/platforms/choose/{code}/$"))
    rationale_box = page.locator("textarea[name=rationale]")
    expect(rationale_box).not_to_be_empty()  # Prefilled with the saved ranking's reasons.
    rationale_box.fill(rationale)
    page.check(f"input[name=priority][value='{priority}']")
    page.locator("form:has(textarea[name=rationale]) [type=submit]").click()
    page.wait_for_url(re.compile(r"/platforms/$"))


def assert_no_horizontal_overflow(page) -> None:
    """The page itself never scrolls sideways (a wide table may, inside its own wrapper)."""
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        culprits = page.evaluate(OVERFLOWING_ELEMENTS)
        pytest.fail(f"the page is {overflow}px wider than the viewport, e.g. {culprits}")


# The journey ----------------------------------------------------------------------------------


def test_editor_loads_a_preset_saves_it_and_chooses_two_platforms(page, editor, plan):
    login(page, editor.user.email, PASSWORD)
    url = open_step(page, plan)
    expect(page.locator("#ranking .empty-state")).to_be_visible()

    page.locator(f"[data-preset='{PRESET.code}']").click()  # A plain link: works without JS.
    expect(page).to_have_url(re.compile(rf"\?load={PRESET.code}$"))
    expect(ranking_items(page)).to_have_count(Platform.objects.active().count())
    top = ranking_codes(page)[: len(PRESET.expected)]
    for group in PRESET.expected:  # One platform of each of the deck's groups, e.g. Facebook.
        assert len(group.intersection(top)) == 1, (sorted(group), top)
    best = ranking_items(page).first
    expect(best.locator(".reasons li").first).to_be_visible()
    expect(best.locator(".warnings li").first).to_be_visible()
    # The youngest segment is under every platform's minimum age: the warning names it.
    expect(best.locator(".warnings")).to_contain_text("(6–11)")
    expect(page.locator("input[name='seg-0-age_min']")).to_have_value("6")
    expect(page.locator("input[name=content_types][value=video]")).to_be_checked()
    expect(page.locator("select[name=goal]")).to_have_value(PRESET.goal)

    page.locator("#save-audience").click()
    page.wait_for_url(url)
    expect(page.locator(".alert-success")).to_be_visible()
    assert ranking_codes(page)[: len(top)] == top  # Saving keeps the ranking that was shown.

    first, second = top[0], top[1]
    choose(page, first, priority=PlatformChoice.Priority.PRIMARY, rationale="Parents are there.")
    choose(page, second, priority=PlatformChoice.Priority.SECONDARY, rationale="For the youth.")

    page.reload()
    chosen = page.locator("section[aria-labelledby=chosen-title] li")
    expect(chosen).to_have_count(2)
    expect(chosen.nth(0)).to_contain_text("Parents are there.")
    expect(chosen.nth(0).locator(".priority-1")).to_be_visible()
    expect(chosen.nth(1)).to_contain_text("For the youth.")
    expect(chosen.nth(1).locator(".priority-2")).to_be_visible()
    expect(page.locator("#ranking .ranking-item.is-chosen")).to_have_count(2)
    saved = PlatformChoice.objects.filter(plan=plan).order_by("priority")
    assert [(c.platform.code, c.score is not None) for c in saved] == [
        (first, True),
        (second, True),
    ]
    assert page.js_errors == []


def test_changing_an_age_range_updates_the_ranking_without_reloading(page, editor, plan):
    save_audience(plan, editor.user, [STUDENTS], ["image", "video"])
    before = expected_order([STUDENTS], ["image", "video"])
    after = expected_order([{**STUDENTS, "age_max": 75}], ["image", "video"])
    assert before[0] != after[0], "the test needs an age range that changes the top platform"
    login(page, editor.user.email, PASSWORD)
    url = open_step(page, plan)
    expect(ranking_items(page).first).to_have_attribute("data-platform", before[0])
    page.evaluate("window.stillTheSamePage = true")

    page.fill("input[name='seg-0-age_max']", "75")

    expect(ranking_items(page).first).to_have_attribute("data-platform", after[0])
    expect(ranking_items(page).first.locator(".reasons")).to_contain_text("(18–75)")
    expect(page.locator("#ranking")).to_contain_text("save the audience to keep them")
    assert page.evaluate("window.stillTheSamePage") is True
    assert page.url == url
    assert ranking_codes(page) == after
    assert page.js_errors == []


def test_edits_after_a_preset_drive_the_ranking_and_leave_no_message(page, editor, plan):
    login(page, editor.user.email, PASSWORD)
    url = open_step(page, plan)
    page.locator(f"[data-preset='{PRESET.code}']").click()
    expect(page.locator("#preset-loaded")).to_be_visible()  # Said in the page, not a message.
    parents = ranking_items(page).first.locator(".reasons")
    expect(parents).to_contain_text("“Parents” (30–45)")
    assert page.locator("input[name='seg-1-label']").input_value() == "Parents"

    # Three fields typed in: each live request carries the edits, never the CSRF token.
    with page.expect_request(lambda r: "seg-1-weight=5" in r.url) as live:
        page.fill("input[name='seg-1-age_min']", "15")
        page.fill("input[name='seg-1-age_max']", "20")
        page.fill("input[name='seg-1-weight']", "5")
    assert "csrfmiddlewaretoken" not in live.value.url and "load=" not in live.value.url
    assert "seg-1-age_max=20" in live.value.url

    expect(page.locator("#ranking")).to_contain_text("“Parents” (15–20)")
    expect(page.locator("#ranking")).not_to_contain_text("(30–45)")
    expect(page.locator("input[name='seg-1-age_min']")).to_have_value("15")  # Not reloaded.

    page.goto(url)  # The next full page: no message piled up by the live requests.
    expect(page.locator(".messages")).to_have_count(0)
    assert page.js_errors == []


def set_codes(page) -> list[str]:
    members = page.locator("#recommended-set .set-member")
    return members.evaluate_all("items => items.map(item => item.dataset.platform)")


def expected_set(segments, content_types, goal=""):
    advice = advice_get(
        platforms=platform_list(), segments=segments, content_types=content_types, goal=goal
    )
    return list(advice.set.codes)


def test_the_set_follows_the_edits_and_is_chosen_in_one_click(page, editor, plan):
    with translation.override("en"):
        segments = [
            {"label": str(s.label), "age_min": s.age_min, "age_max": s.age_max, "weight": s.weight}
            for s in PRESET.segments
        ]
    before = expected_set(segments, PRESET.content_types, PRESET.goal)
    segments[2] = {**segments[2], "age_min": 40, "age_max": 50, "weight": 1}  # "Youth" row
    after = expected_set(segments, PRESET.content_types, PRESET.goal)
    assert before != after, "the test needs an edit that changes the set"
    login(page, editor.user.email, PASSWORD)
    url = open_step(page, plan)
    page.locator(f"[data-preset='{PRESET.code}']").click()
    expect(page.locator("#recommended-set .set-member")).to_have_count(len(before))
    assert set_codes(page) == before
    top_before = ranking_codes(page)

    page.fill("input[name='seg-2-age_min']", "40")
    page.fill("input[name='seg-2-age_max']", "50")
    page.fill("input[name='seg-2-weight']", "1")
    expect(page.locator("#recommended-set .set-member")).to_have_count(len(after))
    assert set_codes(page) == after
    assert ranking_codes(page) != top_before
    expect(page.locator("#recommended-set button")).to_have_count(0)  # Unsaved: save first.

    page.locator("#save-audience").click()
    page.wait_for_url(url)
    assert set_codes(page) == after
    page.locator("#recommended-set button[type=submit]").click()  # The set in one click.
    page.wait_for_url(url)
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("added to the plan")
    expect(page.locator("#recommended-set")).to_contain_text("Every platform of the set is in")
    assert sorted(plan.platform_choices.values_list("platform__code", flat=True)) == sorted(after)

    page.goto(page.base_url + plan.get_absolute_url())  # The plan page shows the choice.
    chosen = page.locator(".chosen-platform")
    expect(chosen).to_have_count(len(after))
    expect(chosen.first).to_contain_text("Main platform")
    for member in after:
        expect(page.locator(".chosen-platforms")).to_contain_text(
            Platform.objects.get(code=member).name
        )
    assert page.js_errors == []


def test_add_an_audience_row_and_see_it_ranked(page, editor, plan):
    save_audience(plan, editor.user, [STUDENTS], ["image", "video"])
    login(page, editor.user.email, PASSWORD)
    open_step(page, plan)
    rows = page.locator("#segment-rows .segment-row")
    before = rows.count()
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_role("button", name="Add an audience").click()

    expect(rows).to_have_count(before + 1)
    new_label = page.locator(f"input[name='seg-{before}-label']")
    expect(new_label).to_be_focused()  # Keyboard users type straight into the new row.
    expect(page.locator("input[name='seg-TOTAL_FORMS']")).to_have_value(str(before + 1))
    page.keyboard.type("Retirees")
    page.fill(f"input[name='seg-{before}-age_min']", "60")
    page.fill(f"input[name='seg-{before}-age_max']", "75")

    expect(page.locator("#ranking")).to_contain_text("“Retirees” (60–75)")
    assert page.evaluate("window.stillTheSamePage") is True
    page.locator("#save-audience").click()
    page.wait_for_load_state("networkidle")
    assert [s.label for s in plan.audience_segments.all()] == ["Students", "Retirees"]
    assert page.js_errors == []


def test_note_saves_in_place_with_a_toast(page, editor, catalogue):
    login(page, editor.user.email, PASSWORD)
    org_slug = editor.organization.slug
    page.goto(page.base_url + reverse("platforms:platform_detail", args=[org_slug, "facebook"]))
    page.evaluate("window.stillTheSamePage = true")

    page.fill("#note-card textarea[name='text']", "Parents read our Facebook events.")
    page.locator("#note-card [type=submit]").click()

    expect(page.locator("#toasts .toast")).to_contain_text("Facebook")
    expect(page.locator("#note-card")).to_contain_text("Last changed by")
    assert page.evaluate("window.stillTheSamePage") is True
    assert page.js_errors == []


# Desktop and phone widths, with screenshots ---------------------------------------------------


def show_matrix(page, editor, plan, device):
    """The matrix page, highlighting the plan's audience (the municipal library's)."""
    save_preset(plan, editor.user)
    page.set_viewport_size(DEVICES[device])
    login(page, editor.user.email, PASSWORD)
    open_matrix(page, editor.organization)
    return page.locator("table.matrix")


@pytest.mark.parametrize("device", DEVICES)
def test_matrix_highlights_the_plans_audience(page, editor, plan, screenshot, device):
    table = show_matrix(page, editor, plan, device)

    expect(page.locator("#matrix-plan")).to_have_value(str(plan.pk))
    expect(table.locator("tbody tr")).to_have_count(Platform.objects.active().count())
    expect(table.locator("thead th[colspan]")).to_have_count(2)  # Age band, preferred content.
    expect(table.locator("thead th.col-audience").first).to_be_visible()
    assert table.locator("tbody td.cell-audience").count() > 0
    for segment in PRESET.segments:
        expect(page.get_by_text(f"({segment.age_min}–{segment.age_max})")).to_be_visible()
    screenshot(page, f"platforms-matrix-{device}")
    assert page.js_errors == []


@pytest.mark.parametrize("device", DEVICES)
def test_matrix_does_not_widen_the_page(page, editor, plan, device):
    show_matrix(page, editor, plan, device)
    assert_no_horizontal_overflow(page)


@pytest.mark.parametrize("device", DEVICES)
def test_recommender_page_with_a_saved_audience_and_a_choice(
    page, editor, plan, screenshot, device
):
    save_preset(plan, editor.user)
    choice_save(
        plan=plan,
        platform=Platform.objects.get(code="facebook"),
        priority=PlatformChoice.Priority.PRIMARY,
        rationale="Parents of the school are there.",
        actor=editor.user,
    )
    page.set_viewport_size(DEVICES[device])
    login(page, editor.user.email, PASSWORD)
    open_step(page, plan)

    expect(page.locator("section[aria-labelledby=chosen-title] li")).to_have_count(1)
    expect(page.locator(".segment-row")).to_have_count(len(PRESET.segments) + 2)  # 2 blank rows.
    expect(ranking_items(page)).to_have_count(Platform.objects.active().count())
    expect(page.locator("#ranking progress.score")).to_have_count(ranking_items(page).count())
    expect(page.locator("#ranking .ranking-item.is-chosen")).to_have_attribute(
        "data-platform", "facebook"
    )
    screenshot(page, f"platforms-recommender-{device}")
    assert_no_horizontal_overflow(page)
    assert page.js_errors == []
