"""The platforms app's activity-log verbs (see ``accounts/activity.py``)."""

from django.utils.translation import gettext_lazy as _

from accounts.activity import activity


def _platform_chosen(params):
    # Choosing a new main platform also says which one became secondary.
    if params.get("previous"):
        return _(
            "%(platform)s chosen as the main platform of “%(plan)s”; %(previous)s became secondary"
        )
    return _("%(platform)s chosen for “%(plan)s”")


activity.register("channel.create", _("Channel “%(name)s” added"))
activity.register("channel.update", _("Channel “%(name)s” updated"))
activity.register("channel.archive", _("Channel “%(name)s” archived"))
activity.register("channel.restore", _("Channel “%(name)s” restored"))
activity.register("image.upload", _("Image “%(title)s” uploaded"))
activity.register("image.delete", _("Image “%(title)s” deleted"))
activity.register("platform.note", _("Note on %(platform)s updated"))
activity.register("plan.audience", _("Audience of “%(plan)s” updated"))
activity.register("plan.platform", _platform_chosen)
activity.register("plan.platform_remove", _("%(platform)s removed from “%(plan)s”"))
