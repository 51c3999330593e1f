"""The planner's activity-log verbs (see ``accounts/activity.py``)."""

from django.utils.translation import gettext_lazy as _

from accounts.activity import activity

from .models import PLAN_WORKFLOW, Plan
from .suggestions import suggestion_label


def status_label(code: str) -> str:
    return str(Plan.Status(code).label) if code in Plan.Status.values else str(code)


activity.register("plan.create", _("Plan “%(title)s” created"))
activity.register("plan.update", _("Plan “%(title)s” updated"))
activity.register("plan.delete", _("Plan “%(title)s” deleted"))
activity.register("plan.duplicate", _("Plan “%(title)s” created from “%(source)s”"))
# ``plan_transition`` logs "plan.<transition name>" with the status reached; "activate" and
# "to_draft" are transitions of earlier versions, still named by old entries (their "active"
# status became "approved" in planner/0007).
for name in (*PLAN_WORKFLOW.transitions, "activate", "to_draft"):
    activity.register(f"plan.{name}", _("Plan “%(title)s”: %(status)s"), status=status_label)


# Step 1: a line of the register is named by the team's own title when it has one, else by
# its suggestion's code, read as the suggestion's label in the reader's language.
#: verb → (sentence with the team's title, sentence with the suggestion).
REGISTER_SENTENCES = {
    "benefit.create": (
        _("Benefit “%(label)s” added to “%(plan)s”"),
        _("Benefit “%(suggestion)s” added to “%(plan)s”"),
    ),
    "benefit.update": (
        _("Benefit “%(label)s” of “%(plan)s” updated"),
        _("Benefit “%(suggestion)s” of “%(plan)s” updated"),
    ),
    "benefit.delete": (
        _("Benefit “%(label)s” removed from “%(plan)s”"),
        _("Benefit “%(suggestion)s” removed from “%(plan)s”"),
    ),
    "risk.create": (
        _("Risk “%(label)s” added to “%(plan)s”"),
        _("Risk “%(suggestion)s” added to “%(plan)s”"),
    ),
    "risk.update": (
        _("Risk “%(label)s” of “%(plan)s” updated"),
        _("Risk “%(suggestion)s” of “%(plan)s” updated"),
    ),
    "risk.delete": (
        _("Risk “%(label)s” removed from “%(plan)s”"),
        _("Risk “%(suggestion)s” removed from “%(plan)s”"),
    ),
}


def _register_sentence(own, suggested):
    return lambda params: own if params.get("label") else suggested


def _suggestion_formatter(kind: str):
    return lambda code: suggestion_label(kind, code)


for _verb, (_own, _suggested) in REGISTER_SENTENCES.items():
    activity.register(
        _verb,
        _register_sentence(_own, _suggested),
        suggestion=_suggestion_formatter(_verb.split(".")[0]),
    )
# Step 2: the objective cascade and its SMART goals.
activity.register("objective.create", _("Objective “%(objective)s” added to “%(plan)s”"))
activity.register("objective.update", _("Objective “%(objective)s” of “%(plan)s” updated"))
activity.register("objective.delete", _("Objective “%(objective)s” deleted from “%(plan)s”"))
activity.register("goal.create", _("SMART goal “%(goal)s” added to “%(plan)s”"))
activity.register("goal.update", _("SMART goal “%(goal)s” of “%(plan)s” updated"))
activity.register("goal.delete", _("SMART goal “%(goal)s” deleted from “%(plan)s”"))
activity.register("goal.template", _("The deck's example (“%(objective)s”) added to “%(plan)s”"))
# Goal review (``planner.services.review.goal_review``): "goal.<transition name>".
activity.register("goal.submit", _("Goal “%(goal)s” (plan “%(plan)s”) submitted for review"))
activity.register("goal.withdraw", _("Goal “%(goal)s” (plan “%(plan)s”) withdrawn from review"))
activity.register("goal.approve", _("Goal “%(goal)s” (plan “%(plan)s”) approved"))
activity.register(
    "goal.request_changes", _("Changes requested on the goal “%(goal)s” (plan “%(plan)s”)")
)
