"""Writes of the statistics import: upload, check (preview), commit, cancel.

The flow: ``import_upload`` stores the file as an ``ImportBatch`` and queues
``import_check_task``; ``import_check`` parses and validates every row (status "ready" or
"invalid", the preview, the totals, the first errors); ``import_start`` (the Confirm button)
marks it "importing" and queues ``import_commit_task``; ``import_commit`` re-validates and
writes every row in ONE transaction — all or nothing — with bulk operations, updating in
place the rows a previous import (or the grid) wrote. The command ``import_stats`` calls the
same functions synchronously.

Progress. The check phase writes ``processed_rows`` on the batch every 2,000 rows (outside any
transaction, so the page polling it sees it move). The commit phase cannot: its writes are
invisible to other connections until the single transaction commits, by design. It publishes
its progress in the cache instead (``progress_cache_key``), which the progress view reads
while the batch is "importing"; with a worker that is Redis (``CACHE_URL``) shared by the web
process and the worker. Without a shared cache the page shows the phase without a count.
"""

import os

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.services import activity_log
from core.bulk import bulk_insert
from core.text import clean_text
from platforms.models import Channel

from ..importing import layouts
from ..importing.readers import MAX_BYTES, ReadError, read_table
from ..importing.validate import PROGRESS_EVERY, ChannelRef, Result, validate_table
from ..models import ImportBatch, MonthlyStat, PostStat
from ..months import month_code
from ..tasks import rollups_refresh_on_commit

#: Only the first errors are kept on the batch (``error_count`` says how many there were).
ERRORS_KEPT = 200
PREVIEW_ROWS = 20
BATCH_SIZE = 2000
EXTENSIONS = (".csv", ".tsv", ".txt", ".xlsx")

S = ImportBatch.Status


def progress_cache_key(batch_pk: int) -> str:
    return f"analytics:import-progress:{batch_pk}"


# Upload ---------------------------------------------------------------------------------------


