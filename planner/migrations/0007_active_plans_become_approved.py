"""Plans that were "active" are "approved" now (the status was replaced by the review workflow).

Their history rows and the activity entries that name the status follow, so the status
history and the activity log still read; each existing plan's owner is its creator.
"""

from django.db import migrations
from django.db.models import F

MAP = {"active": "approved"}
#: Back: an approved plan was active; one in review was still a draft.
REVERSE = {"approved": "active", "in_review": "draft"}


def _rename(apps, mapping):
    Plan = apps.get_model("planner", "Plan")
    PlanTransition = apps.get_model("planner", "PlanTransition")
    ActivityEntry = apps.get_model("accounts", "ActivityEntry")
    for old, new in mapping.items():
        Plan.objects.filter(status=old).update(status=new)
        PlanTransition.objects.filter(from_status=old).update(from_status=new)
        PlanTransition.objects.filter(to_status=old).update(to_status=new)
        entries = ActivityEntry.objects.filter(verb__startswith="plan.", params__status=old)
        for entry in entries:
            entry.params = {**entry.params, "status": new}
        ActivityEntry.objects.bulk_update(entries, ["params"], batch_size=500)


def forwards(apps, schema_editor):
    _rename(apps, MAP)
    Plan = apps.get_model("planner", "Plan")
    Plan.objects.filter(owner__isnull=True, created_by__isnull=False).update(
        owner=F("created_by")
    )


def backwards(apps, schema_editor):
    _rename(apps, REVERSE)


class Migration(migrations.Migration):
    dependencies = [
        ("planner", "0006_plan_owner_and_review_statuses"),
        ("accounts", "0009_notifications"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
