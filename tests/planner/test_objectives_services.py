"""Step 2's writes: the cascade's rules, a goal's rules (each with its code), the deck's example,
revisions of an approved goal and the stale-version refusal."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import ActivityEntry
from planner.models import Goal, GoalRevision, Objective
from planner.services import objectives as services
from tests.factories import (
    ChannelFactory,
    GoalFactory,
    MembershipFactory,
    ObjectiveFactory,
    PlanFactory,
    PlatformFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def codes(caught, field):
    return [e.code for e in caught.value.error_dict[field]]


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, title="Programmation 2026")


@pytest.fixture
def editor(member):
    return member().user


@pytest.fixture
def social(plan):
    return ObjectiveFactory(plan=plan)


def goal_data(social, **changes):
    today = timezone.localdate()
    return {
        "objective": social,
        "statement": "Create 5 events a month on Facebook",
        "metric": "events_created",
        "custom_metric": "",
        "platform": None,
        "channel": None,
        "baseline": Decimal(2),
        "target": Decimal(5),
        "unit": "events a month",
        "starts_on": today,
        "deadline": today + timedelta(days=90),
        "owner": None,
        **changes,
    }


# The cascade -----------------------------------------------------------------------------------


def test_the_cascade_is_built_level_by_level_and_logged(plan, editor):
    top = services.objective_create(plan=plan, level="organisation", actor=editor, title="Reach")
    mkt = services.objective_create(
        plan=plan, level="marketing", actor=editor, parent=top, title="Promote"
    )
    sm = services.objective_create(
        plan=plan, level="social_media", actor=editor, parent=mkt, title="Events"
    )
    assert (sm.parent.parent, top.parent) == (top, None)
    entry = ActivityEntry.objects.filter(verb="objective.create").latest("pk")
    assert entry.params == {"objective": "Events", "plan": "Programmation 2026"}


@pytest.mark.parametrize(
    ("level", "parent_level", "code"),
    [
        ("organisation", "organisation", "parent_not_allowed"),
        ("marketing", None, "parent_required"),
        ("marketing", "marketing", "parent_level"),
        ("social_media", "organisation", "parent_level"),
        ("social_media", None, "parent_required"),
    ],
)
def test_each_level_hangs_under_the_level_above(plan, editor, level, parent_level, code):
    parent = None
    if parent_level:
        parent = ObjectiveFactory(plan=plan, level=parent_level, parent=None)
        if parent_level == "marketing":
            parent.parent = ObjectiveFactory(plan=plan, level="organisation", parent=None)
            parent.save()
    with pytest.raises(ValidationError) as caught:
        services.objective_create(plan=plan, level=level, actor=editor, parent=parent, title="X")
    assert codes(caught, "parent") == [code]
    assert "contributes to" in caught.value.messages[0] or "no parent" in caught.value.messages[0]


def test_the_parent_belongs_to_the_same_plan(plan, org, editor):
    elsewhere = ObjectiveFactory(plan=PlanFactory(organization=org), level="organisation")
    with pytest.raises(ValidationError) as caught:
        services.objective_create(
            plan=plan, level="marketing", actor=editor, parent=elsewhere, title="X"
        )
    assert codes(caught, "parent") == ["parent_plan"]


def test_deleting_an_objective_takes_its_children_and_goals(plan, editor):
    goal = GoalFactory(plan=plan)
    top = goal.objective.parent.parent
    services.objective_delete(objective=top, actor=editor)
    assert not Objective.objects.filter(plan=plan).exists()
    assert not Goal.objects.filter(pk=goal.pk).exists()
    assert ActivityEntry.objects.filter(verb="objective.delete").exists()


# Goals -----------------------------------------------------------------------------------------


def test_a_goal_is_created_as_a_draft_and_logged(plan, social, editor):
    goal = services.goal_create(plan=plan, actor=editor, **goal_data(social))
    assert (goal.status, goal.revision, goal.version) == ("draft", 1, 1)
    entry = ActivityEntry.objects.get(verb="goal.create")
    assert entry.params == {"goal": goal.statement[:80], "plan": plan.title}


@pytest.mark.parametrize(
    ("changes", "field", "code", "words"),
    [
        ({"metric": ""}, "metric", "metric_required", "Choose the metric"),
        ({"metric": "custom"}, "custom_metric", "custom_metric_required", "needs a name"),
        ({"target": None}, "target", "target_required", "as a number"),
        ({"target": Decimal(2)}, "target", "target_equals_baseline", "equals the baseline"),
        (
            {
                "deadline": timezone.localdate() + timedelta(days=1),
                "starts_on": timezone.localdate() + timedelta(days=5),
            },
            "deadline",
            "deadline_before_start",
            "before the start",
        ),
        ({"deadline": timezone.localdate()}, "deadline", "deadline_past", "in the future"),
    ],
)
def test_each_goal_rule_has_its_message_and_code(plan, social, editor, changes, field, code, words):
    with pytest.raises(ValidationError) as caught:
        services.goal_create(plan=plan, actor=editor, **goal_data(social, **changes))
    assert code in codes(caught, field)
    assert any(words in m for m in caught.value.message_dict[field])


def test_dates_stay_inside_the_plan_period(org, editor):
    plan = PlanFactory(organization=org, starts_on=date(2030, 1, 1), ends_on=date(2030, 6, 30))
    social = ObjectiveFactory(plan=plan)
    data = goal_data(social, starts_on=date(2029, 12, 1), deadline=date(2030, 7, 1))
    with pytest.raises(ValidationError) as caught:
        services.goal_create(plan=plan, actor=editor, **data)
    assert codes(caught, "starts_on") == ["start_outside_plan"]
    assert codes(caught, "deadline") == ["deadline_outside_plan"]
    assert (
        "1 January 2030" in caught.value.message_dict["deadline"][0]
        or "2030" in (caught.value.message_dict["deadline"][0])
    )


def test_a_goal_hangs_under_a_social_media_objective_of_its_plan(plan, org, editor):
    marketing = ObjectiveFactory(plan=plan, level="marketing", parent=None)
    with pytest.raises(ValidationError) as caught:
        services.goal_create(plan=plan, actor=editor, **goal_data(marketing))
    assert codes(caught, "objective") == ["objective_level"]
    other = ObjectiveFactory(plan=PlanFactory(organization=org))
    with pytest.raises(ValidationError) as caught:
        services.goal_create(plan=plan, actor=editor, **goal_data(other))
    assert codes(caught, "objective") == ["objective_plan"]


def test_the_channel_is_the_organisations_and_on_the_chosen_platform(plan, social, org, editor):
    other_channel = ChannelFactory()
    with pytest.raises(ValidationError) as caught:
        services.goal_create(plan=plan, actor=editor, **goal_data(social, channel=other_channel))
    assert codes(caught, "channel") == ["channel_org"]
    ours = ChannelFactory(organization=org)
    with pytest.raises(ValidationError) as caught:
        services.goal_create(
            plan=plan,
            actor=editor,
            **goal_data(social, channel=ours, platform=PlatformFactory()),
        )
    assert codes(caught, "channel") == ["channel_platform"]
    goal = services.goal_create(
        plan=plan, actor=editor, **goal_data(social, channel=ours, platform=ours.platform)
    )
    assert goal.channel == ours


def test_the_owner_is_a_member(plan, social, editor):
    with pytest.raises(ValidationError) as caught:
        services.goal_create(plan=plan, actor=editor, **goal_data(social, owner=UserFactory()))
    assert codes(caught, "owner") == ["owner_member"]


def test_a_custom_metric_name_is_dropped_for_a_listed_metric(plan, social, editor):
    goal = services.goal_create(
        plan=plan, actor=editor, **goal_data(social, custom_metric="Shares")
    )
    assert goal.custom_metric == ""


# Updates, revisions, versions ------------------------------------------------------------------


def test_any_update_increments_the_version_and_a_draft_stays_a_draft(plan, social, editor):
    goal = services.goal_create(plan=plan, actor=editor, **goal_data(social))
    services.goal_update(goal=goal, actor=editor, version=1, **goal_data(social, target=6))
    goal.refresh_from_db()
    assert (goal.version, goal.revision, goal.status, goal.target) == (2, 1, "draft", 6)
    assert not GoalRevision.objects.exists()


def test_saving_without_a_change_writes_nothing(plan, social, editor):
    goal = services.goal_create(plan=plan, actor=editor, **goal_data(social))
    services.goal_update(goal=goal, actor=editor, version=1, **goal_data(social))
    goal.refresh_from_db()
    assert goal.version == 1 and not ActivityEntry.objects.filter(verb="goal.update").exists()


def test_editing_an_approved_goal_keeps_it_as_a_revision_and_returns_to_draft(plan, social, editor):
    goal = services.goal_create(plan=plan, actor=editor, **goal_data(social))
    Goal.objects.filter(pk=goal.pk).update(status="approved", version=3)
    goal.refresh_from_db()
    services.goal_update(goal=goal, actor=editor, version=3, **goal_data(social, target=8))
    goal.refresh_from_db()
    assert (goal.status, goal.revision, goal.version, goal.target) == ("draft", 2, 4, 8)
    revision = GoalRevision.objects.get(goal=goal)
    assert revision.revision == 1 and revision.created_by == editor
    assert revision.data["target"] == "5.00" and revision.data["status"] == "approved"
    assert revision.data["deadline"] == goal.deadline.isoformat()
    assert revision.data["objective"] == social.title
    # The timeline says why a goal approved yesterday is a draft today.
    from planner.selectors.review import goal_timeline

    (step,) = goal_timeline(goal)
    assert (step.record.transition, step.record.actor, step.record.revision) == (
        "reopen",
        editor,
        2,
    )
    assert (step.label, step.from_label, step.to_label) == (
        "Edited after approval: new revision",
        "Approved",
        "Draft",
    )


def test_an_update_from_an_older_version_is_refused_as_stale(plan, social, editor):
    goal = services.goal_create(plan=plan, actor=editor, **goal_data(social))
    services.goal_update(goal=goal, actor=editor, version=1, **goal_data(social, target=6))
    stale = Goal.objects.get(pk=goal.pk)
    with pytest.raises(ValidationError) as caught:
        services.goal_update(goal=stale, actor=editor, version=1, **goal_data(social, target=9))
    assert caught.value.code == "stale"
    stale.refresh_from_db()
    assert stale.target == 6


def test_deleting_a_goal_is_logged(plan, social, editor):
    goal = services.goal_create(plan=plan, actor=editor, **goal_data(social))
    services.goal_delete(goal=goal, actor=editor)
    assert not Goal.objects.exists()
    assert ActivityEntry.objects.get(verb="goal.delete").params["goal"] == goal.statement


# The deck's example ----------------------------------------------------------------------------


def test_the_decks_example_builds_the_cascade_with_its_goals_as_drafts(org, editor):
    PlatformFactory(code="facebook", name="Facebook")
    plan = PlanFactory(organization=org, starts_on=date(2030, 1, 1), ends_on=date(2030, 12, 31))
    today = date(2029, 11, 5)
    marketing = services.goal_template_apply(plan=plan, actor=editor, today=today)
    assert marketing.title == "Promote the programmes and increase the number of participants"
    assert marketing.parent.level == "organisation"
    socials = list(marketing.children.order_by("pk"))
    assert len(socials) == 3
    goals = list(Goal.objects.filter(plan=plan).order_by("pk"))
    assert len(goals) == 6 and {g.status for g in goals} == {"draft"}
    events = goals[0]
    assert (events.metric, events.target, events.unit) == ("events_created", 5, "events a month")
    assert events.platform.code == "facebook"  # in the catalogue
    assert goals[3].platform is None  # instagram is not, here
    assert goals[1].custom_metric == "Shares per event"
    # Start: the plan's start (later than today); deadline: the plan's end.
    assert (events.starts_on, events.deadline) == (date(2030, 1, 1), date(2030, 12, 31))
    assert ActivityEntry.objects.filter(verb="goal.template").count() == 1


def test_the_decks_example_goes_under_an_existing_organisational_objective(plan, editor):
    top = ObjectiveFactory(plan=plan, level="organisation", parent=None)
    today = date(2030, 1, 31)
    marketing = services.goal_template_apply(plan=plan, actor=editor, today=today)
    assert marketing.parent == top
    goal = Goal.objects.filter(plan=plan).first()
    # No plan period: today, then 6 months later (the 31st falls on the month's last day).
    assert (goal.starts_on, goal.deadline) == (today, date(2030, 7, 31))
    assert Objective.objects.filter(plan=plan, level="organisation").count() == 1


def test_the_example_in_french_uses_the_decks_words(plan, editor):
    from django.utils import translation

    with translation.override("fr"):
        marketing = services.goal_template_apply(plan=plan, actor=editor)
    assert marketing.title == "Promouvoir les animations et augmenter le nombre de participants"
    statements = set(Goal.objects.values_list("statement", flat=True))
    assert "Créer 5 événements par mois sur Facebook" in statements


def test_membership_factory_is_used(org):
    # A member of another organisation is not an owner here.
    outsider = MembershipFactory().user
    social = ObjectiveFactory(plan=PlanFactory(organization=org))
    with pytest.raises(ValidationError) as caught:
        services.goal_create(plan=social.plan, actor=outsider, **goal_data(social, owner=outsider))
    assert codes(caught, "owner") == ["owner_member"]
