"""Reads of the shared catalogue and of an organisation's notes on it."""

from django.db.models import QuerySet

from ..models import ImageFormat, Platform, PlatformNote


def platform_list(*, with_formats: bool = False) -> QuerySet[Platform]:
    qs = Platform.objects.active().prefetch_related("figures")
    if with_formats:
        qs = qs.prefetch_related("image_formats")
    return qs


def platform_get(*, code: str) -> Platform:
    """An active platform by code; raises ``Platform.DoesNotExist``."""
    return Platform.objects.active().prefetch_related("figures", "image_formats").get(code=code)


def platform_find(*, code: str | None) -> Platform | None:
    """An active platform by code, or None (for optional query-string hints)."""
    return Platform.objects.active().filter(code=code).first() if code else None


def platform_note_get(*, org, platform: Platform) -> PlatformNote | None:
    notes = PlatformNote.objects.for_org(org).select_related("updated_by")
    return notes.filter(platform=platform).first()


def platform_note_by_code(*, org) -> dict[str, PlatformNote]:
    notes = PlatformNote.objects.for_org(org).select_related("platform", "updated_by")
    return {note.platform.code: note for note in notes}


def image_format_list(*, codes: list[str] | None = None) -> QuerySet[ImageFormat]:
    qs = ImageFormat.objects.filter(platform__is_active=True).select_related("platform")
    if codes:
        qs = qs.filter(platform__code__in=codes)
    return qs


def image_format_get(*, platform_code: str, code: str) -> ImageFormat:
    """A format of an active platform; raises ``ImageFormat.DoesNotExist``."""
    return image_format_list().get(platform__code=platform_code, code=code)
