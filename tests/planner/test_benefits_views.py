"""Step 1's pages: the register (read-only for viewers), suggestions, own lines, edit, remove."""

import re

import pytest
from django.conf import settings

from accounts.models import Role
from planner.models import BenefitRisk
from tests.factories import BenefitRiskFactory, MembershipFactory, PlanFactory
from tests.helpers import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, title="Programmation 2027")


def page(client, plan, **query) -> str:
    response = client.get(url("planner:benefits", plan), query)
    assert response.status_code == 200
    return response.content.decode()


def suggest(client, plan, kind, code, **headers):
    return client.post(
        url("planner:benefit_suggest", plan), {"kind": kind, "code": code}, **headers
    )


def test_empty_register_explains_the_step_and_offers_the_deck(client_as, plan):
    html = page(client_as(Role.EDITOR), plan)
    assert "No benefit listed yet." in html and "No risk listed yet." in html
    assert html.count('class="btn btn-sm btn-outline-primary suggestion"') == 23
    assert 'value="visibility"' in html and 'value="hacking"' in html


def test_viewer_reads_everything_but_gets_no_button(client_as, plan):
    BenefitRiskFactory(plan=plan, title="Nobody answers in August", likelihood=4, impact=5)
    BenefitRiskFactory(plan=plan, kind="benefit", title="", suggestion="free", likelihood=None)
    client = client_as(Role.VIEWER)
    html = page(client, plan)
    assert "Nobody answers in August" in html and "Free of charge" in html
    assert "Critical · 20" in html
    assert 'name="code"' not in html and "/edit/" not in html and "/delete/" not in html
    assert "The team has not" not in html  # Lines exist: no empty state.
    assert suggest(client, plan, "benefit", "visibility").status_code == 403


def test_a_suggested_benefit_is_added_once_without_javascript(client_as, plan):
    client = client_as(Role.EDITOR)
    response = suggest(client, plan, "benefit", "web_traffic")
    assert response.status_code == 302 and response["Location"].endswith("/benefits/")
    item = BenefitRisk.objects.get(plan=plan)
    assert (item.kind, item.suggestion) == ("benefit", "web_traffic")
    html = page(client, plan)
    assert "“Web traffic” was added to the benefits." in html
    assert 'value="web_traffic"' not in html
    # Twice (an old page, a double click): refused with the reason, nothing added.
    suggest(client, plan, "benefit", "web_traffic")
    assert BenefitRisk.objects.count() == 1
    assert "is already in the plan&#x27;s register" in page(client, plan)


