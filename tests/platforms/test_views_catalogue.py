"""Catalogue pages: the selection matrix and a platform's page with the organisation's note."""

import json

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.helpers import save_audience, url

pytestmark = pytest.mark.django_db


def test_matrix_highlights_the_plan_audience(
    client_as, plan, catalogue, django_assert_max_num_queries
):
    client = client_as(Role.VIEWER)
    save_audience(plan, client.membership.user, [("Teens", 13, 17, 1)], ["video"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("platforms:matrix", args=[plan.organization.slug]))
    matrix = response.context["matrix"]
    assert matrix["bands"][0]["audience"] is True
    assert any(c["audience"] for c in matrix["columns"] if c["code"] == "video")
    assert len(matrix["rows"]) == 9
    assert "Training deck" in response.content.decode()


def test_platform_note_saved_by_editor_and_read_by_viewer(client_as, member, org, catalogue):
    client = client_as(Role.EDITOR)
    detail = reverse("platforms:platform_detail", args=[org.slug, "facebook"])
    client.post(detail, {"text": "Our community is very active on Facebook groups."})
    client.force_login(member(Role.VIEWER).user)
    assert "very active on Facebook groups" in client.get(detail).content.decode()
    assert client.post(detail, {"text": "x"}).status_code == 403


def test_note_over_htmx_swaps_only_its_card_with_a_toast_or_its_errors(client_as, org, catalogue):
    client = client_as(Role.EDITOR)
    detail = reverse("platforms:platform_detail", args=[org.slug, "facebook"])
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "note-card"}
    response = client.post(detail, {"text": "Groups work well."}, **htmx)
    fragment = response.content.decode()
    assert response.status_code == 200 and "<html" not in fragment
    assert 'id="note-card"' in fragment and "Groups work well." in fragment
    assert "Facebook" in json.loads(response["HX-Trigger"])["toast"]
    response = client.post(detail, {"text": "x" * 2001}, **htmx)
    fragment = response.content.decode()
    assert "HX-Trigger" not in response and "<html" not in fragment
    assert "at most 2000 characters" in fragment and "x" * 2001 in fragment


def test_notes_are_per_organisation(client_as, org, other_org, catalogue):
    from platforms.models import PlatformNote

    client_as(Role.EDITOR).post(
        reverse("platforms:platform_detail", args=[org.slug, "facebook"]), {"text": "Ours"}
    )
    assert PlatformNote.objects.for_org(other_org).count() == 0
    assert PlatformNote.objects.for_org(org).get().text == "Ours"


def test_note_and_choice_of_a_deleted_user_still_display(client_as, org, plan, catalogue):
    from platforms.models import PlatformChoice, PlatformNote

    client = client_as(Role.EDITOR)
    detail = reverse("platforms:platform_detail", args=[org.slug, "facebook"])
    client.post(detail, {"text": "Groups work well here."})
    client.post(
        url("platforms:plan_choose", plan, platform_code="facebook"),
        {"priority": 1, "rationale": "x"},
    )
    PlatformNote.objects.update(updated_by=None)
    PlatformChoice.objects.update(chosen_by=None)
    assert "Last changed on" in client.get(detail).content.decode()
    assert "Chosen on" in client.get(url("platforms:plan_platforms", plan)).content.decode()