def _check_upload(upload) -> str:
    name = clean_text(os.path.basename(upload.name or ""), multiline=False)[-255:] or "file"
    if not name.lower().endswith(EXTENSIONS):
        raise ValidationError(
            {"file": ValidationError(_("Upload a CSV (.csv) or Excel (.xlsx) file."), "bad_type")}
        )
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(
            {
                "file": ValidationError(
                    _("The file is larger than %(limit_mb)s MB."),
                    "too_large",
                    params={"limit_mb": MAX_BYTES // (1024 * 1024)},
                )
            }
        )
    return name


def import_batch_create(*, org, actor, upload, kind=None, channel=None) -> ImportBatch:
    """Store ``upload`` as a new batch (status "uploaded"); nothing is read yet."""
    name = _check_upload(upload)
    if kind and kind not in ImportBatch.Kind.values:
        raise ValidationError({"kind": ValidationError(_("Choose a kind."), "invalid_kind")})
    if channel is not None and channel.organization_id != org.pk:
        raise ValidationError({"channel": ValidationError(_("Choose a channel."), "bad_channel")})
    batch = ImportBatch(
        organization=org,
        kind=kind or ("posts" if channel else "monthly"),
        channel=channel,
        filename=name,
        created_by=actor,
        status=S.UPLOADED,
        preview={"kind_chosen": kind or ""},
    )
    batch.file.save(name, upload, save=False)
    batch.save()
    return batch


@transaction.atomic
def import_upload(*, org, actor, upload, kind=None, channel=None) -> ImportBatch:
    """Store the file and queue its check (``import_check_task``) once committed."""
    from ..tasks import import_check_task

    batch = import_batch_create(org=org, actor=actor, upload=upload, kind=kind, channel=channel)
    import_check_task.delay_on_commit(batch.pk)
    return batch


# Check ----------------------------------------------------------------------------------------


def _channel_refs(org) -> list[ChannelRef]:
    return [
        ChannelRef(pk, name, handle or "")
        for pk, name, handle in Channel.objects.for_org(org).values_list("pk", "name", "handle")
    ]


def import_analyse(
    *, org, data: bytes, filename: str, kind=None, channel=None, progress=None, on_read=None
):
    """Read and validate a file for ``org`` without writing anything: ``(Result, Table)``
    (the result's ``errors`` hold a reading problem too, e.g. "empty", the table is then
    None). ``on_read(table)`` is called once the file is read, before the rows are checked."""
    try:
        table = read_table(data, filename)
    except ReadError as error:
        return Result(layout=None, errors=[error.as_error()]), None
    if on_read is not None:
        on_read(table)
    result = validate_table(
        table,
        channels=_channel_refs(org),
        kind=kind or None,
        channel_id=channel.pk if channel is not None else None,
        progress=progress,
    )
    return result, table


def _read_batch(batch: ImportBatch) -> bytes:
    with batch.file.open("rb") as handle:
        return handle.read()


def _preview_row(row: dict, names: dict) -> dict:
    shown = {k: v for k, v in row.items() if k != "channel_id"}
    shown["channel"] = names.get(row["channel_id"], "")
    if "month" in row:
        shown["month"] = month_code(row["month"])
    if "published_on" in row:
        shown["published_on"] = row["published_on"].isoformat()
    return shown


def _preview(batch, result: Result, table) -> dict:
    names = dict(Channel.objects.for_org(batch.organization).values_list("pk", "name"))
    preview = {"kind_chosen": batch.preview.get("kind_chosen", "")}
    if result.layout is not None:
        preview.update(
            layout_key=result.layout.key,
            mapping=[list(pair) for pair in result.mapping],
            rows=[_preview_row(r, names) for r in result.rows[:PREVIEW_ROWS]],
        )
    if table is not None:
        preview.update(format=table.format, delimiter=table.delimiter)
    return preview


def _store_result(batch: ImportBatch, result: Result, table) -> None:
    batch.layout = result.layout.code if result.layout else ""
    if result.layout is not None:
        batch.kind = result.layout.kind
    batch.total_rows = result.total_rows
    batch.processed_rows = result.total_rows
    batch.errors = result.errors[:ERRORS_KEPT]
    batch.error_count = len(result.errors)
    batch.totals = result.totals
    batch.preview = _preview(batch, result, table)
    batch.status = S.READY if result.ok else S.INVALID


def import_check(batch: ImportBatch, *, analysed=None) -> ImportBatch:
    """Parse and validate the batch's file; status "ready" or "invalid". Idempotent: a batch
    past its check is returned as it is. ``analysed``: the ``import_analyse`` result of this
    very file, when the caller (the command) already has it."""
    if batch.status not in (S.UPLOADED, S.CHECKING):
        return batch
    ImportBatch.objects.filter(pk=batch.pk).update(status=S.CHECKING, processed_rows=0)

    def progress(done):
        ImportBatch.objects.filter(pk=batch.pk).update(processed_rows=done)

    kind = batch.preview.get("kind_chosen") or None
    if analysed is not None:
        _store_result(batch, *analysed)
        batch.save()
        return batch
    try:
        data = _read_batch(batch)
    except OSError:
        result, table = Result(layout=None, errors=[ReadError("empty").as_error()]), None
    else:
        result, table = import_analyse(
            org=batch.organization,
            data=data,
            filename=batch.filename,
            kind=kind,
            channel=batch.channel,
            progress=progress,
            on_read=lambda table: ImportBatch.objects.filter(pk=batch.pk).update(
                total_rows=len(table.rows)
            ),
        )
    _store_result(batch, result, table)
    batch.save()
    return batch


# Commit ---------------------------------------------------------------------------------------


@transaction.atomic
def import_start(*, batch: ImportBatch, actor) -> ImportBatch:
    """The Confirm button: a ready batch becomes "importing" and its commit is queued."""
    from ..tasks import import_commit_task

    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.status != S.READY:
        raise ValidationError(
            _("This import is not ready to be confirmed (it is “%(status)s”)."),
            code="not_ready",
            params={"status": locked.get_status_display()},
        )
    locked.status = S.IMPORTING
    locked.processed_rows = 0
    locked.save(update_fields=["status", "processed_rows"])
    cache.set(progress_cache_key(locked.pk), 0, timeout=24 * 3600)
    import_commit_task.delay_on_commit(locked.pk, actor.pk if actor else None)
    return locked


def import_commit(batch: ImportBatch, actor=None, *, analysed=None) -> ImportBatch:
    """Write every row of a ready (or importing) batch in one transaction, or nothing.

    Idempotent: the batch row is locked for the whole transaction, so a second run (a task
    delivered twice) waits, then finds it "done" and returns. A file that became invalid in
    the meantime (a channel renamed) turns the batch "invalid" and writes nothing.
    ``analysed``: the command's own validation of this file a moment before (not re-read).
    """
    try:
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
            if locked.status not in (S.READY, S.IMPORTING):
                return locked
            key = progress_cache_key(locked.pk)

            def progress(done):
                cache.set(key, done, timeout=24 * 3600)

            result, table = analysed or import_analyse(
                org=locked.organization,
                data=_read_batch(locked),
                filename=locked.filename,
                kind=locked.kind,
                channel=locked.channel,
            )
            if not result.ok:
                _store_result(locked, result, table)
                locked.save()
                return locked
            writer = _write_monthly if result.layout.kind == "monthly" else _write_posts
            created, updated = writer(locked, result.rows, actor, progress)
            locked.status = S.DONE
            locked.created_count, locked.updated_count = created, updated
            locked.processed_rows = locked.total_rows = result.total_rows
            locked.totals = result.totals
            locked.finished_at = timezone.now()
            locked.save()
            activity_log(
                org=locked.organization,
                actor=actor,
                verb="stats.import",
                params={"filename": locked.filename, "created": created, "updated": updated},
            )
            rollups_refresh_on_commit(locked.organization)
    except Exception:
        ImportBatch.objects.filter(pk=batch.pk, status__in=(S.READY, S.IMPORTING)).update(
            status=S.FAILED, finished_at=timezone.now()
        )
        raise
    finally:
        cache.delete(progress_cache_key(batch.pk))
    return locked


def _chunks(rows, size=BATCH_SIZE):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _write(model, batch, rows, existing, key_of, build, fields, progress, *, columns, constants):
    created = updated = done = 0
    now = timezone.now()
    constants = {**constants, "created_at": now, "updated_at": now}
    for chunk in _chunks(rows):
        new, old = [], []
        for row in chunk:
            pk = existing.get(key_of(row))
            if pk is None:
                new.append(row)
            else:
                obj = build(row)
                obj.pk = pk
                obj.updated_at = now
                old.append(obj)
        if new:
            bulk_insert(model, columns, constants, new)
        if old:
            model.objects.bulk_update(old, [*fields, "updated_at"], batch_size=BATCH_SIZE)
        created, updated, done = created + len(new), updated + len(old), done + len(chunk)
        progress(done)
    return created, updated


def _write_monthly(batch, rows, actor, progress):
    org = batch.organization
    months = {row["month"] for row in rows}
    existing = {
        (channel_id, month): pk
        for pk, channel_id, month in MonthlyStat.objects.filter(
            organization=org, month__in=months
        ).values_list("pk", "channel_id", "month")
    }
    fields = ["views", "interactions", "followers", "posts_published", "batch", "updated_by"]

    def build(row):
        return MonthlyStat(
            organization=org,
            channel_id=row["channel_id"],
            month=row["month"],
            views=row["views"],
            interactions=row["interactions"],
            followers=row["followers"],
            posts_published=row["posts_published"],
            batch=batch,
            updated_by=actor,
        )

    return _write(
        MonthlyStat,
        batch,
        rows,
        existing,
        lambda row: (row["channel_id"], row["month"]),
        build,
        fields,
        progress,
        columns=["channel_id", "month", *MonthlyStat.FIGURES],
        constants={"organization_id": org.pk, "batch_id": batch.pk, "updated_by_id": _pk(actor)},
    )


def _post_key(channel_id, external_id, published_on, post_format, title):
    if external_id:
        return (channel_id, "id", external_id)
    return (channel_id, published_on, post_format, title.casefold())


def _write_posts(batch, rows, actor, progress):
    org = batch.organization
    channel_ids = {row["channel_id"] for row in rows}
    days = [row["published_on"] for row in rows]
    columns = ("pk", "channel_id", "external_id", "published_on", "format", "title")
    mine = PostStat.objects.filter(organization=org, channel_id__in=channel_ids)
    # Two queries: the posts known by date and title, and those known by their network id.
    stored = list(
        mine.filter(external_id="", published_on__range=(min(days), max(days))).values_list(
            *columns
        )
    )
    ids = sorted({row["external_id"] for row in rows if row["external_id"]})
    for start in range(0, len(ids), 5000):  # within SQLite's limit of query parameters
        stored += mine.filter(external_id__in=ids[start : start + 5000]).values_list(*columns)
    existing = {
        _post_key(channel_id, external_id, day, post_format, title): pk
        for pk, channel_id, external_id, day, post_format, title in stored
    }
    fields = [
        "published_on",
        "title",
        "url",
        "format",
        "views",
        "interactions",
        "avg_watch_seconds",
        "batch",
        "updated_by",
    ]

    def build(row):
        return PostStat(
            organization=org,
            channel_id=row["channel_id"],
            published_on=row["published_on"],
            title=row["title"],
            url=row["url"],
            format=row["format"],
            views=row["views"],
            interactions=row["interactions"],
            avg_watch_seconds=row["avg_watch_seconds"],
            external_id=row["external_id"],
            batch=batch,
            updated_by=actor,
        )

    return _write(
        PostStat,
        batch,
        rows,
        existing,
        lambda row: _post_key(
            row["channel_id"],
            row["external_id"],
            row["published_on"],
            row["format"],
            row["title"],
        ),
        build,
        fields,
        progress,
        columns=[
            "channel_id",
            "published_on",
            "title",
            "url",
            "format",
            "external_id",
            *PostStat.FIGURES,
        ],
        constants={"organization_id": org.pk, "batch_id": batch.pk, "updated_by_id": _pk(actor)},
    )


def _pk(actor):
    return actor.pk if actor is not None else None


# Cancel ---------------------------------------------------------------------------------------


@transaction.atomic
def import_cancel(*, batch: ImportBatch, actor=None) -> ImportBatch:
    """Drop a batch that was not imported (ready, invalid or failed): its file is deleted,
    the history keeps the row as "cancelled"."""
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.status not in (S.READY, S.INVALID, S.FAILED):
        raise ValidationError(
            _("Only an import that was not imported can be cancelled."), code="not_cancellable"
        )
    storage, name = locked.file.storage, locked.file.name
    locked.status = S.CANCELLED
    locked.finished_at = timezone.now()
    locked.save(update_fields=["status", "finished_at"])
    if name:
        transaction.on_commit(lambda: storage.delete(name))
    return locked


__all__ = [
    "PROGRESS_EVERY",
    "import_analyse",
    "import_batch_create",
    "import_cancel",
    "import_check",
    "import_commit",
    "import_start",
    "import_upload",
    "layouts",
]
