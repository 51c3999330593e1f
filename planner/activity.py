"""The planner's activity-log verbs (see ``accounts/activity.py``)."""

from django.utils.translation import gettext_lazy as _

from accounts.activity import activity

from .models import PLAN_WORKFLOW, Plan


def status_label(code: str) -> str:
    return str(Plan.Status(code).label) if code in Plan.Status.values else str(code)


activity.register("plan.create", _("Plan “%(title)s” created"))
activity.register("plan.update", _("Plan “%(title)s” updated"))
activity.register("plan.delete", _("Plan “%(title)s” deleted"))
# ``plan_transition`` logs "plan.<transition name>" with the status reached.
for name in PLAN_WORKFLOW.transitions:
    activity.register(f"plan.{name}", _("Plan “%(title)s”: %(status)s"), status=status_label)

# Step 2: the objective cascade and its SMART goals.
activity.register("objective.create", _("Objective “%(objective)s” added to “%(plan)s”"))
activity.register("objective.update", _("Objective “%(objective)s” of “%(plan)s” updated"))
activity.register("objective.delete", _("Objective “%(objective)s” deleted from “%(plan)s”"))
activity.register("goal.create", _("SMART goal “%(goal)s” added to “%(plan)s”"))
activity.register("goal.update", _("SMART goal “%(goal)s” of “%(plan)s” updated"))
activity.register("goal.delete", _("SMART goal “%(goal)s” deleted from “%(plan)s”"))
activity.register("goal.template", _("The deck's example (“%(objective)s”) added to “%(plan)s”"))
