"""An image of the library cut to the catalogue's formats: file names, previews, crops, ZIP.

Computation on a stored image (no queries); the pixel work itself is ``core.images``, shared
with every app that stores pictures. Page previews use the reserved pseudo-platform
``_preview`` (no catalogue code starts with an underscore) with the sizes of
``PREVIEW_SIZES``: they keep the whole picture, only smaller.
"""

from dataclasses import dataclass

from django.utils.text import slugify

from core.images import CropSpec, crop_to, is_upscaled
from core.images import crops_zip as zip_crops

#: Pseudo-platform of the on-page previews, and the longest side of each preview size.
PREVIEW_PLATFORM = "_preview"
PREVIEW_SIZES = {"thumb": 480, "large": 1600}


@dataclass
class FormatRow:
    format: object
    upscaled: bool


def crop_filename(image, fmt) -> str:
    """``<title-slug>-<platform>-<format>-<W>x<H>.jpg``: sortable, and says what it is for."""
    stem = slugify(image.title) or "image"
    return f"{stem}-{fmt.platform.code}-{fmt.code}-{fmt.width}x{fmt.height}.jpg"


def zip_filename(image) -> str:
    return f"{slugify(image.title) or 'image'}-crops.zip"


def preview_spec(image, longest: int) -> CropSpec:
    """The whole picture, scaled down (never up) so that its longest side is ``longest``."""
    scale = min(1.0, longest / max(image.width, image.height, 1))
    return CropSpec(max(1, round(image.width * scale)), max(1, round(image.height * scale)))


def format_rows(image, formats) -> list[FormatRow]:
    """Each format, with whether the picture is too small for it (the crop would be upscaled)."""
    return [
        FormatRow(f, is_upscaled(image.width, image.height, CropSpec(f.width, f.height)))
        for f in formats
    ]


def _read(image) -> bytes:
    with image.file.open("rb") as fh:
        return fh.read()


def crop(image, fmt) -> bytes:
    spec = CropSpec(fmt.width, fmt.height)
    return crop_to(_read(image), spec, focal_x=image.focal_x, focal_y=image.focal_y)


def preview(image, spec: CropSpec) -> bytes:
    return crop_to(_read(image), spec)


def crops_zip(image, formats) -> bytes:
    specs = [(crop_filename(image, f), CropSpec(f.width, f.height)) for f in formats]
    return zip_crops(_read(image), specs, focal_x=image.focal_x, focal_y=image.focal_y)
