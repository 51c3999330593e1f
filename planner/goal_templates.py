"""The deck's example of step 2, as data: one marketing objective, its social-media objectives
and their SMART goals ("Exemple d'objectifs SMART": promote the programmes).

``planner.services.objectives.goal_template_apply`` creates them in a plan as drafts; the goal
form's ``?template=<code>`` pre-fills one goal. Texts are lazily translated (French from the
deck), so they are stored in the language of the person who applies them.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

MARKETING_OBJECTIVE = _("Promote the programmes and increase the number of participants")
#: The organisational objective the example hangs under when the plan has none yet.
ORGANISATION_OBJECTIVE = _("Bring more people to the institution's programmes")


@dataclass(frozen=True)
class GoalTemplate:
    code: str
    #: Key of ``SOCIAL_OBJECTIVES``: the social-media objective the goal belongs to.
    objective: str
    #: Catalogue code of the platform (set when the catalogue has it).
    platform: str
    statement: str
    metric: str
    target: Decimal
    unit: str
    custom_metric: str = ""


#: The social-media objectives of the example, one per platform, by key.
SOCIAL_OBJECTIVES = {
    "facebook": _("Promote each programme with Facebook events"),
    "instagram": _("Show the programmes' events on Instagram"),
    "youtube": _("Present the programmes in videos on YouTube"),
}

GOAL_TEMPLATES = (
    GoalTemplate(
        "facebook_events",
        "facebook",
        "facebook",
        _("Create 5 events a month on Facebook"),
        "events_created",
        Decimal(5),
        _("events a month"),
    ),
    GoalTemplate(
        "facebook_shares",
        "facebook",
        "facebook",
        _("Share each event 5 times on Facebook"),
        "custom",
        Decimal(5),
        _("shares per event"),
        custom_metric=_("Shares per event"),
    ),
    GoalTemplate(
        "facebook_interested",
        "facebook",
        "facebook",
        _("Get 10 “interested” for each Facebook event"),
        "interactions",
        Decimal(10),
        _("“interested” per event"),
    ),
    GoalTemplate(
        "instagram_posts",
        "instagram",
        "instagram",
        _("Publish 5 posts a month of photos of the events on Instagram"),
        "posts_published",
        Decimal(5),
        _("posts a month"),
    ),
    GoalTemplate(
        "instagram_comments",
        "instagram",
        "instagram",
        _("Draw 5 comments per Instagram post"),
        "interactions",
        Decimal(5),
        _("comments per post"),
    ),
    GoalTemplate(
        "youtube_videos",
        "youtube",
        "youtube",
        _("Publish a promotional video on YouTube for each programme (one a month)"),
        "posts_published",
        Decimal(1),
        _("video a month"),
    ),
)
_BY_CODE = {t.code: t for t in GOAL_TEMPLATES}


def goal_template_find(code: str | None) -> GoalTemplate | None:
    return _BY_CODE.get(code or "")
