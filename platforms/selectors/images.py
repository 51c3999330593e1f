"""Reads of the image library."""

from django.db.models import QuerySet

from core.tenancy import get_for_org

from ..models import SourceImage


def image_list(*, org) -> QuerySet[SourceImage]:
    return SourceImage.objects.for_org(org).select_related("uploaded_by")


def image_get(*, org, pk: int) -> SourceImage:
    """Raises ``SourceImage.DoesNotExist`` for a missing image and another organisation's alike."""
    return get_for_org(image_list(org=org), org, pk=pk)
