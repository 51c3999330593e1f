"""Background work of step 7: the rollups (a worker in production, in-process without a broker)."""

from celery import shared_task

from accounts.models import Organization

from .services.rollups import rollups_recompute


@shared_task(acks_late=True, name="analytics.rollups_recompute")
def rollups_recompute_task(org_id: int, channel_id: int | None = None) -> int:
    return rollups_recompute(org_id, channel_id)


@shared_task(acks_late=True, name="analytics.rollups_recompute_all")
def rollups_recompute_all() -> int:
    """Nightly (beat): every organisation's rollups, one task each, in case an edit's task was
    lost or a channel changed platform or kind."""
    org_ids = list(Organization.objects.values_list("pk", flat=True))
    for org_id in org_ids:
        rollups_recompute_task.delay(org_id)
    return len(org_ids)


def rollups_refresh_on_commit(org, channel=None) -> None:
    """Call after any change to an organisation's figures (to ``channel``'s only, when given):
    the rollups are rebuilt once the change is committed (never from a transaction that may
    still roll back)."""
    rollups_recompute_task.delay_on_commit(org.pk, channel.pk if channel is not None else None)


@shared_task(acks_late=True, name="analytics.import_check")
def import_check_task(batch_id: int) -> str:
    """Parse and validate an uploaded statistics file (its preview). Idempotent."""
    from .models import ImportBatch
    from .services.imports import import_check

    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None:
        return "missing"
    return import_check(batch).status


@shared_task(acks_late=True, name="analytics.import_commit")
def import_commit_task(batch_id: int, actor_id: int | None = None) -> str:
    """Write a confirmed import, all or nothing. Idempotent: a batch already done is left."""
    from django.contrib.auth import get_user_model

    from .models import ImportBatch
    from .services.imports import import_commit

    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None:
        return "missing"
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    return import_commit(batch, actor).status
