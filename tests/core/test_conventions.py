"""The shared mechanisms every app uses: predicates, the update helper, lists, htmx, confirm."""

import importlib
import json
import pkgutil
from pathlib import Path

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import MaxLengthValidator
from django.test import RequestFactory

from accounts.models import Membership, Role
from core.forms import TextCleaningMixin
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
    request = RequestFactory().get("/list/", {"status": "in_review", "sort": "nope", "page": "3"})
    view = _List(request)
    assert view.filters == {"status": "in_review", "sort": "updated"}
    status, sort = view.get_context_data()["filter_groups"]
    assert [link.active for link in status.links] == [False, False, True, False, False]
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


# Text: every form cleans and bounds its text, every model bounds it --------------------------


def _project_apps():
    from django.apps import apps
    from django.conf import settings

    base = Path(settings.BASE_DIR)
    return [
        app
        for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(base) and ".venv" not in Path(app.path).parts
    ]


def _project_form_classes() -> list[type]:
    """Every form class defined in a module of the project's apps (migrations aside)."""
    found = []
    for app in _project_apps():
        names = [app.name]
        if hasattr(app.module, "__path__"):
            names += [
                info.name
                for info in pkgutil.walk_packages(app.module.__path__, prefix=f"{app.name}.")
                if ".migrations" not in info.name
            ]
        for name in names:
            module = importlib.import_module(name)
            found += [
                obj
                for obj in vars(module).values()
                if isinstance(obj, type)
                and issubclass(obj, forms.BaseForm)
                and obj.__module__ == module.__name__
            ]
    return sorted(set(found), key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


#: Constructor arguments of the forms that need some.
FORM_KWARGS = {
    "accounts.forms.SignupForm": {"email": "someone@example.org"},
    "planner.forms.plan.PlanForm": {"org": None},
}

PROJECT_FORMS = _project_form_classes()


def test_the_form_walker_finds_the_forms_of_every_app():
    names = {f"{cls.__module__}.{cls.__name__}" for cls in PROJECT_FORMS}
    assert {
        "accounts.forms.LoginForm",
        "planner.forms.plan.PlanForm",
        "platforms.forms.plan.SegmentForm",
        "platforms.forms.channels.ChannelForm",
    } <= names


@pytest.mark.parametrize("form_class", PROJECT_FORMS, ids=lambda cls: cls.__qualname__)
def test_every_text_field_of_every_form_cleans_its_text_and_has_a_maximum(form_class):
    """A new form, or a text field added to one, inherits the cleaning or fails here."""
    kwargs = FORM_KWARGS.get(f"{form_class.__module__}.{form_class.__name__}", {})
    form = form_class(**kwargs)
    text_fields = {n: f for n, f in form.fields.items() if isinstance(f, forms.CharField)}
    for name, field in text_fields.items():
        assert field.max_length is not None, f"{form_class.__name__}.{name} has no max_length"
        if isinstance(field.widget, forms.PasswordInput):
            continue  # never shown, hashed as typed
        assert isinstance(field, TextCleaningMixin), f"{form_class.__name__}.{name} not cleaned"
        with pytest.raises(ValidationError) as caught:
            field.clean("evil\u202etxt.exe")
        assert caught.value.code == "bidi_override", name


def _text_model_fields():
    from django.apps import apps
    from django.db import models

    labels = {app.label for app in _project_apps()}
    return [
        pytest.param(field, id=f"{model.__name__}.{field.name}")
        for model in apps.get_models()
        if model._meta.app_label in labels
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField)
    ]


@pytest.mark.parametrize("field", _text_model_fields())
def test_every_text_column_has_a_maximum_that_full_clean_enforces(field):
    """``TextField(max_length=…)`` alone is enforced by forms only: use ``BoundedTextField``."""
    assert field.max_length is not None
    assert any(
        isinstance(v, MaxLengthValidator) and v.limit_value == field.max_length
        for v in field.validators
    )


def test_full_clean_refuses_a_description_over_its_maximum(org):
    plan = PlanFactory.build(organization=org, description="x" * 5001)
    with pytest.raises(ValidationError) as caught:
        plan.full_clean()
    assert [e.code for e in caught.value.error_dict["description"]] == ["max_length"]
