"""How far a plan is in each step, from counts of what the step holds (pure: no database).

``planner.selectors.plan`` annotates the counts on the plan in the same query
(``plan_counts(plan)`` reads them); ``plan_completion(counts)`` gives each step's state and a
one-line summary. The rules (also in the README):

======  ==============================================================  ====================
Step    Complete when                                                   In progress when
======  ==============================================================  ====================
1       ≥ 3 benefits, ≥ 1 risk, and every risk has a mitigation         anything is listed
2       ≥ 1 organisational → marketing → social-media chain, ≥ 1        any objective or
        SMART goal, and every goal approved by a manager                goal exists
3       the audience is described and ≥ 1 platform is chosen            either one is done
4–6     never: these steps are not built yet ("not available yet")
7       ≥ 1 SMART goal has figures in its scope and period, and the     either one
        lessons learned are written
======  ==============================================================  ====================

Otherwise a step is *not started*. Every goal counts as SMART: its form requires the specific
statement, the metric, the target and the dates. A risk is *high* from a severity
(likelihood × impact) of ``HIGH_SEVERITY``.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .suggestions import BANDS

#: Benefits a complete step 1 names at least.
MIN_BENEFITS = 3
#: Likelihood × impact from which a risk counts as high: the heat map's "high" band and up
#: (``planner.suggestions.BANDS``), so the step's card and the map agree.
HIGH_SEVERITY = {code: top for code, _label, top in BANDS}["medium"] + 1


class State(models.TextChoices):
    NOT_STARTED = "not_started", gettext_lazy("Not started")
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    COMPLETE = "complete", gettext_lazy("Complete")
    UNAVAILABLE = "unavailable", gettext_lazy("Not available yet")


@dataclass(frozen=True)
class PlanCounts:
    """What the rules read of a plan's steps."""

    benefits: int = 0
    risks: int = 0
    high_risks: int = 0
    unmitigated_risks: int = 0
    objectives: int = 0
    #: Social-media objectives below a marketing objective below an organisational one.
    chains: int = 0
    goals: int = 0
    goals_submitted: int = 0
    goals_changes_requested: int = 0
    goals_approved: int = 0
    has_audience: bool = False
    platforms: int = 0
    #: Step 7: goals on a measured metric with statistics in their scope and period.
    goals_with_figures: int = 0
    lessons_written: bool = False

    @property
    def goals_draft(self) -> int:
        return (
            self.goals - self.goals_submitted - self.goals_changes_requested - self.goals_approved
        )


@dataclass(frozen=True)
class StepCompletion:
    number: int
    state: State
    #: One line for the step's card ("5 benefits, 3 risks (1 high)"); empty for 4–7.
    summary: str = ""
    #: What is left before the step is complete, one sentence each.
    todo: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.state.label

    @property
    def complete(self) -> bool:
        return self.state == State.COMPLETE


def benefits_state(c: PlanCounts) -> State:
    if c.benefits >= MIN_BENEFITS and c.risks >= 1 and c.unmitigated_risks == 0:
        return State.COMPLETE
    return State.IN_PROGRESS if c.benefits or c.risks else State.NOT_STARTED


def objectives_state(c: PlanCounts) -> State:
    if c.chains >= 1 and c.goals >= 1 and c.goals_approved == c.goals:
        return State.COMPLETE
    return State.IN_PROGRESS if c.objectives or c.goals else State.NOT_STARTED


def platforms_state(c: PlanCounts) -> State:
    if c.has_audience and c.platforms:
        return State.COMPLETE
    return State.IN_PROGRESS if c.has_audience or c.platforms else State.NOT_STARTED


def benefits_summary(c: PlanCounts) -> str:
    if not (c.benefits or c.risks):
        return _("Nothing in the register yet")
    details = []
    if c.high_risks:
        details.append(ngettext("%(n)d high", "%(n)d high", c.high_risks) % {"n": c.high_risks})
    if c.unmitigated_risks:
        n = c.unmitigated_risks
        details.append(
            ngettext("%(n)d without mitigation", "%(n)d without mitigation", n) % {"n": n}
        )
    risks = ngettext("%(n)d risk", "%(n)d risks", c.risks) % {"n": c.risks}
    if details:
        risks = _("%(risks)s (%(details)s)") % {"risks": risks, "details": ", ".join(details)}
    benefits = ngettext("%(n)d benefit", "%(n)d benefits", c.benefits) % {"n": c.benefits}
    return _("%(benefits)s, %(risks)s") % {"benefits": benefits, "risks": risks}


