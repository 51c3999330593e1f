"""The shared mechanisms every app uses: predicates, the update helper, lists, htmx, confirm."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.test import RequestFactory

from accounts.models import Membership, Role
from core.htmx import render_page_or_partial, toast
from core.listing import ChoiceFilter, ListingMixin
from core.permissions import PREDICATES, Abilities, OrgViewMixin, can_edit_plan
from core.services import model_update
from planner.models import Plan
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_predicates_follow_the_role_ladder():
    viewer, editor = Membership(role=Role.VIEWER), Membership(role=Role.EDITOR)
    assert not can_edit_plan(viewer) and can_edit_plan(editor)
    assert not can_edit_plan(None)
    assert PREDICATES["review_plan"](Membership(role=Role.MANAGER))
    assert not PREDICATES["review_plan"](editor)


def test_templates_ask_the_same_predicates_and_a_typo_fails_loudly():
    can = Abilities(Membership(role=Role.EDITOR))
    assert can.edit_plan is True and can.manage_members is False
    with pytest.raises(ImproperlyConfigured):
        _ = can.edit_plann


def test_a_view_naming_an_unknown_predicate_fails_at_import():
    with pytest.raises(ImproperlyConfigured):
        type("Broken", (OrgViewMixin,), {"permission": "edit_everything"})


def test_model_update_sets_only_declared_fields_and_validates(org):
    plan = PlanFactory(organization=org, title="Old")
    assert model_update(instance=plan, fields=("title",), data={"title": "New"}) is True
    assert model_update(instance=plan, fields=("title",), data={"title": "New"}) is False
    with pytest.raises(TypeError):
        model_update(instance=plan, fields=("title",), data={"status": "archived"})
    with pytest.raises(ValidationError) as error:
        model_update(instance=plan, fields=("title",), data={"title": ""})
    assert [e.code for e in error.value.error_dict["title"]] == ["blank"]
    plan.refresh_from_db()
    assert (plan.title, plan.status) == ("New", Plan.Status.DRAFT)


class _View:
    def __init__(self, request):
        self.request = request

    def get_context_data(self, **kwargs):
        return kwargs


class _List(ListingMixin, _View):
    list_filters = (ChoiceFilter("status", "Status", Plan.Status.choices, "All"),)
    sorts = {"updated": "Last updated", "title": "Title"}


def test_declared_filters_clean_the_query_string_and_draw_the_buttons():
    request = RequestFactory().get("/list/", {"status": "active", "sort": "nope", "page": "3"})
    view = _List(request)
    assert view.filters == {"status": "active", "sort": "updated"}
    status, sort = view.get_context_data()["filter_groups"]
    assert [link.active for link in status.links] == [False, False, True, False]
    # Changing a filter goes back to page 1.
    assert all("page=" not in link.url for link in status.links + sort.links)


def test_htmx_requests_get_the_partial_and_responses_vary(rf):
    request = rf.get("/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="note-card")
    from django_htmx.middleware import HtmxDetails

    request.htmx = HtmxDetails(request)
    response = render_page_or_partial(request, "page.html", {}, partial="note", target="note-card")
    assert response.template_name == "page.html#note"
    assert "HX-Request" in response["Vary"]
    request.htmx = HtmxDetails(rf.get("/"))
    response = render_page_or_partial(request, "page.html", {}, partial="note")
    assert response.template_name == "page.html"


def test_toast_is_an_hx_trigger_event():
    from django.http import HttpResponse

    response = toast(HttpResponse(status=204), "Saved")
    assert json.loads(response["HX-Trigger"]) == {"toast": "Saved"}
