"""The SMART checklist's rules (planner/smart.py): pure, no database."""

from datetime import date
from decimal import Decimal

import pytest

from planner.smart import GoalFacts, smart_checklist

TODAY = date(2026, 3, 1)
CHAIN = (
    ("social_media", "Promote each programme with Facebook events"),
    ("marketing", "Promote the programmes"),
    ("organisation", "Bring people in"),
)


def facts(**changes) -> GoalFacts:
    values = {
        "statement": "Create 5 events a month on Facebook",
        "metric": "events_created",
        "metric_label": "Events created",
        "baseline": Decimal(2),
        "target": Decimal(5),
        "unit": "events a month",
        "starts_on": date(2026, 3, 1),
        "deadline": date(2026, 9, 1),
        "chain": CHAIN,
        "plan_starts_on": date(2026, 1, 1),
        "plan_ends_on": date(2026, 12, 31),
        "today": TODAY,
    }
    return GoalFacts(**{**values, **changes})


def letter(checklist, name):
    return next(c for c in checklist if c.letter == name)


def test_a_complete_goal_meets_the_five_letters_and_says_so_briefly():
    checklist = smart_checklist(facts())
    assert [c.letter for c in checklist] == ["S", "M", "A", "R", "T"]
    assert checklist.all_met and checklist.summary() == "5 of 5 SMART criteria met"
    assert "from 2 to 5 events a month" in letter(checklist, "M").reason


@pytest.mark.parametrize(
    ("statement", "met", "why"),
    [
        ("More events", False, "at least 15 characters"),
        ("Things to be better soon", False, "still vague"),
        ("Be more present on Instagram", True, "Instagram"),
        ("Créer cinq rendez-vous chaque mois", True, "concrete action"),
        ("Publish the programme every week", True, "concrete action"),
    ],
)
def test_specific_needs_length_and_a_place_or_an_action(statement, met, why):
    criterion = letter(smart_checklist(facts(statement=statement)), "S")
    assert criterion.met is met and why in criterion.reason


def test_specific_accepts_the_chosen_channel_named_in_the_statement():
    criterion = letter(
        smart_checklist(
            facts(
                statement="Better pictures on Médiathèque Nord", scope_names=("Médiathèque Nord",)
            )
        ),
        "S",
    )
    assert criterion.met and "Médiathèque Nord" in criterion.reason


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"metric": ""}, "Choose the metric"),
        ({"metric": "custom", "custom_metric": " "}, "needs a name"),
        ({"target": None}, "as a number"),
        ({"target": Decimal(2)}, "equals the baseline"),
    ],
)
def test_measurable_refusals_say_why(changes, why):
    criterion = letter(smart_checklist(facts(**changes)), "M")
    assert not criterion.met and why in criterion.reason


def test_measurable_names_a_custom_metric():
    criterion = letter(
        smart_checklist(facts(metric="custom", custom_metric="Shares per event")), "M"
    )
    assert criterion.met and criterion.reason.startswith("Shares per event")


@pytest.mark.parametrize(
    ("baseline", "target", "met", "why"),
    [
        (Decimal(2), Decimal(20), True, "within 10 times"),
        (Decimal(2), Decimal("20.01"), False, "more than 10 times the baseline"),
        (Decimal(100), Decimal(5), False, "aim for a smaller drop"),
        (Decimal(0), Decimal(5), True, "Starting from zero"),
        (None, Decimal(5), False, "Give a baseline"),
        (Decimal(-1), Decimal(5), False, "below zero"),
    ],
)
def test_achievable_keeps_the_target_within_a_plausible_ratio(baseline, target, met, why):
    criterion = letter(smart_checklist(facts(baseline=baseline, target=target)), "A")
    assert criterion.met is met and why in criterion.reason


@pytest.mark.parametrize(
    ("chain", "why"),
    [
        ((), "Attach the goal"),
        ((("marketing", "Promote"),), "not a social-media objective"),
        ((("social_media", "Events"), ("marketing", "Promote")), "organisational objective"),
    ],
)
def test_relevant_needs_the_cascade_up_to_the_organisation(chain, why):
    criterion = letter(smart_checklist(facts(chain=chain)), "R")
    assert not criterion.met and why in criterion.reason


def test_relevant_names_the_chain():
    criterion = letter(smart_checklist(facts()), "R")
    assert criterion.met and "“Promote the programmes” → “Bring people in”" in criterion.reason


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"deadline": None}, "Give a start date and a deadline"),
        ({"deadline": date(2026, 2, 1)}, "before the start"),
        ({"today": date(2026, 10, 1)}, "has passed"),
        ({"deadline": date(2027, 1, 15)}, "beyond the plan's period"),
        ({"starts_on": date(2025, 12, 1)}, "beyond the plan's period"),
    ],
)
def test_time_bound_refusals_say_why(changes, why):
    criterion = letter(smart_checklist(facts(**changes)), "T")
    assert not criterion.met and why in criterion.reason


def test_time_bound_without_a_plan_period_says_it_could_not_check():
    criterion = letter(smart_checklist(facts(plan_starts_on=None, plan_ends_on=None)), "T")
    assert criterion.met and "no period" in criterion.reason


def test_an_empty_form_meets_nothing_and_the_summary_counts():
    checklist = smart_checklist(GoalFacts(today=TODAY))
    assert checklist.met_count == 0
    assert checklist.summary() == "0 of 5 SMART criteria met"
