"""Writes for step 3 of a plan: its audience and the platforms chosen for it."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.services import activity_log

from ..models import AudienceSegment, Platform, PlatformBrief, PlatformChoice


@transaction.atomic
def audience_update(
    *, plan, segments: list[dict], content_types: list[str], goal: str, preset: str, actor
) -> PlatformBrief:
    """Replace the plan's audience segments, content types and goal."""
    brief, _created = PlatformBrief.objects.get_or_create(plan=plan)
    brief.content_types = list(content_types)
    brief.goal = goal or ""
    brief.preset = preset or ""
    brief.save()
    rows = []
    for position, seg in enumerate(segments):
        row = AudienceSegment(plan=plan, position=position, **seg)
        row.full_clean(exclude=["plan"])
        rows.append(row)
    plan.audience_segments.all().delete()
    AudienceSegment.objects.bulk_create(rows)
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="plan.audience",
        description=_("Audience of “%(plan)s” updated") % {"plan": plan.title},
    )
    return brief


@transaction.atomic
def choice_save(
    *, plan, platform: Platform, priority: int, rationale: str, actor, recommendation=None
) -> PlatformChoice:
    """Record (or update) a platform chosen for a plan, with a snapshot of why."""
    defaults = {
        "platform_name": platform.name,
        "priority": priority,
        "rationale": rationale,
        "chosen_by": actor,
    }
    if recommendation is not None:
        defaults["score"] = recommendation.score
        defaults["reasons"] = [str(r) for r in recommendation.reasons]
    choice = PlatformChoice.objects.filter(plan=plan, platform=platform).first()
    choice = choice or PlatformChoice(plan=plan, platform=platform)
    for name, value in defaults.items():
        setattr(choice, name, value)
    choice.full_clean()
    choice.save()
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="plan.platform",
        description=_("%(platform)s chosen for “%(plan)s”")
        % {"platform": platform.name, "plan": plan.title},
    )
    return choice


@transaction.atomic
def choice_delete(*, choice: PlatformChoice, actor) -> None:
    plan, name = choice.plan, choice.platform_name
    choice.delete()
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="plan.platform_remove",
        description=_("%(platform)s removed from “%(plan)s”")
        % {"platform": name, "plan": plan.title},
    )
