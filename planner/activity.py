"""The planner's activity-log verbs (see ``accounts/activity.py``)."""

from django.utils.translation import gettext_lazy as _

from accounts.activity import activity

from .models import PLAN_WORKFLOW, Plan


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
