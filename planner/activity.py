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

# Goal review (``planner.services.review.goal_review``): "goal.<transition name>".
activity.register("goal.submit", _("Goal “%(goal)s” (plan “%(plan)s”) submitted for review"))
activity.register("goal.withdraw", _("Goal “%(goal)s” (plan “%(plan)s”) withdrawn from review"))
activity.register("goal.approve", _("Goal “%(goal)s” (plan “%(plan)s”) approved"))
activity.register(
    "goal.request_changes", _("Changes requested on the goal “%(goal)s” (plan “%(plan)s”)")
)
