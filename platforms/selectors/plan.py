"""Reads for step 3 of a plan: its audience, its choices and the recommendation they give."""

from django.db.models import QuerySet

from core.tenancy import get_for_org
from planner.models import Plan

from .. import recommender
from ..models import AudienceSegment, PlatformBrief, PlatformChoice


def plan_with_audience_list(*, org) -> QuerySet[Plan]:
    """The plans whose audience is described, newest first (the matrix highlights one)."""
    return (
        Plan.objects.for_org(org)
        .filter(platform_brief__isnull=False)
        .select_related("platform_brief")
        .order_by("-updated_at", "-pk")
    )


def audience_get(*, plan) -> PlatformBrief | None:
    """The plan's saved content types and goal, or None before the audience is described."""
    return PlatformBrief.objects.filter(plan=plan).first()


def segment_list(*, plan) -> QuerySet[AudienceSegment]:
    return plan.audience_segments.all()


def choice_list(*, plan) -> QuerySet[PlatformChoice]:
    return plan.platform_choices.select_related("platform", "chosen_by")


def choice_get(*, plan, pk: int) -> PlatformChoice:
    """One choice of this plan; raises ``PlatformChoice.DoesNotExist``."""
    return get_for_org(choice_list(plan=plan), plan.organization, pk=pk)


def choice_find(*, plan, platform) -> PlatformChoice | None:
    """The plan's choice of ``platform``, or None while it is not chosen."""
    return choice_list(plan=plan).filter(platform=platform).first()


def advice_get(*, platforms, segments, content_types, goal, today_year=None) -> recommender.Advice:
    """The recommender's ranking and recommended set for model rows and form-shaped segments."""
    return recommender.advise(
        platforms=[p.to_profile() for p in platforms],
        segments=[
            recommender.Segment(
                int(s["age_min"]),
                int(s["age_max"]),
                float(s.get("weight") or 1),
                s.get("label") or "",
            )
            for s in segments
        ],
        content_types=content_types,
        goal=goal or None,
        today_year=today_year,
    )
