"""Step 3 of a duplicated plan (``core.steps.Step.copy``, see ``planner.services.copy``)."""

from planner.services.copy import clone

from ..models import AudienceSegment, PlatformBrief, PlatformChoice


def plan_platforms_copy(*, source, target, shift, actor) -> None:
    """The audience (brief and segments) and the chosen platforms with their rationale."""
    PlatformBrief.objects.bulk_create(
        clone(brief, plan=target) for brief in PlatformBrief.objects.filter(plan=source)
    )
    AudienceSegment.objects.bulk_create(
        clone(segment, plan=target) for segment in AudienceSegment.objects.filter(plan=source)
    )
    PlatformChoice.objects.bulk_create(
        clone(choice, plan=target, chosen_by=actor)
        for choice in PlatformChoice.objects.filter(plan=source)
    )
