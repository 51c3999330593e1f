"""The notifications' sentences: a code and plain parameters, rendered in the reader's language.

``accounts.services.notify(code=..., params=...)`` stores them (an unregistered code or a
parameter that is not a plain value raises); the list page renders each one in the reader's
language and the e-mail in the organisation's (``accounts.tasks``), like the activity log
(``accounts/activity.py``). Each code also has the subject of its e-mail.

Parameters of the review codes: ``goal`` (the statement, cut; goal codes only), ``plan`` (its
title), ``actor`` (who did it, a name) and ``comment`` (an excerpt, possibly empty).
"""

from django.utils.translation import gettext_lazy as _

from core.sentences import SentenceRegistry

notifications = SentenceRegistry(fallback=_("Notification “%(code)s”"))

#: The e-mail subject of each code (the sentence itself is the e-mail's first line).
SUBJECTS = {}

#: How much of a comment a notification keeps (the page shows the whole comment).
COMMENT_EXCERPT = 200


def register(code: str, sentence, subject) -> None:
    notifications.register(code, sentence)
    SUBJECTS[code] = subject


def subject(code: str) -> str:
    return str(SUBJECTS.get(code, _("News from Vitrine")))


def _with_comment(with_comment, without):
    """A sentence whose comment clause appears only when there is a comment."""
    return lambda params: with_comment if params.get("comment") else without


def excerpt(text: str, length: int = COMMENT_EXCERPT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


register(
    "goal.submitted",
    _with_comment(
        _("%(actor)s submitted the goal “%(goal)s” (plan “%(plan)s”) for review: “%(comment)s”"),
        _("%(actor)s submitted the goal “%(goal)s” (plan “%(plan)s”) for review"),
    ),
    _("A goal awaits your review"),
)
register(
    "goal.approved",
    _with_comment(
        _("%(actor)s approved the goal “%(goal)s” (plan “%(plan)s”): “%(comment)s”"),
        _("%(actor)s approved the goal “%(goal)s” (plan “%(plan)s”)"),
    ),
    _("Your goal was approved"),
)
register(
    "goal.changes_requested",
    _with_comment(
        _("%(actor)s requested changes to the goal “%(goal)s” (plan “%(plan)s”): “%(comment)s”"),
        _("%(actor)s requested changes to the goal “%(goal)s” (plan “%(plan)s”)"),
    ),
    _("Changes requested on your goal"),
)
register(
    "plan.submitted",
    _with_comment(
        _("%(actor)s submitted the plan “%(plan)s” for review: “%(comment)s”"),
        _("%(actor)s submitted the plan “%(plan)s” for review"),
    ),
    _("A plan awaits your review"),
)
register(
    "plan.approved",
    _with_comment(
        _("%(actor)s approved the plan “%(plan)s”: “%(comment)s”"),
        _("%(actor)s approved the plan “%(plan)s”"),
    ),
    _("Your plan was approved"),
)
register(
    "plan.changes_requested",
    _with_comment(
        _("%(actor)s requested changes to the plan “%(plan)s”: “%(comment)s”"),
        _("%(actor)s requested changes to the plan “%(plan)s”"),
    ),
    _("Changes requested on your plan"),
)