def objectives_summary(c: PlanCounts) -> str:
    if not c.goals:
        if not c.objectives:
            return _("No objective yet")
        n = c.objectives
        return ngettext("%(n)d objective, no goal yet", "%(n)d objectives, no goal yet", n) % {
            "n": n
        }
    counted = (
        (
            c.goals_submitted,
            ngettext("%(n)d awaiting review", "%(n)d awaiting review", c.goals_submitted),
        ),
        (
            c.goals_changes_requested,
            ngettext("%(n)d to revise", "%(n)d to revise", c.goals_changes_requested),
        ),
        (c.goals_approved, ngettext("%(n)d approved", "%(n)d approved", c.goals_approved)),
        (c.goals_draft, ngettext("%(n)d draft", "%(n)d drafts", c.goals_draft)),
    )
    parts = [text % {"n": n} for n, text in counted if n]
    goals = ngettext("%(n)d goal", "%(n)d goals", c.goals) % {"n": c.goals}
    return _("%(goals)s: %(details)s") % {"goals": goals, "details": ", ".join(parts)}


def benefits_todo(c: PlanCounts) -> tuple[str, ...]:
    todo = []
    if c.benefits < MIN_BENEFITS:
        n = MIN_BENEFITS - c.benefits
        todo.append(ngettext("Add %(n)d more benefit", "Add %(n)d more benefits", n) % {"n": n})
    if not c.risks:
        todo.append(_("Name at least one risk"))
    if c.unmitigated_risks:
        n = c.unmitigated_risks
        todo.append(
            ngettext("Say how to reduce %(n)d risk", "Say how to reduce %(n)d risks", n) % {"n": n}
        )
    return tuple(todo)


def objectives_todo(c: PlanCounts) -> tuple[str, ...]:
    todo = []
    if not c.chains:
        todo.append(
            _(
                "Link an organisational, a marketing and a social-media objective, "
                "each below the last"
            )
        )
    if not c.goals:
        todo.append(_("Write a SMART goal"))
    if c.goals_submitted:
        n = c.goals_submitted
        todo.append(
            ngettext(
                "%(n)d goal awaiting a manager's review",
                "%(n)d goals awaiting a manager's review",
                n,
            )
            % {"n": n}
        )
    unsent = c.goals_draft + c.goals_changes_requested
    if unsent:
        todo.append(
            ngettext("Submit %(n)d goal for review", "Submit %(n)d goals for review", unsent)
            % {"n": unsent}
        )
    return tuple(todo)


def platforms_todo(c: PlanCounts) -> tuple[str, ...]:
    todo = []
    if not c.has_audience:
        todo.append(_("Describe the audience"))
    if not c.platforms:
        todo.append(_("Choose at least one platform"))
    return tuple(todo)


def platforms_summary(c: PlanCounts) -> str:
    audience = _("Audience described") if c.has_audience else _("Audience not described")
    chosen = ngettext("%(n)d platform chosen", "%(n)d platforms chosen", c.platforms) % {
        "n": c.platforms
    }
    return _("%(audience)s, %(platforms)s") % {"audience": audience, "platforms": chosen}


def evaluation_state(c: PlanCounts) -> State:
    if c.goals_with_figures and c.lessons_written:
        return State.COMPLETE
    return State.IN_PROGRESS if c.goals_with_figures or c.lessons_written else State.NOT_STARTED


def evaluation_summary(c: PlanCounts) -> str:
    n = c.goals_with_figures
    goals = (
        ngettext("%(n)d goal measured", "%(n)d goals measured", n) % {"n": n}
        if n
        else _("No goal measured yet")
    )
    lessons = _("lessons learned written") if c.lessons_written else _("no lessons learned yet")
    return _("%(goals)s, %(lessons)s") % {"goals": goals, "lessons": lessons}


def evaluation_todo(c: PlanCounts) -> tuple[str, ...]:
    todo = []
    if not c.goals_with_figures:
        todo.append(_("Enter the statistics of a SMART goal's channels and period"))
    if not c.lessons_written:
        todo.append(_("Write the lessons learned"))
    return tuple(todo)


#: The rules of the steps that exist: (state, summary, what is left) by step number.
RULES = {
    1: (benefits_state, benefits_summary, benefits_todo),
    2: (objectives_state, objectives_summary, objectives_todo),
    3: (platforms_state, platforms_summary, platforms_todo),
    7: (evaluation_state, evaluation_summary, evaluation_todo),
}


def plan_completion(counts: PlanCounts) -> dict[int, StepCompletion]:
    """Each of the seven steps' completion, by step number."""
    completion = {}
    for number in range(1, 8):
        if number in RULES:
            state, summary, todo = RULES[number]
            completion[number] = StepCompletion(
                number, state(counts), summary(counts), todo(counts)
            )
        else:
            completion[number] = StepCompletion(number, State.UNAVAILABLE)
    return completion


def first_incomplete(completion: dict[int, StepCompletion]) -> int:
    """The first step that is not complete (the first unavailable one when all others are)."""
    return next(number for number, step in sorted(completion.items()) if not step.complete)
