"""Reads of the statistics imports: the history, one batch, its progress."""

from django.core.cache import cache
from django.db.models import QuerySet

from core.tenancy import get_for_org

from ..models import ImportBatch

IMPORT_SORTS = {
    "recent": ["-created_at", "-pk"],
    "filename": ["filename", "-created_at"],
}


def import_list(*, org, filters: dict | None = None) -> QuerySet[ImportBatch]:
    """The organisation's imports, newest first. ``filters``: ``kind``, ``sort``."""
    filters = filters or {}
    qs = ImportBatch.objects.for_org(org).select_related("created_by", "channel")
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    return qs.order_by(*IMPORT_SORTS.get(filters.get("sort") or "recent", IMPORT_SORTS["recent"]))


def import_get(*, org, pk: int) -> ImportBatch:
    return get_for_org(ImportBatch.objects.select_related("created_by", "channel"), org, pk=pk)


def import_progress(batch: ImportBatch) -> tuple[int | None, int]:
    """(rows done, rows in all) of a running batch; rows done is None when not known (the
    commit's count lives in the cache, see ``analytics.services.imports``)."""
    if batch.status == ImportBatch.Status.IMPORTING:
        from ..services.imports import progress_cache_key

        return cache.get(progress_cache_key(batch.pk)), batch.total_rows
    if batch.status == ImportBatch.Status.CHECKING:
        return batch.processed_rows, batch.total_rows
    return (batch.processed_rows if not batch.is_running else None), batch.total_rows
