"""The completion rules of the plan overview (pure: counts in, states and sentences out)."""

import pytest
from django.utils import translation

from planner.completion import (
    PlanCounts,
    State,
    benefits_state,
    evaluation_state,
    first_incomplete,
    objectives_state,
    plan_completion,
    platforms_state,
)

C, P, N = State.COMPLETE, State.IN_PROGRESS, State.NOT_STARTED


@pytest.mark.parametrize(
    ("counts", "state"),
    [
        ({}, N),
        ({"benefits": 1}, P),
        ({"risks": 1}, P),
        ({"benefits": 2, "risks": 1}, P),  # fewer than three benefits
        ({"benefits": 3}, P),  # no risk
        ({"benefits": 3, "risks": 2, "unmitigated_risks": 1}, P),  # a risk without mitigation
        ({"benefits": 3, "risks": 1}, C),
        ({"benefits": 8, "risks": 4, "high_risks": 2}, C),
    ],
)
def test_step_1(counts, state):
    assert benefits_state(PlanCounts(**counts)) == state


CHAIN = {"objectives": 3, "chains": 1}


@pytest.mark.parametrize(
    ("counts", "state"),
    [
        ({}, N),
        ({"objectives": 1}, P),  # an organisational objective alone
        (CHAIN, P),  # no goal
        ({"objectives": 2, "goals": 1, "goals_approved": 1}, P),  # no full chain
        ({**CHAIN, "goals": 2, "goals_approved": 1, "goals_submitted": 1}, P),
        ({**CHAIN, "goals": 1, "goals_changes_requested": 1}, P),
        ({**CHAIN, "goals": 1}, P),  # a draft
        ({**CHAIN, "goals": 2, "goals_approved": 2}, C),
    ],
)
def test_step_2(counts, state):
    assert objectives_state(PlanCounts(**counts)) == state


@pytest.mark.parametrize(
    ("counts", "state"),
    [
        ({}, N),
        ({"has_audience": True}, P),
        ({"platforms": 2}, P),
        ({"has_audience": True, "platforms": 1}, C),
    ],
)
def test_step_3(counts, state):
    assert platforms_state(PlanCounts(**counts)) == state


@pytest.mark.parametrize(
    ("counts", "state"),
    [
        ({}, N),
        ({"goals": 4}, N),
        ({"goals_with_figures": 1}, P),
        ({"lessons_written": True}, P),
        ({"goals_with_figures": 2, "lessons_written": True}, C),
    ],
)
def test_step_7(counts, state):
    assert evaluation_state(PlanCounts(**counts)) == state


def test_step_7_summary_and_what_is_left():
    with translation.override("en"):
        empty = plan_completion(PlanCounts())[7]
        assert empty.summary == "No goal measured yet, no lessons learned yet"
        assert empty.todo == (
            "Enter the statistics of a SMART goal's channels and period",
            "Write the lessons learned",
        )
        done = plan_completion(PlanCounts(goals_with_figures=2, lessons_written=True))[7]
        assert (done.summary, done.todo) == ("2 goals measured, lessons learned written", ())


def test_steps_4_to_6_are_not_available_and_the_first_incomplete_step_comes_next():
    done = PlanCounts(benefits=3, risks=1, **CHAIN, goals=1, goals_approved=1, has_audience=True)
    completion = plan_completion(done)
    expected = [C, C, P] + [State.UNAVAILABLE] * 3 + [State.NOT_STARTED]
    assert [completion[n].state for n in range(1, 8)] == expected
    assert completion[4].summary == "" and completion[4].todo == ()
    assert first_incomplete(completion) == 3
    assert first_incomplete(plan_completion(PlanCounts(platforms=1, has_audience=True))) == 1
    complete = plan_completion(
        PlanCounts(
            benefits=3, risks=1, **CHAIN, goals=1, goals_approved=1, has_audience=True, platforms=1
        )
    )
    assert first_incomplete(complete) == 4


def test_summaries_and_what_is_left_in_english_and_french():
    counts = PlanCounts(
        benefits=5,
        risks=3,
        high_risks=1,
        unmitigated_risks=1,
        **CHAIN,
        goals=7,
        goals_submitted=2,
        goals_approved=4,
        goals_changes_requested=0,
    )
    with translation.override("en"):
        completion = plan_completion(counts)
        assert completion[1].summary == "5 benefits, 3 risks (1 high, 1 without mitigation)"
        assert completion[1].todo == ("Say how to reduce 1 risk",)
        assert completion[2].summary == "7 goals: 2 awaiting review, 4 approved, 1 draft"
        assert completion[2].todo == (
            "2 goals awaiting a manager's review",
            "Submit 1 goal for review",
        )
        assert completion[3].summary == "Audience not described, 0 platforms chosen"
        empty = plan_completion(PlanCounts())
        assert (empty[1].summary, empty[2].summary) == (
            "Nothing in the register yet",
            "No objective yet",
        )
        assert empty[1].todo == ("Add 3 more benefits", "Name at least one risk")
    with translation.override("fr"):
        completion = plan_completion(counts)
        assert completion[2].summary == (
            "7 objectifs SMART\u00a0: 2 en attente de validation, 4 approuvés, 1 brouillon"
        )
        assert completion[1].label == "En cours"
