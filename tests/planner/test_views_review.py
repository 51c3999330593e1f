"""The review panel's steps, a goal's revisions compared, the review queue."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Role
from core.permissions import Abilities
from planner.models import Goal, GoalRevision, GoalTransition
from planner.review import goal_page_url
from planner.services.review import goal_review
from tests.factories import GoalFactory, MembershipFactory, ObjectiveFactory, PlanFactory
from tests.helpers import url

pytestmark = pytest.mark.django_db

S = Goal.Status


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, title="2027 programme")


@pytest.fixture
def goal(plan):
    return GoalFactory(plan=plan, statement="Create 5 events a month")


def review_url(goal):
    return url("planner:goal_review", goal.plan, goal_pk=goal.pk)


def post(client, goal, name, comment="", version=None, **extra):
    data = {"transition": name, "comment": comment, **extra}
    data["version"] = goal.version if version is None else version
    return client.post(review_url(goal), data, follow=True)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def submitted(goal, by):
    goal.created_by = by.user
    goal.save()
    goal_review(goal=goal, name="submit", member=by, version=goal.version)
    return goal


# The panel's steps ------------------------------------------------------------------------------


def test_an_editor_submits_and_comes_back_to_the_page_they_were_on(client_as, goal):
    client = client_as(Role.EDITOR)
    back = url("planner:plan_detail", goal.plan) + "?tab=goals"
    response = post(client, goal, "submit", comment="Ready", next=back)
    assert response.redirect_chain[-1][0] == back
    assert messages_of(response) == ["The goal was submitted for review."]
    goal.refresh_from_db()
    assert goal.status == S.SUBMITTED


def test_without_a_safe_next_it_goes_to_the_goal_page(client_as, goal):
    client = client_as(Role.EDITOR)
    response = client.post(
        review_url(goal),
        {"transition": "submit", "version": goal.version, "next": "https://evil.example/"},
    )
    assert response["Location"] == goal_page_url(goal)


def test_a_manager_approves_and_an_editor_may_not(client_as, member, goal):
    submitted(goal, member(Role.EDITOR))
    editor = client_as(Role.EDITOR)
    assert (
        editor.post(
            review_url(goal), {"transition": "approve", "version": goal.version}
        ).status_code
        == 403
    )
    manager = client_as(Role.MANAGER)
    response = post(manager, goal, "approve")
    assert messages_of(response) == ["The goal was approved."]
    goal.refresh_from_db()
    assert goal.status == S.APPROVED


def test_requesting_changes_without_a_comment_is_a_message_and_changes_nothing(
    client_as, member, goal
):
    submitted(goal, member(Role.EDITOR))
    response = post(client_as(Role.MANAGER), goal, "request_changes", comment=" ")
    assert messages_of(response) == ["Say why in a comment."]
    goal.refresh_from_db()
    assert goal.status == S.SUBMITTED


def test_a_stale_page_is_refused_with_a_message(client_as, member, goal):
    submitted(goal, member(Role.EDITOR))
    response = post(client_as(Role.MANAGER), goal, "approve", version=goal.version - 1)
    (message,) = messages_of(response)
    assert "changed since you opened the page" in message
    goal.refresh_from_db()
    assert goal.status == S.SUBMITTED


@pytest.mark.parametrize("version", ["", "abc", "0", "99999999999999"])
def test_a_bad_version_is_refused_with_a_message(client_as, goal, version):
    response = post(client_as(Role.EDITOR), goal, "submit", version=version)
    assert response.status_code == 200 and messages_of(response)
    goal.refresh_from_db()
    assert goal.status == S.DRAFT


def test_a_goal_of_another_plan_is_a_404(client_as, org, goal):
    other_plan = PlanFactory(organization=org)
    client = client_as(Role.ADMIN)
    address = url("planner:goal_review", other_plan, goal_pk=goal.pk)
    assert client.post(address, {"transition": "submit", "version": 1}).status_code == 404
    revisions = url("planner:goal_revisions", other_plan, goal_pk=goal.pk)
    assert client.get(revisions).status_code == 404


# The panel ----------------------------------------------------------------------------------------


def render_panel(goal, membership, **context):
    request = RequestFactory().get("/somewhere/?x=1")
    request.user, request.org, request.membership = (
        membership.user,
        membership.organization,
        membership,
    )
    template = Template('{% include "planner/goals/_review.html" with goal=goal %}')
    return template.render(
        RequestContext(
            request,
            {
                "goal": goal,
                "org": membership.organization,
                "membership": membership,
                "can": Abilities(membership),
                **context,
            },
        )
    )


def test_the_panel_shows_the_status_the_buttons_and_the_timeline(member, goal):
    author = member(Role.EDITOR)
    submitted(goal, author)
    manager = member(Role.MANAGER)
    html = render_panel(goal, manager)
    assert "Submitted for review" in html
    assert 'value="approve"' in html and 'value="request_changes"' in html
    assert 'value="submit"' not in html
    assert f'name="version" value="{goal.version}"' in html
    assert 'name="next" value="/somewhere/?x=1"' in html
    assert "Submit for review" in html  # the timeline's step
    assert "Waiting" not in html
    editor_html = render_panel(goal, member(Role.EDITOR))
    assert "<form" not in editor_html and "Waiting for a manager’s review." in editor_html


def test_the_panel_reads_a_constant_number_of_queries(member, plan):
    manager = member(Role.MANAGER)

    def measure(steps):
        goal = GoalFactory(plan=plan)
        author = MembershipFactory(organization=plan.organization, role=Role.EDITOR)
        for _ in range(steps):
            submitted(goal, author)
            goal_review(goal=goal, name="withdraw", member=author, version=goal.version)
        goal = Goal.objects.select_related("plan__organization").get(pk=goal.pk)
        with CaptureQueriesContext(connection) as queries:
            render_panel(goal, manager)
        return len(queries)

    assert measure(1) == measure(15)


def test_the_panel_links_to_the_revisions_when_one_is_kept(member, goal):
    GoalRevision.objects.create(goal=goal, revision=1, data={"target": "4"})
    html = render_panel(goal, member(Role.VIEWER))
    assert url("planner:goal_revisions", goal.plan, goal_pk=goal.pk) in html


def test_the_panel_without_a_membership_in_context_shows_no_buttons(member, goal):
    html = Template('{% include "planner/goals/_review.html" with goal=goal %}').render(
        Context({"goal": goal, "org": goal.plan.organization})
    )
    assert "<form" not in html and "Not submitted for review yet." in html


# Revisions compared -------------------------------------------------------------------------------


def test_revisions_compare_field_by_field_in_the_reader_language(client_as, org, goal, settings):
    old_objective = ObjectiveFactory(plan=goal.plan, title="Families")
    GoalRevision.objects.create(
        goal=goal,
        revision=1,
        data={
            "statement": goal.statement,
            "metric": "followers",
            "target": "4.50",
            "deadline": "2027-06-30",
            "objective": old_objective.pk,
        },
    )
    Goal.objects.filter(pk=goal.pk).update(revision=2, target=5, deadline=date(2027, 9, 30))
    client = client_as(Role.VIEWER)
    address = url("planner:goal_revisions", goal.plan, goal_pk=goal.pk)
    response = client.get(address)
    assert response.status_code == 200
    (comparison,) = response.context["comparisons"]
    rows = {row.label: row for row in comparison.rows}
    assert (rows["Metric"].old, rows["Metric"].new) == ("Followers", "Events created")
    assert (rows["Target"].old, rows["Target"].new, rows["Target"].changed) == ("4.50", "5", True)
    assert rows["Specific goal"].changed is False
    assert rows["Social-media objective"].old == "Families"
    assert response.text.count("Changed</span>") == comparison.changes
    client.cookies["django_language"] = "fr"
    french = client.get(address, HTTP_ACCEPT_LANGUAGE="fr")
    rows = {row.label: row for row in french.context["comparisons"][0].rows}
    assert (rows["Cible"].old, rows["Indicateur"].old) == ("4,50", "Abonnés")


def test_revisions_page_without_revisions_says_so(client_as, goal):
    response = client_as(Role.VIEWER).get(url("planner:goal_revisions", goal.plan, goal_pk=goal.pk))
    assert "No approved revision was kept yet." in response.text


# The review queue ---------------------------------------------------------------------------------


def queue(client, org, **query):
    return client.get(url("planner:review_queue", org), query)


def make_submitted(plan, by, *, days_ago=0, **fields):
    goal = GoalFactory(plan=plan, **fields)
    submitted(goal, by)
    GoalTransition.objects.filter(goal=goal).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return goal


def test_the_queue_lists_submitted_goals_oldest_first(client_as, member, org, plan):
    author = member(Role.EDITOR)
    recent = make_submitted(plan, author, days_ago=1, statement="Recent")
    oldest = make_submitted(plan, author, days_ago=9, statement="Oldest")
    GoalFactory(plan=plan, statement="Still a draft")
    other = make_submitted(
        PlanFactory(), MembershipFactory(role=Role.EDITOR), statement="Elsewhere"
    )
    response = queue(client_as(Role.MANAGER), org)
    assert list(response.context["goals"]) == [oldest, recent]
    assert "Still a draft" not in response.text and other.statement not in response.text
    assert list(queue(client_as(Role.VIEWER), org, sort="newest").context["goals"]) == [
        recent,
        oldest,
    ]


def test_the_queue_filters_by_status_plan_and_owner(client_as, member, org, plan):
    author = member(Role.EDITOR)
    other_plan = PlanFactory(organization=org, title="Archives week")
    first = make_submitted(plan, author, owner=author.user)
    second = make_submitted(other_plan, author)
    changes = make_submitted(plan, author)
    goal_review(
        goal=changes,
        name="request_changes",
        member=member(Role.MANAGER),
        comment="Why",
        version=changes.version,
    )
    client = client_as(Role.MANAGER)
    assert set(queue(client, org).context["goals"]) == {first, second}
    assert list(queue(client, org, status="changes_requested").context["goals"]) == [changes]
    assert set(queue(client, org, status="open").context["goals"]) == {first, second, changes}
    assert set(queue(client, org, plan=str(other_plan.pk)).context["goals"]) == {second}
    assert set(queue(client, org, plan="hostile").context["goals"]) == {first, second}


def test_the_owner_filter_appears_with_two_owners(client_as, member, org, plan):
    author, owner = member(Role.EDITOR), member(Role.EDITOR)
    mine = make_submitted(plan, author, owner=author.user)
    make_submitted(plan, author, owner=owner.user)
    client = client_as(Role.MANAGER)
    assert list(queue(client, org, owner=str(author.user_id)).context["goals"]) == [mine]


def test_the_queue_lists_plans_in_review(client_as, org, plan):
    in_review = PlanFactory(organization=org, title="Plan to approve")
    type(in_review).objects.filter(pk=in_review.pk).update(status="in_review")
    response = queue(client_as(Role.MANAGER), org)
    assert list(response.context["plans_in_review"]) == [in_review]
    assert "Plan to approve" in response.text


def test_the_empty_queue_says_so(client_as, org):
    response = queue(client_as(Role.MANAGER), org)
    assert "Nothing awaits a review" in response.text
    filtered = queue(client_as(Role.MANAGER), org, status="changes_requested")
    assert "Nothing matches these filters." in filtered.text


def test_the_queue_reads_a_constant_number_of_queries(client_as, member, org):
    client = client_as(Role.MANAGER)
    plans = [PlanFactory(organization=org) for _ in range(3)]

    authors = [member(Role.EDITOR) for _ in range(10)]

    def grow(n):
        for i in range(n):
            author = authors[i % 10]
            make_submitted(plans[i % 3], author, owner=author.user)

    def measure():
        with CaptureQueriesContext(connection) as queries:
            assert queue(client, org, status="open").status_code == 200
        return len(queries)

    grow(3)
    measure()  # the first request after login also saves the session
    small = measure()
    grow(297)  # 300 goals awaiting review, from ten authors across three plans
    assert measure() == small
