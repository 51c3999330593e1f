"""Writes on the image library: upload (sanitised, re-encoded), focal point, delete, and the
stored crops that follow them (``platforms.crops``)."""

from django.db import transaction

from accounts.services import activity_log
from core.images import save_with_clean_image

from .. import crops, tasks
from ..models import SourceImage


@transaction.atomic
def image_upload(*, org, title: str, upload, actor) -> SourceImage:
    """Store an uploaded image after checking and re-encoding it (metadata stripped)."""
    image = SourceImage(organization=org, title=title, uploaded_by=actor)
    save_with_clean_image(image, "file", upload)
    _refresh_derivatives_on_commit(image.pk)
    activity_log(
        org=org,
        actor=actor,
        verb="image.upload",
        params={"title": title},
    )
    return image


@transaction.atomic
def image_set_focal_point(*, image: SourceImage, focal_x: float, focal_y: float) -> SourceImage:
    """Move the point every crop keeps in view (fractions of the width and height, 0–1)."""
    image.focal_x, image.focal_y = focal_x, focal_y
    image.full_clean()
    image.save(update_fields=["focal_x", "focal_y"])
    _refresh_derivatives_on_commit(image.pk)
    return image


@transaction.atomic
def image_delete(*, image: SourceImage, actor) -> None:
    """Delete the row now and its file once the transaction is committed."""
    org, title = image.organization, image.title
    storage, name = image.file.storage, image.file.name
    pk = image.pk
    image.delete()
    transaction.on_commit(lambda: image_derivatives_delete(storage=storage, name=name, pk=pk))
    activity_log(
        org=org,
        actor=actor,
        verb="image.delete",
        params={"title": title},
    )


def _refresh_derivatives_on_commit(image_pk: int) -> None:
    # robust: a broker that is down must not turn a saved change into an error page; the crops
    # are then computed on the first download instead.
    transaction.on_commit(lambda: image_derivatives_refresh(image_pk=image_pk), robust=True)


def image_derivatives_refresh(*, image_pk: int) -> None:
    """Delete the stored crops the image's current file and focal point no longer produce,
    then queue the computation of the current ones (``tasks.image_derivatives_build``)."""
    image = SourceImage.objects.filter(pk=image_pk).first()
    if image is None:
        return
    crops.prune(image)
    tasks.image_derivatives_build.delay(image_pk)


def image_derivatives_delete(*, storage, name: str, pk: int) -> None:
    """Delete a deleted image's file and everything computed from it."""
    storage.delete(name)
    crops.delete_all(storage, pk)
