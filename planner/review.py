"""The manager's review of SMART goals: the workflow, declared once.

An editor submits a goal (from draft, or after changes were requested), or withdraws their own
submission; a manager or an administrator approves it or requests changes, saying why. Each
step is a ``GoalTransition`` carrying the goal's revision, so the timeline spans revisions
(an approved goal that is edited goes back to draft as revision n + 1, its approved fields kept
in ``GoalRevision``). ``planner.services.review.goal_review`` applies a step: it refuses a
decision made on a page older than the goal (``Goal.version``), then calls ``GOAL_WORKFLOW``.

The workflow lives here rather than in ``models/objectives.py`` because it is the review's
rule, not the goal's data; the history model stays with the goal.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.workflow import Transition, Workflow

from .models import Goal, GoalTransition

_S = Goal.Status


def _goal_transition(*, goal: Goal, **fields) -> GoalTransition:
    """The history row of a step, stamped with the revision the step was taken on.

    ``Workflow.apply`` builds its record by calling ``history(goal=..., transition=..., ...)``;
    a function in place of the class adds the revision without a second write.
    """
    return GoalTransition(goal=goal, revision=goal.revision, **fields)


#: Not a workflow transition: editing an approved goal reopens it as a draft of a new revision
#: (``goal_update``), kept in the timeline under this name.
REOPEN = "reopen"
REOPEN_LABEL = _("Edited after approval: new revision")

GOAL_WORKFLOW = Workflow(
    transitions={
        "submit": Transition(
            (_S.DRAFT, _S.CHANGES_REQUESTED), _S.SUBMITTED, _("Submit for review"), "edit_plan"
        ),
        "withdraw": Transition(
            (_S.SUBMITTED,), _S.DRAFT, _("Withdraw the submission"), "edit_plan"
        ),
        "approve": Transition((_S.SUBMITTED,), _S.APPROVED, _("Approve"), "review_plan"),
        "request_changes": Transition(
            (_S.SUBMITTED,),
            _S.CHANGES_REQUESTED,
            _("Request changes"),
            "review_plan",
            comment_required=True,
        ),
    },
    history=_goal_transition,
    fk="goal",
)

#: Steps only the goal's author may take (besides the transition's own predicate).
AUTHOR_ONLY = frozenset({"withdraw"})
#: Steps that decide on a submission: their author and the goal's owner are told.
DECISIONS = frozenset({"approve", "request_changes"})


def is_author(goal: Goal, member) -> bool:
    return (
        member is not None
        and goal.created_by_id is not None
        and (goal.created_by_id == member.user_id)
    )


def goal_transitions_available(goal: Goal, member) -> list[tuple[str, Transition]]:
    """The review steps this member may take on the goal now (the panel's buttons)."""
    return [
        (name, transition)
        for name, transition in GOAL_WORKFLOW.available(goal, member)
        if name not in AUTHOR_ONLY or is_author(goal, member)
    ]


def status_label(code: str) -> str:
    """A stored status code as its current label (the code itself if it is gone)."""
    return str(_S(code).label) if code in _S.values else str(code)


def goal_page_url(goal: Goal) -> str:
    """The goal's own page, where the review panel is."""
    return reverse(
        "planner:goal_detail",
        kwargs={
            "org_slug": goal.plan.organization.slug,
            "plan_pk": goal.plan_id,
            "goal_pk": goal.pk,
        },
    )
