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
    """Record (or update) a platform chosen for a plan, with a snapshot of why.

    A plan has one main platform: choosing another one as main makes the previous main
    secondary, in the same transaction. The returned choice's ``demoted`` is that previous
    main choice, or None.
    """
    # The plan's row lock serialises the choices of one plan (two editors naming two mains).
    type(plan).objects.select_for_update().filter(pk=plan.pk).exists()
    demoted = None
    if priority == PlatformChoice.Priority.PRIMARY:
        demoted = (
            PlatformChoice.objects.select_for_update()
            .filter(plan=plan, priority=PlatformChoice.Priority.PRIMARY)
            .exclude(platform=platform)
            .first()
        )
        if demoted is not None:
            demoted.priority = PlatformChoice.Priority.SECONDARY
            demoted.save(update_fields=["priority"])
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
    choice.demoted = demoted
    description = _("%(platform)s chosen for “%(plan)s”") % {
        "platform": platform.name,
        "plan": plan.title,
    }
    if demoted is not None:
        description = _(
            "%(platform)s chosen as the main platform of “%(plan)s”; %(previous)s became secondary"
        ) % {"platform": platform.name, "plan": plan.title, "previous": demoted.platform_name}
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="plan.platform",
        description=description,
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


def set_rationale(member, recommendation) -> str:
    """A first rationale for a platform of the recommended set: what it adds, then why."""
    reasons = [*member.adds, *(recommendation.reasons if recommendation else ())]
    return "\n".join(f"- {r}" for r in dict.fromkeys(str(r) for r in reasons))


@transaction.atomic
def choice_save_set(*, plan, advice, actor) -> list[PlatformChoice]:
    """Choose every platform of the recommended set that the plan does not have yet.

    Choices already recorded keep the team's priority and rationale. The set's first member
    becomes the main platform when the plan has none; the others are secondary.
    """
    type(plan).objects.select_for_update().filter(pk=plan.pk).exists()
    existing = set(plan.platform_choices.values_list("platform__code", flat=True))
    has_main = plan.platform_choices.filter(priority=PlatformChoice.Priority.PRIMARY).exists()
    platforms = {p.code: p for p in Platform.objects.filter(code__in=advice.set.codes)}
    ranking = {r.platform: r for r in advice.ranking}
    created = []
    for position, member in enumerate(advice.set.members):
        if member.platform in existing or member.platform not in platforms:
            continue
        main = position == 0 and not has_main
        recommendation = ranking.get(member.platform)
        created.append(
            choice_save(
                plan=plan,
                platform=platforms[member.platform],
                priority=PlatformChoice.Priority.PRIMARY
                if main
                else PlatformChoice.Priority.SECONDARY,
                rationale=set_rationale(member, recommendation),
                actor=actor,
                recommendation=recommendation,
            )
        )
    return created
