"""Reads for step 3. Selectors own the joins, so pages make a fixed number of queries."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from planner.models import Plan

from .models import (
    AudienceSegment,
    Channel,
    ContentType,
    ImageFormat,
    Platform,
    PlatformBrief,
    PlatformChoice,
    PlatformNote,
    SourceImage,
)

#: Age bands of the selection matrix (inclusive); the source table's bands fall across them.
MATRIX_BANDS = ((13, 17), (18, 24), (25, 34), (35, 44), (45, 54), (55, 64), (65, 120))


def platform_list(*, with_formats: bool = False) -> QuerySet[Platform]:
    qs = Platform.objects.active().prefetch_related("figures")
    if with_formats:
        qs = qs.prefetch_related("image_formats")
    return qs


def platform_get(*, code: str) -> Platform:
    return get_object_or_404(
        Platform.objects.active().prefetch_related("figures", "image_formats"), code=code
    )


def platform_note_get(*, org, platform: Platform) -> PlatformNote | None:
    notes = PlatformNote.objects.for_org(org).select_related("updated_by")
    return notes.filter(platform=platform).first()


def platform_notes_by_code(*, org) -> dict[str, PlatformNote]:
    notes = PlatformNote.objects.for_org(org).select_related("platform", "updated_by")
    return {note.platform.code: note for note in notes}


def channel_list(*, org, active: bool | None = True, sort: str = "platform") -> QuerySet[Channel]:
    orderings = {
        "platform": ["platform__position", "name"],
        "name": ["name"],
        "kind": ["kind", "name"],
        "updated": ["-updated_at"],
    }
    qs = Channel.objects.for_org(org).select_related("platform")
    if active is not None:
        qs = qs.filter(is_active=active)
    return qs.order_by(*orderings.get(sort, orderings["platform"]))


def plans_with_audience(*, org) -> QuerySet[Plan]:
    """The plans whose audience is described, newest first (the matrix highlights one)."""
    return (
        Plan.objects.for_org(org)
        .filter(platform_brief__isnull=False)
        .select_related("platform_brief")
        .order_by("-updated_at", "-pk")
    )


def plan_brief(*, plan) -> PlatformBrief | None:
    return PlatformBrief.objects.filter(plan=plan).first()


def plan_segments(*, plan) -> QuerySet[AudienceSegment]:
    return plan.audience_segments.all()


def plan_choices(*, plan) -> QuerySet[PlatformChoice]:
    return plan.platform_choices.select_related("platform", "chosen_by")


def image_list(*, org) -> QuerySet[SourceImage]:
    return SourceImage.objects.for_org(org).select_related("uploaded_by")


def image_formats_for(*, codes: list[str] | None = None) -> QuerySet[ImageFormat]:
    qs = ImageFormat.objects.filter(platform__is_active=True).select_related("platform")
    if codes:
        qs = qs.filter(platform__code__in=codes)
    return qs


def _overlap(a_min: int, a_max: int, b_min: int, b_max: int) -> int:
    """Number of whole years two inclusive age ranges share."""
    return max(0, min(a_max, b_max) - max(a_min, b_min) + 1)


def build_matrix(*, platforms, segments=(), content_types=()) -> dict:
    """The selection matrix: platforms × age bands and content types, as in the source table.

    A band cell is "full" when the platform's demographic band covers the whole band and
    "partial" when it covers part of it; columns touching the audience are highlighted.
    """
    bands = [
        {
            "min": lo,
            "max": hi,
            "label": f"{lo}+" if hi >= 120 else f"{lo}–{hi}",
            "audience": any(_overlap(lo, hi, s.age_min, s.age_max) for s in segments),
        }
        for lo, hi in MATRIX_BANDS
    ]
    wanted = set(content_types)
    columns = [
        {"code": c.value, "label": c.label, "audience": c.value in wanted} for c in ContentType
    ]
    rows = []
    for platform in platforms:
        cells = []
        for band in bands:
            shared = _overlap(platform.age_min, platform.age_max, band["min"], band["max"])
            width = min(band["max"], 100) - band["min"] + 1
            level = "full" if shared >= width else "partial" if shared else ""
            cells.append({"level": level, "audience": band["audience"] and bool(level)})
        content = [
            {
                "ok": col["code"] in platform.content_types,
                "audience": col["audience"] and col["code"] in platform.content_types,
            }
            for col in columns
        ]
        rows.append({"platform": platform, "bands": cells, "content": content})
    return {"bands": bands, "columns": columns, "rows": rows}
