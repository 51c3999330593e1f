"""Step 2's pages: the cascade, objective and goal forms (errors keep what was typed), the live
checklist (preview saves nothing), roles, the stale refusal and constant query counts."""

import pytest

from accounts.models import Role
from planner.models import Goal, GoalRevision, Objective
from tests.factories import GoalFactory, ObjectiveFactory, PlanFactory, PlatformFactory
from tests.helpers import goal_form_data, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, title="Programmation 2026")


def plan_url(name, plan, **kwargs):
    return url(name, plan, **kwargs)


def goal_post(objective, **changes):
    return goal_form_data(objective, **changes)


def test_the_cascade_page_shows_the_empty_state_with_the_decks_example(client_as, plan):
    response = client_as(Role.VIEWER).get(plan_url("planner:objectives", plan))
    content = response.content.decode()
    assert response.status_code == 200
    assert "No objectives yet" in content and "Create 5 events a month on Facebook" in content
    # A viewer reads: no button to add.
    assert "Add an organisational objective" not in content


def test_the_cascade_shows_levels_goals_and_their_review_status(client_as, plan):
    goal = GoalFactory(plan=plan, status="submitted", statement="Post 5 photos on Instagram")
    response = client_as(Role.EDITOR).get(plan_url("planner:objectives", plan))
    content = response.content.decode()
    for label in ("Organisational objective", "Marketing objective", "Social-media objective"):
        assert label in content
    assert "Post 5 photos on Instagram" in content and "Submitted for review" in content
    assert f"?objective={goal.objective_id}" in content
    assert "Use the deck&#x27;s example" in content or "Use the deck's example" in content


def test_the_cascade_page_reads_in_a_constant_number_of_queries(client_as, plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(Role.EDITOR)
    social = ObjectiveFactory(plan=plan)
    GoalFactory.create_batch(3, plan=plan, objective=social, platform=PlatformFactory())
    client.get(plan_url("planner:objectives", plan))  # the session's first request does more
    with CaptureQueriesContext(connection) as small:
        client.get(plan_url("planner:objectives", plan))
    for _ in range(9):
        other = ObjectiveFactory(plan=plan)
        GoalFactory.create_batch(3, plan=plan, objective=other, platform=PlatformFactory())
    with CaptureQueriesContext(connection) as large:
        client.get(plan_url("planner:objectives", plan))
    assert Goal.objects.filter(plan=plan).count() == 30
    assert len(large) == len(small), "\n".join(q["sql"][:120] for q in large.captured_queries)


def test_an_objective_is_added_under_its_parent_from_the_query_string(client_as, plan):
    client = client_as(Role.EDITOR)
    top = ObjectiveFactory(plan=plan, level="organisation", parent=None)
    address = plan_url("planner:objective_create", plan) + f"?level=marketing&parent={top.pk}"
    form = client.get(address).context["form"]
    assert form.initial == {"level": "marketing", "parent": top.pk}
    response = client.post(
        address, {"level": "marketing", "parent": top.pk, "title": "Promote", "description": ""}
    )
    assert response.status_code == 302
    assert Objective.objects.get(title="Promote").parent == top


def test_a_misplaced_objective_is_refused_with_what_was_typed_kept(client_as, plan):
    response = client_as(Role.EDITOR).post(
        plan_url("planner:objective_create", plan),
        {"level": "marketing", "parent": "", "title": "Promote the programmes"},
    )
    form = response.context["form"]
    assert [e.code for e in form.errors.as_data()["parent"]] == ["parent_required"]
    assert 'value="Promote the programmes"' in response.content.decode()


def test_the_delete_confirmation_counts_what_goes_with_the_objective(client_as, plan):
    goal = GoalFactory(plan=plan)
    GoalFactory(plan=plan, objective=goal.objective)
    top = goal.objective.parent.parent
    client = client_as(Role.EDITOR)
    address = plan_url("planner:objective_delete", plan, objective_pk=top.pk)
    content = client.get(address).content.decode()
    assert "2 objectives below it and 2 SMART goals" in content
    assert client.post(address).status_code == 302
    assert not Objective.objects.filter(plan=plan).exists()


def test_an_editor_writes_a_goal_from_the_decks_template(client_as, plan):
    PlatformFactory(code="facebook", name="Facebook")
    social = ObjectiveFactory(plan=plan)
    client = client_as(Role.EDITOR)
    address = plan_url("planner:goal_create", plan)
    page = client.get(address + f"?objective={social.pk}&template=facebook_events")
    form = page.context["form"]
    assert form.initial["statement"] == "Create 5 events a month on Facebook"
    assert form.initial["objective"] == social.pk and form.initial["metric"] == "events_created"
    response = client.post(address, goal_post(social))
    goal = Goal.objects.get()
    assert response.url == plan_url("planner:goal_detail", plan, goal_pk=goal.pk)


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"target": "five"}, "target", "invalid"),
        ({"target": "2"}, "target", "target_equals_baseline"),
        ({"metric": ""}, "metric", "required"),
        ({"metric": "custom"}, "custom_metric", "custom_metric_required"),
        ({"deadline": "2001-01-01", "starts_on": "2001-01-01"}, "deadline", "deadline_past"),
    ],
)
def test_goal_errors_name_their_field_and_keep_what_was_typed(
    client_as, plan, changes, field, code
):
    social = ObjectiveFactory(plan=plan)
    data = goal_post(social, statement="Share each event 5 times", **changes)
    response = client_as(Role.EDITOR).post(plan_url("planner:goal_create", plan), data)
    assert response.status_code == 200
    assert code in [e.code for e in response.context["form"].errors.as_data()[field]]
    assert "Share each event 5 times" in response.content.decode()
    assert not Goal.objects.exists()


