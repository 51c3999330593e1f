"""core.integrity: a unique violation the database raised comes back as the rule's error."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from accounts.models import Membership, Role
from core.integrity import integrity_errors
from platforms.models import Channel, PlatformChoice
from platforms.services import channels as channel_services
from tests.factories import (
    ChannelFactory,
    MembershipFactory,
    OrganizationFactory,
    PlanFactory,
    PlatformFactory,
)
from tests.helpers import url


def raised(create) -> ValidationError:
    with pytest.raises(ValidationError) as caught, integrity_errors():
        create()
    return caught.value


def codes(error: ValidationError) -> dict:
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


def test_expression_constraint_gives_its_message_on_its_field(org):
    channel = ChannelFactory(organization=org, name="Library")
    error = raised(
        lambda: ChannelFactory(organization=org, platform=channel.platform, name="LIBRARY")
    )
    assert codes(error) == {"name": ["duplicate_name"]}
    assert error.message_dict["name"] == ["Another channel already has this name."]


def test_field_constraint_gives_its_message_on_its_last_field(org):
    membership = MembershipFactory(organization=org)
    error = raised(lambda: Membership.objects.create(organization=org, user=membership.user))
    assert codes(error) == {"user": ["already_member"]}


def test_conditional_constraint_gives_its_code(org):
    plan = PlanFactory(organization=org)
    PlatformChoice.objects.create(
        plan=plan, platform=PlatformFactory(code="a"), priority=1, rationale="Why"
    )
    error = raised(
        lambda: PlatformChoice.objects.create(
            plan=plan, platform=PlatformFactory(code="b"), priority=1, rationale="Why"
        )
    )
    assert codes(error) == {"plan": ["one_main_platform"]}


def test_unknown_unique_rule_says_someone_saved_the_same_thing(db):
    OrganizationFactory(slug="same")
    with pytest.raises(ValidationError) as caught, integrity_errors():
        OrganizationFactory(slug="same")
    assert caught.value.code == "conflict"


def test_other_integrity_errors_are_bugs_and_stay_errors(org):
    with pytest.raises(IntegrityError), integrity_errors():
        Membership.objects.create(organization=org, user=None, role=Role.EDITOR)


def test_service_form_shows_the_database_refusal_as_the_forms_error(client_as, org, monkeypatch):
    """The check passed (another request had not committed yet), the database refused."""
    existing = ChannelFactory(organization=org, name="Library")
    monkeypatch.setattr(
        channel_services,
        "_clean_channel",
        lambda channel: channel.full_clean(validate_unique=False, validate_constraints=False),
    )
    data = {
        "platform": existing.platform.pk,
        "name": "LIBRARY",
        "handle": "@typed",
        "url": "",
        "kind": "own",
        "partner_contact": "",
        "lead_time_days": "0",
    }
    response = client_as(Role.EDITOR).post(url("platforms:channel_create", org), data)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [e.code for e in errors["name"]] == ["duplicate_name"]
    page = response.content.decode()
    assert 'value="LIBRARY"' in page and 'value="@typed"' in page
    # The savepoint was rolled back: the connection still answers, nothing was written.
    assert list(Channel.objects.values_list("name", flat=True)) == ["Library"]


def test_full_clean_of_an_expression_constraint_lands_under_its_field(org):
    """Django reports a constraint over ``Lower(...)`` above the form; the form puts it back
    under the field, as it does for the database's refusal of a race."""
    from django import forms

    from core.forms import apply_validation_error

    ChannelFactory(organization=org, name="Library")
    duplicate = Channel(organization=org, platform=PlatformFactory(code="x"), name="LIBRARY")
    with pytest.raises(ValidationError) as caught:
        duplicate.validate_constraints()
    assert list(caught.value.error_dict) == ["__all__"]

    class NameForm(forms.Form):
        name = forms.CharField()

    form = NameForm({"name": "LIBRARY"})
    form.is_valid()
    apply_validation_error(form, caught.value)
    assert [e.code for e in form.errors.as_data()["name"]] == ["duplicate_name"]
    assert not form.non_field_errors()
