"""Phone and desktop layout (#15 item 10): nothing wider than a 390 px phone, a header that
keeps the organisation's name and the member's role at 1280 px, in French and English."""

import pytest
from django.urls import reverse

from accounts.models import Role
from platforms.services.catalogue import catalogue_load
from platforms.services.plan import audience_update
from tests.factories import (
    PASSWORD,
    InvitationFactory,
    MembershipFactory,
    OrganizationFactory,
    PlanFactory,
    UserFactory,
)

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)

LONG_ORG = (
    "Réseau des bibliothèques publiques de la Municipalité régionale de comté du Haut-Richelieu"
)
LONG_LABEL = "Adolescents inscrits au club de lecture intergénérationnel du quartier Saint-Roch"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# The elements that stick out past the right edge (for the failure message).
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .filter(el => !el.closest('.table-responsive') || getComputedStyle(el).position === 'absolute')
    .slice(0, 3)
    .map(el => `${el.tagName}.${el.className} “${el.textContent.trim().slice(0, 40)}”`)"""


@pytest.fixture
def admin(transactional_db):
    catalogue_load()
    org = OrganizationFactory(name=LONG_ORG, slug="haut-richelieu")
    admin = MembershipFactory(
        organization=org,
        role=Role.ADMIN,
        user=UserFactory(
            email="marie-christine.beauchemin-tremblay@biblio-haut-richelieu.example.org",
            first_name="Marie-Christine",
            last_name="Beauchemin-Tremblay",
        ),
    )
    MembershipFactory.create_batch(3, organization=org, role=Role.EDITOR)
    InvitationFactory(organization=org, email="a-very-long-address-for-a-newcomer@example.org")
    plan = PlanFactory(organization=org, title="Programmation jeunesse 2027 du réseau")
    audience_update(
        plan=plan,
        segments=[{"label": LONG_LABEL, "age_min": 13, "age_max": 17, "weight": 1}],
        content_types=["image"],
        goal="",
        preset="",
        actor=admin.user,
    )
    admin.plan = plan
    return admin


def assert_fits(page, width: int) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, (
        f"{page.url} is {scroll_width}px wide at {width}px: {page.evaluate(OVERFLOWING)}"
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_members_and_matrix_fit_a_phone_and_the_header_a_desktop(page, admin, screenshot, language):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": page.base_url}])
    login(page, admin.user.email, PASSWORD)
    slug = admin.organization.slug
    pages = {
        "members": reverse("accounts:member_list", args=[slug]),
        "matrix": reverse("platforms:matrix", args=[slug]) + f"?plan={admin.plan.pk}",
        "step3": reverse("platforms:plan_platforms", args=[slug, admin.plan.pk]),
    }
    for name, url in pages.items():
        page.set_viewport_size(PHONE)
        page.goto(page.base_url + url)
        assert_fits(page, PHONE["width"])
        screenshot(page, f"layout_{name}_{language}_phone")

        page.set_viewport_size(DESKTOP)
        page.goto(page.base_url + url)
        assert_fits(page, DESKTOP["width"])
        if name == "members":  # the actions wrap rather than push the table past the page
            scrolling = page.evaluate(
                "[...document.querySelectorAll('.table-responsive')]"
                ".filter(el => el.scrollWidth > el.clientWidth + 1).length"
            )
            assert scrolling == 0, "the members table scrolls sideways at 1280 px"
        # The organisation's name is cut with an ellipsis (whole in its title); the role and
        # the member menu stay whole and inside the header.
        name_box = page.locator("header .org-name")
        assert name_box.get_attribute("title") == LONG_ORG
        role = page.locator("header .org-context .badge")
        role_box, header_box = role.bounding_box(), page.locator("header").bounding_box()
        assert role.is_visible() and role_box["x"] + role_box["width"] <= header_box["width"]
        assert page.evaluate("el => el.scrollWidth <= el.clientWidth + 1", role.element_handle()), (
            "the role badge is cut"
        )
        user_menu = page.locator("header .dropdown-toggle")
        menu_box = user_menu.bounding_box()
        assert menu_box["x"] + menu_box["width"] <= DESKTOP["width"]
        assert role_box["x"] + role_box["width"] <= menu_box["x"]
        screenshot(page, f"layout_{name}_{language}_desktop")


def test_a_failed_submit_focuses_the_first_invalid_field(page, admin, screenshot):
    login(page, admin.user.email, PASSWORD)
    page.goto(page.base_url + reverse("planner:plan_create", args=[admin.organization.slug]))
    page.locator("main form").evaluate("form => form.noValidate = true")
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    focused = page.evaluate("document.activeElement.getAttribute('aria-invalid')")
    assert focused == "true"
    screenshot(page, "layout_plan_create_fr_errors_desktop")