def test_the_live_checklist_saves_nothing_and_answers_the_partial(client_as, plan):
    social = ObjectiveFactory(plan=plan)
    response = client_as(Role.EDITOR).post(
        plan_url("planner:goal_create", plan),
        {**goal_post(social, baseline=""), "preview": "1"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="smart-checklist",
    )
    content = response.content.decode()
    assert response.status_code == 200 and not Goal.objects.exists()
    assert "<form" not in content and 'id="smart-summary"' in content
    assert "4 of 5 SMART criteria met" in content and "Give a baseline" in content
    assert response["Vary"] == "HX-Request" or "HX-Request" in response["Vary"]


def test_the_check_button_without_javascript_shows_the_page_with_the_checklist(client_as, plan):
    social = ObjectiveFactory(plan=plan)
    response = client_as(Role.EDITOR).post(
        plan_url("planner:goal_create", plan), {**goal_post(social), "preview": "1"}
    )
    content = response.content.decode()
    assert "<form" in content and "5 of 5 criteria met" in content
    assert not Goal.objects.exists()


def test_the_goal_page_shows_the_checklist_progress_and_the_review_panel(client_as, plan):
    goal = GoalFactory(plan=plan)
    response = client_as(Role.VIEWER).get(plan_url("planner:goal_detail", plan, goal_pk=goal.pk))
    content = response.content.decode()
    # The factory's goal counts events, which the statistics do not measure.
    assert "Not measured by Vitrine" in content and "SMART checklist" in content
    assert "review panel: owned by the review helper" not in content  # a template comment
    assert response.context["progress"].status == "no_data"


def test_editing_an_approved_goal_says_it_becomes_a_new_revision(client_as, plan):
    goal = GoalFactory(plan=plan, status="approved", version=4)
    client = client_as(Role.EDITOR)
    address = plan_url("planner:goal_update", plan, goal_pk=goal.pk)
    page = client.get(address)
    assert 'name="version" value="4"' in page.content.decode()
    assert "Saving a change makes it a new revision" in page.content.decode()
    data = goal_post(goal.objective, target="7", version="4")
    response = client.post(address, data, follow=True)
    goal.refresh_from_db()
    assert (goal.status, goal.revision, goal.version) == ("draft", 2, 5)
    assert GoalRevision.objects.filter(goal=goal, revision=1).exists()
    assert "saved as revision 2" in response.content.decode()


def test_a_stale_form_is_refused_and_keeps_what_was_typed(client_as, plan):
    goal = GoalFactory(plan=plan, version=3)
    response = client_as(Role.EDITOR).post(
        plan_url("planner:goal_update", plan, goal_pk=goal.pk),
        goal_post(goal.objective, statement="My careful new wording", version="2"),
    )
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].non_field_errors().as_data()] == ["stale"]
    assert "My careful new wording" in response.content.decode()
    goal.refresh_from_db()
    assert goal.version == 3 and goal.statement != "My careful new wording"


@pytest.mark.parametrize("name", ["goal_create", "objective_create"])
def test_a_viewer_cannot_open_the_write_pages(client_as, plan, name):
    response = client_as(Role.VIEWER).get(plan_url(f"planner:{name}", plan))
    assert response.status_code == 403


def test_the_decks_example_is_applied_from_its_confirmation(client_as, plan):
    client = client_as(Role.EDITOR)
    address = plan_url("planner:objective_example", plan)
    assert "6 SMART goals as drafts" in client.get(address).content.decode()
    response = client.post(address)
    marketing = Objective.objects.get(level="marketing")
    assert response.url.endswith(f"#objective-{marketing.pk}")
    assert Goal.objects.filter(plan=plan).count() == 6


def test_a_goal_of_another_plan_is_a_404(client_as, plan, org):
    goal = GoalFactory(plan=PlanFactory(organization=org))
    response = client_as(Role.EDITOR).get(plan_url("planner:goal_detail", plan, goal_pk=goal.pk))
    assert response.status_code == 404


def test_editing_an_objective_offers_only_the_level_above_as_parent(client_as, plan):
    social = ObjectiveFactory(plan=plan)
    marketing, top = social.parent, social.parent.parent
    client = client_as(Role.EDITOR)
    form = client.get(plan_url("planner:objective_update", plan, objective_pk=social.pk)).context[
        "form"
    ]
    assert list(form.fields["parent"].queryset) == [marketing]
    form = client.get(plan_url("planner:objective_update", plan, objective_pk=top.pk)).context[
        "form"
    ]
    assert "parent" not in form.fields and "level" not in form.fields
    response = client.post(
        plan_url("planner:objective_update", plan, objective_pk=top.pk),
        {"title": "Reach more families", "description": ""},
    )
    assert response.status_code == 302
    top.refresh_from_db()
    assert (top.title, top.parent) == ("Reach more families", None)
