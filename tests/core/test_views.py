"""Core pages: the start redirect, the organisation chooser, the home page, the language."""

import pytest
from django.urls import reverse

from accounts.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_start_offers_a_choice_to_people_in_several_orgs(client, member, org, other_org):
    membership = member(Role.VIEWER)
    member(Role.ADMIN, other_org).delete()
    Membership.objects.create(organization=other_org, user=membership.user, role=Role.EDITOR)
    client.force_login(membership.user)
    assert client.get("/")["Location"] == reverse("core:org_switch")
    page = client.get(reverse("core:org_switch")).content.decode()
    assert org.name in page and other_org.name in page


def test_start_remembers_the_last_org_visited(client, member, org, other_org):
    membership = member(Role.VIEWER)
    Membership.objects.create(organization=other_org, user=membership.user, role=Role.EDITOR)
    client.force_login(membership.user)
    client.get(f"/o/{other_org.slug}/")
    assert client.get("/")["Location"] == f"/o/{other_org.slug}/"


def test_home_shows_the_seven_steps(client_as, org):
    page = client_as(Role.VIEWER).get(f"/o/{org.slug}/").content.decode()
    for title in (
        "Getting started",
        "Objectives",
        "Platforms",
        "Content",
        "Daily management",
        "Communities",
        "Evaluation",
    ):
        assert title in page


def test_language_switch_sets_cookie_and_french_is_default(client_as, org, settings):
    settings.LANGUAGE_CODE = "fr"
    client = client_as(Role.VIEWER)
    org.language = "fr"
    org.save()
    assert "Objectifs" in client.get(f"/o/{org.slug}/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": f"/o/{org.slug}/"})
    assert "Objectives" in client.get(f"/o/{org.slug}/").content.decode()