def test_a_suggested_benefit_over_htmx_swaps_the_register_with_a_toast(client_as, plan):
    response = suggest(client_as(Role.EDITOR), plan, "benefit", "feedback", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="register"') and "<html" not in html
    assert "Feedback" in html and 'value="feedback"' not in html
    assert "Feedback" in response["HX-Trigger"]


def test_a_suggested_risk_opens_its_form(client_as, plan):
    client = client_as(Role.EDITOR)
    response = suggest(client, plan, "risk", "hacking")
    item = BenefitRisk.objects.get(plan=plan)
    assert response["Location"] == url("planner:benefit_update", plan, item_pk=item.pk)
    over_htmx = suggest(client, plan, "risk", "time", HTTP_HX_REQUEST="true")
    assert over_htmx.status_code == 204
    assert over_htmx["HX-Redirect"].endswith("/edit/")


def test_a_bogus_suggestion_is_a_message_not_a_line(client_as, plan):
    client = client_as(Role.EDITOR)
    suggest(client, plan, "risk", "visibility")
    assert not BenefitRisk.objects.exists()
    assert "This suggestion does not exist." in page(client, plan)


def test_editor_writes_a_risk_of_their_own(client_as, plan, member):
    client = client_as(Role.EDITOR)
    form = client.get(url("planner:benefit_create", plan), {"kind": "risk"}).context["form"]
    assert form["kind"].value() == "risk"
    owner = member(Role.VIEWER).user
    response = client.post(
        url("planner:benefit_create", plan),
        {
            "kind": "risk",
            "title": "Photos without consent",
            "why": "Story time",
            "likelihood": "3",
            "impact": "4",
            "mitigation": "Consent form",
            "owner": owner.pk,
            "review_on": "2027-06-30",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("/benefits/#risks")
    item = BenefitRisk.objects.get()
    assert (item.severity, item.owner, str(item.review_on)) == (12, owner, "2027-06-30")


def test_a_benefit_of_ones_own_ignores_the_risk_fields(client_as, plan):
    client_as(Role.EDITOR).post(
        url("planner:benefit_create", plan),
        {"kind": "benefit", "title": "Local pride", "why": "", "likelihood": "5", "impact": "5"},
    )
    item = BenefitRisk.objects.get()
    assert (item.kind, item.likelihood, item.impact) == ("benefit", None, None)


def test_bad_input_keeps_what_was_typed(client_as, plan, other_org):
    stranger = MembershipFactory(organization=other_org).user
    response = client_as(Role.EDITOR).post(
        url("planner:benefit_create", plan),
        {
            "kind": "risk",
            "title": "Typed title",
            "why": "Typed why",
            "likelihood": "",
            "impact": "9",
            "mitigation": "Typed mitigation",
            "owner": stranger.pk,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {f: [e.code for e in errors] for f, errors in form.errors.as_data().items()} == {
        "impact": ["invalid_choice"],
        "owner": ["invalid_choice"],
    }
    html = response.content.decode()
    assert "Typed title" in html and "Typed why" in html and "Typed mitigation" in html
    assert not BenefitRisk.objects.exists()
    # A valid form whose risk has no likelihood: the service's message, under the field.
    response = client_as(Role.EDITOR).post(
        url("planner:benefit_create", plan),
        {"kind": "risk", "title": "Typed title", "likelihood": "", "impact": "2"},
    )
    assert [e.code for e in response.context["form"].errors.as_data()["likelihood"]] == [
        "risk_scale"
    ]
    assert "from 1 (rare) to 5 (almost certain)" in response.content.decode()


def test_edit_a_suggested_risk_and_see_it_on_the_heat_map(client_as, plan):
    item = BenefitRiskFactory(plan=plan, title="", suggestion="hacking", likelihood=3, impact=3)
    client = client_as(Role.EDITOR)
    form = client.get(url("planner:benefit_update", plan, item_pk=item.pk)).content.decode()
    assert "Leave empty to keep the suggested name: Hacking." in form
    assert 'name="kind"' not in form
    response = client.post(
        url("planner:benefit_update", plan, item_pk=item.pk),
        {"title": "", "why": "Our password is old", "likelihood": "4", "impact": "5"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.label, item.severity) == ("Hacking", 20)
    html = page(client, plan)
    assert "Critical · 20" in html
    # Likelihood 4 is the heat map's second row, impact 5 its last cell.
    row = html.split('<table class="table table-bordered heat-map')[1].split("<tr>")[3]
    assert row.split("<td")[-1].count(f'href="#risk-{item.pk}"') == 1


def test_a_benefits_form_has_no_risk_fields(client_as, plan):
    item = BenefitRiskFactory(plan=plan, kind="benefit", likelihood=None, impact=None)
    form = client_as(Role.EDITOR).get(url("planner:benefit_update", plan, item_pk=item.pk))
    assert set(form.context["form"].fields) == {"title", "why"}


def test_remove_asks_first(client_as, plan):
    item = BenefitRiskFactory(plan=plan, title="Nobody answers")
    client = client_as(Role.EDITOR)
    address = url("planner:benefit_delete", plan, item_pk=item.pk)
    assert "Nobody answers" in client.get(address).content.decode()
    assert BenefitRisk.objects.exists()
    assert client.post(address)["Location"].endswith("/benefits/")
    assert not BenefitRisk.objects.exists()


def test_another_plans_line_is_a_404(client_as, org, plan):
    other = BenefitRiskFactory(plan=PlanFactory(organization=org))
    client = client_as(Role.ADMIN)
    for name in ("planner:benefit_update", "planner:benefit_delete"):
        assert client.get(url(name, plan, item_pk=other.pk)).status_code == 404


def test_the_scale_reads_in_the_readers_language(client_as, plan):
    item = BenefitRiskFactory(plan=plan)
    client = client_as(Role.EDITOR)
    address = url("planner:benefit_update", plan, item_pk=item.pk)
    assert "5 · Almost certain" in client.get(address).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert "5 · Presque certain" in client.get(address).content.decode()


def test_the_register_reads_in_french(client_as, plan):
    BenefitRiskFactory(plan=plan, kind="benefit", title="", suggestion="search_ranking")
    client = client_as(Role.VIEWER)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    html = page(client, plan)
    assert "Classement web" in html and "Carte de chaleur des risques" in html


def test_the_plan_page_links_step_one(client_as, plan):
    html = client_as(Role.VIEWER).get(url("planner:plan_detail", plan)).content.decode()
    assert url("planner:benefits", plan) in html


def grow(plan, n):
    members = MembershipFactory.create_batch(n, organization=plan.organization)
    for i in range(n):
        BenefitRiskFactory(plan=plan, owner=members[i].user, likelihood=i % 5 + 1)
        BenefitRiskFactory(plan=plan, kind="benefit", likelihood=None, impact=None)


def test_the_register_costs_the_same_queries_with_3_or_40_lines(
    client_as, plan, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(Role.EDITOR)
    grow(plan, 3)
    with CaptureQueriesContext(connection) as small:
        page(client, plan)
    grow(plan, 37)
    with django_assert_max_num_queries(len(small.captured_queries)):
        html = page(client, plan)
    assert len(re.findall(r'<tr id="risk-\d+"', html)) == 40
