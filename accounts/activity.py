"""The activity log's sentences: each verb an action code, rendered in the reader's language.

``accounts.services.activity_log(verb=..., params=...)`` stores the code and plain parameters;
``ActivityEntry.message`` renders them through this registry when the entry is read. Each app
registers the verbs it writes in its own ``activity.py`` (imported by its ``AppConfig.ready``);
writing an unregistered verb raises, and ``tests/accounts/test_activity.py`` checks every call.
"""

from django.utils.translation import gettext_lazy as _

from core.sentences import SentenceRegistry

from .models import Role

activity = SentenceRegistry(fallback=_("Action “%(code)s”"))


def role_label(code: str) -> str:
    """A stored role code as the role's current label (the code itself if the role is gone)."""
    return str(Role(code).label) if code in Role.values else str(code)


activity.register("org.create", _("Organisation created"))
activity.register("org.update", _("Settings updated"))
activity.register("member.role", _("%(user)s: %(old)s → %(new)s"), old=role_label, new=role_label)
activity.register("member.remove", _("%(user)s removed"))
activity.register("invitation.create", _("%(email)s invited as %(role)s"), role=role_label)
activity.register("invitation.revoke", _("Invitation for %(email)s withdrawn"))
activity.register("invitation.accept", _("%(email)s joined as %(role)s"), role=role_label)
