"""Step 1's services: lines of the register, one-click suggestions, their activity sentences."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.models import ActivityEntry, Role
from planner.models import BenefitRisk
from planner.services import benefits as services
from tests.factories import BenefitRiskFactory, PlanFactory, UserFactory

pytestmark = pytest.mark.django_db
NBSP = "\xa0"


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, title="Programmation 2027")


def codes(error: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


# Suggestions ----------------------------------------------------------------------------------


def test_a_suggested_benefit_stores_its_code_and_its_hint_as_a_first_why(plan, member):
    actor = member(Role.EDITOR).user
    item = services.benefit_risk_add_suggestion(
        plan=plan, kind="benefit", code="visibility", actor=actor
    )
    assert (item.suggestion, item.title, item.likelihood, item.created_by) == (
        "visibility",
        "",
        None,
        actor,
    )
    assert item.why == "Be seen where your public already spends time."
    with translation.override("fr"):
        assert item.label == "Visibilité"
    assert item.label == "Visibility"


def test_a_suggested_risk_starts_in_the_middle_of_the_scale(plan):
    item = services.benefit_risk_add_suggestion(plan=plan, kind="risk", code="hacking", actor=None)
    assert (item.likelihood, item.impact, item.severity) == (3, 3, 9)


def test_each_suggestion_once_per_plan(plan):
    services.benefit_risk_add_suggestion(plan=plan, kind="benefit", code="free", actor=None)
    with pytest.raises(ValidationError) as error:
        services.benefit_risk_add_suggestion(plan=plan, kind="benefit", code="free", actor=None)
    assert codes(error.value) == {"suggestion": ["duplicate_suggestion"]}
    # Another plan, or the same code of the other kind's list, is another line.
    services.benefit_risk_add_suggestion(
        plan=PlanFactory(organization=plan.organization), kind="benefit", code="free", actor=None
    )
    assert BenefitRisk.objects.filter(suggestion="free").count() == 2


def test_an_unknown_suggestion_or_a_code_of_the_other_kind_is_refused(plan):
    for kind, code in (("benefit", "hacking"), ("risk", "nope")):
        with pytest.raises(ValidationError) as error:
            services.benefit_risk_add_suggestion(plan=plan, kind=kind, code=code, actor=None)
        assert error.value.code == "unknown_suggestion"
    assert not BenefitRisk.objects.exists()


# Own lines ------------------------------------------------------------------------------------


def test_create_a_risk_with_everything(plan, member):
    owner = member(Role.VIEWER).user
    item = services.benefit_risk_create(
        plan=plan,
        kind="risk",
        actor=None,
        title="Photos without consent",
        why="Story time",
        likelihood=2,
        impact=5,
        mitigation="Consent form",
        owner=owner,
        review_on=datetime.date(2027, 6, 30),
    )
    assert (item.severity, item.owner, item.position) == (10, owner, 0)
    second = services.benefit_risk_create(
        plan=plan, kind="risk", actor=None, title="Another", likelihood=1, impact=1
    )
    assert second.position == 1


@pytest.mark.parametrize(
    ("scale", "expected"),
    [
        ({}, {"likelihood": ["risk_scale"], "impact": ["risk_scale"]}),
        ({"likelihood": 0, "impact": 3}, {"likelihood": ["risk_scale"]}),
        ({"likelihood": 3, "impact": 6}, {"impact": ["risk_scale"]}),
    ],
)
def test_a_risk_needs_likelihood_and_impact_from_1_to_5(plan, scale, expected):
    with pytest.raises(ValidationError) as error:
        services.benefit_risk_create(plan=plan, kind="risk", actor=None, title="R", **scale)
    assert codes(error.value) == expected
    assert not BenefitRisk.objects.exists()


def test_a_line_of_ones_own_needs_a_title(plan):
    with pytest.raises(ValidationError) as error:
        services.benefit_risk_create(plan=plan, kind="benefit", actor=None, title="", why="x")
    assert codes(error.value) == {"title": ["title_required"]}


def test_the_owner_must_be_a_member_of_the_organisation(plan, member, other_org):
    stranger = UserFactory()
    other_member = member(Role.ADMIN, organization=other_org).user
    for owner in (stranger, other_member):
        with pytest.raises(ValidationError) as error:
            services.benefit_risk_create(
                plan=plan, kind="risk", actor=None, title="R", likelihood=1, impact=1, owner=owner
            )
        assert codes(error.value) == {"owner": ["owner_not_member"]}


def test_a_benefit_takes_no_scale_and_fields_outside_its_kind_are_refused(plan):
    with pytest.raises(TypeError):
        services.benefit_risk_create(plan=plan, kind="benefit", actor=None, title="B", impact=3)
    with pytest.raises(ValidationError) as error:
        services.benefit_risk_create(plan=plan, kind="opportunity", actor=None, title="B")
    assert codes(error.value) == {"kind": ["invalid_kind"]}


def test_update_keeps_the_suggestion_and_changes_the_scale(plan):
    item = services.benefit_risk_add_suggestion(plan=plan, kind="risk", code="time", actor=None)
    services.benefit_risk_update(item=item, actor=None, likelihood=5, impact=4, title="")
    item.refresh_from_db()
    assert (item.suggestion, item.severity, item.label) == ("time", 20, "Time")
    with pytest.raises(TypeError):
        services.benefit_risk_update(item=item, actor=None, suggestion="hacking")


def test_delete_removes_the_line(plan):
    item = BenefitRiskFactory(plan=plan)
    services.benefit_risk_delete(item=item, actor=None)
    assert not BenefitRisk.objects.exists()


# The activity log -------------------------------------------------------------------------------


def test_activity_names_a_suggestion_in_the_readers_language(plan):
    with translation.override("fr"):
        services.benefit_risk_add_suggestion(
            plan=plan, kind="risk", code="impersonation", actor=None
        )
    entry = ActivityEntry.objects.get(verb="risk.create")
    assert entry.params == {"label": "", "suggestion": "impersonation", "plan": plan.title}
    with translation.override("en"):
        assert entry.message == "Risk “Account impersonation” added to “Programmation 2027”"
    with translation.override("fr"):
        assert entry.message == (
            f"Risque «{NBSP}Usurpation de compte{NBSP}» ajouté à «{NBSP}Programmation 2027{NBSP}»"
        )


def test_activity_of_ones_own_line_names_its_title(plan):
    item = services.benefit_risk_create(plan=plan, kind="benefit", actor=None, title="Pride")
    services.benefit_risk_update(item=item, actor=None, title="Local pride", why="")
    services.benefit_risk_delete(item=item, actor=None)
    verbs = list(ActivityEntry.objects.order_by("pk").values_list("verb", flat=True))
    assert verbs == ["benefit.create", "benefit.update", "benefit.delete"]
    with translation.override("en"):
        messages = [e.message for e in ActivityEntry.objects.order_by("pk")]
    assert messages[-1] == "Benefit “Local pride” removed from “Programmation 2027”"
