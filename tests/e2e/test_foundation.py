"""Main journey of the foundation: log in, French home, switch to English and back."""

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def librarian(settings):
    settings.LANGUAGE_CODE = "fr"
    org = OrganizationFactory(name="Bibliothèque des Écoles", slug="ecoles", language="fr")
    return MembershipFactory(organization=org, role=Role.ADMIN)


def test_wrong_password_shows_a_clear_error(page, librarian):
    login(page, librarian.user.email, "not-the-password")
    assert "/accounts/login/" in page.url
    assert page.locator(".alert-danger, .invalid-feedback").first.is_visible()
    assert page.input_value("input[name=username]") == librarian.user.email


def test_login_then_home_in_french_then_english_and_back(page, librarian, screenshot):
    login(page, librarian.user.email, PASSWORD)
    assert page.url.endswith("/o/ecoles/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", name="Objectifs").is_visible()
    screenshot(page, "home_fr_desktop")

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Objectives").is_visible()
    screenshot(page, "home_en_desktop")

    page.get_by_role("button", name="Français").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.js_errors == []


def test_phone_width_has_steps_in_an_offcanvas(page, librarian, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, librarian.user.email, PASSWORD)
    assert not page.locator("nav.sidebar").is_visible()
    page.locator("[data-bs-target='#stepsOffcanvas']").click()
    offcanvas = page.locator("#stepsOffcanvas")
    offcanvas.get_by_text("Plateformes").wait_for(state="visible")
    screenshot(page, "home_fr_phone_menu")
    # Bootstrap traps the focus (and listens for Escape) once the slide-in transition ends.
    expect(page.locator("#stepsOffcanvas:focus, #stepsOffcanvas :focus")).to_have_count(1)
    page.keyboard.press("Escape")
    offcanvas.wait_for(state="hidden")
    screenshot(page, "home_fr_phone")
    # Nothing overflows horizontally on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
