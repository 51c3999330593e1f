"""Channels in the browser: add a partner account (its fields appear on demand), archive it
after confirming, find it on the archived tab and restore it — with the keyboard where a
librarian would use it."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import Role
from platforms.models import Channel, Platform
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory, PlatformFactory

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor():
    PlatformFactory(code="facebook", name="Facebook")
    org = OrganizationFactory(name="Bibliothèque du Parc", slug="parc", language="en")
    return MembershipFactory(organization=org, role=Role.EDITOR)


def test_editor_adds_archives_and_restores_a_partner_channel(page, editor, screenshot):
    login(page, editor.user.email, PASSWORD)
    page.goto(page.base_url + reverse("platforms:channel_list", args=["parc"]))
    expect(page.get_by_text("No channel yet.")).to_be_visible()
    page.get_by_role("link", name="Add your first channel").click()

    partner_fields = page.locator("[data-show-when]")
    expect(partner_fields).to_be_hidden()  # "Our account" is the default
    page.select_option("select[name=platform]", label="Facebook")
    page.fill("input[name=name]", "City hall page")
    page.fill("input[name=handle]", "@cityhall")
    page.fill("input[name=url]", "https://facebook.example/cityhall")
    page.get_by_label("Partner / institutional account").check()
    expect(partner_fields).to_be_visible()
    page.fill("input[name=partner_contact]", "Communication office, comms@city.example")
    page.fill("input[name=lead_time_days]", "10")
    screenshot(page, "channels-form-partner")
    page.keyboard.press("Enter")  # submits from the last field, like any form

    expect(page.get_by_text("The channel “City hall page” was saved.")).to_be_visible()
    row = page.locator("tbody tr", has_text="City hall page")
    expect(row).to_contain_text("10 days")
    expect(row).to_contain_text("Partner / institutional account")
    screenshot(page, "channels-list")

    row.get_by_role("link", name="Archive").click()
    expect(page.get_by_text("Its history (posts, statistics) is kept")).to_be_visible()
    page.get_by_role("button", name="Archive").click()
    expect(page.get_by_text("No channel yet.")).to_be_visible()

    page.get_by_role("link", name="Archived").click()
    page.locator("tbody tr", has_text="City hall page").get_by_role("button").click()
    expect(page.get_by_text("is active again")).to_be_visible()
    channel = Channel.objects.get()
    assert (channel.is_active, channel.kind, channel.lead_time_days) == (True, "partner", 10)
    assert page.js_errors == []


def test_switching_back_to_own_account_hides_and_drops_the_partner_fields(page, editor):
    login(page, editor.user.email, PASSWORD)
    page.goto(
        page.base_url + reverse("platforms:channel_create", args=["parc"]) + "?platform=facebook"
    )
    facebook = Platform.objects.get(code="facebook")
    expect(page.locator("select[name=platform]")).to_have_value(str(facebook.pk))
    page.fill("input[name=name]", "Our page")
    page.get_by_label("Partner / institutional account").check()
    page.fill("input[name=lead_time_days]", "5")
    page.get_by_label("Our account").check()
    expect(page.locator("[data-show-when]")).to_be_hidden()
    page.get_by_role("button", name="Save the channel").click()
    expect(page.get_by_text("was saved")).to_be_visible()
    assert Channel.objects.get().lead_time_days == 0
