"""The analytics app's activity-log verbs (see ``accounts/activity.py``)."""

from django.utils.translation import gettext_lazy as _

from accounts.activity import activity

activity.register("stats.month", _("Figures of %(month)s entered for “%(channel)s”"))
activity.register("poststat.create", _("Figures of the post “%(title)s” added"))
activity.register("poststat.update", _("Figures of the post “%(title)s” updated"))
activity.register("poststat.delete", _("Figures of the post “%(title)s” deleted"))
activity.register(
    "stats.import", _("“%(filename)s” imported: %(created)s rows added, %(updated)s updated")
)
activity.register("evaluation.update", _("Lessons learned of “%(plan)s” updated"))
activity.register("stats.month_clear", _("Figures of %(month)s cleared for “%(channel)s”"))
