"""Background work of the platforms app (a worker in production, in-process without a broker)."""

from celery import shared_task

from . import crops
from .models import SourceImage
from .selectors.catalogue import image_format_list


@shared_task(acks_late=True, name="platforms.image_derivatives_build")
def image_derivatives_build(image_pk: int) -> None:
    """Store an image's previews, crops and ZIP before anyone asks (idempotent: what is stored
    is kept). The first download then streams a file instead of decoding the picture."""
    image = SourceImage.objects.filter(pk=image_pk).first()
    if image is None:
        return
    crops.warm(image, list(image_format_list()))
    if not SourceImage.objects.filter(pk=image_pk).exists():
        # Deleted while we were cropping: the delete already cleaned up before our files.
        crops.delete_all(image.file.storage, image_pk)
