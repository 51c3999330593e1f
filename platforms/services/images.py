"""Writes on the image library: upload (sanitised, re-encoded), focal point, delete."""

from django.db import transaction

from accounts.services import activity_log
from core.images import save_with_clean_image

from ..models import SourceImage


@transaction.atomic
def image_upload(*, org, title: str, upload, actor) -> SourceImage:
    """Store an uploaded image after checking and re-encoding it (metadata stripped)."""
    image = SourceImage(organization=org, title=title, uploaded_by=actor)
    save_with_clean_image(image, "file", upload)
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
    return image


@transaction.atomic
def image_delete(*, image: SourceImage, actor) -> None:
    """Delete the row now and its file once the transaction is committed."""
    org, title = image.organization, image.title
    storage, name = image.file.storage, image.file.name
    image.delete()
    transaction.on_commit(lambda: storage.delete(name))
    activity_log(
        org=org,
        actor=actor,
        verb="image.delete",
        params={"title": title},
    )
