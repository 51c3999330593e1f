"""An image of the library cut to the catalogue's formats: file names, previews, crops, ZIP.

Computation on a stored image (no queries); the pixel work itself is ``core.images``, shared
with every app that stores pictures. Page previews use the reserved pseudo-platform
``_preview`` (no catalogue code starts with an underscore) with the sizes of
``PREVIEW_SIZES``: they keep the whole picture, only smaller.

**Cropping is done once.** Every crop, preview and the ZIP of every format is stored (default
storage, ``image-derivatives/<image id>/``) under a name made of what it was computed from
(``core.derivatives``): the stored file, the focal point, the size, the render version. A
request streams the stored file; only a missing one is computed, all missing crops of a request
from one decoding of the picture. Formats of the same size share one crop. A ZIP of some
platforms only is assembled from the stored crops (no pixel work) and not kept, so requests
for every combination of platforms cannot fill the disk. A new focal point or file gives new
names; ``prune`` removes the old ones (``platforms.services.images``).
"""

from dataclasses import dataclass

from django.utils.text import slugify

from core import derivatives
from core.images import CropSpec, crop_many, is_upscaled, zip_files

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


#: Where an image's derivatives are stored, one directory per image.
DERIVATIVES_DIR = "image-derivatives"
#: Part of every derivative's name: change it when the crop code changes what it produces
#: (quality, resampling…), and every stored crop is computed again.
RENDER_VERSION = 1


def _read(image) -> bytes:
    with image.file.open("rb") as fh:
        return fh.read()


def _directory(image_pk: int) -> str:
    return f"{DERIVATIVES_DIR}/{image_pk}"


def _file_state(image) -> str:
    """What previews depend on: the stored file (a replaced file has another name)."""
    return derivatives.digest([RENDER_VERSION, image.file.name])[:12]


def _focal_state(image) -> str:
    """What crops and ZIPs depend on: the stored file and the focal point."""
    return derivatives.digest([RENDER_VERSION, image.file.name, image.focal_x, image.focal_y])[:12]


def crop_name(image, fmt) -> str:
    """The stored crop of a format; formats of the same size share it."""
    return derivatives.derivative_name(
        _directory(image.pk), _focal_state(image), "crop", [fmt.width, fmt.height], ".jpg"
    )


def preview_name(image, spec: CropSpec) -> str:
    # A preview keeps the whole picture: the focal point does not change it.
    return derivatives.derivative_name(
        _directory(image.pk), _file_state(image), "preview", [spec.width, spec.height], ".jpg"
    )


def zip_name(image, formats) -> str:
    """The ZIP of these formats; its file names (from the title) are part of its content."""
    members = [[crop_filename(image, f), f.width, f.height] for f in formats]
    return derivatives.derivative_name(
        _directory(image.pk), _focal_state(image), "zip", members, ".zip"
    )


def _ensure(image, wanted: dict[str, CropSpec]) -> dict[str, bytes]:
    """Compute and store the crops of ``wanted`` (name → size) that are not stored yet.

    Returns the content of those it computed, so a caller needs not read them back.
    """
    storage = image.file.storage
    try:
        _dirs, existing = storage.listdir(_directory(image.pk))
    except FileNotFoundError:
        existing = []
    stored = {f"{_directory(image.pk)}/{name}" for name in existing}
    missing = {name: spec for name, spec in wanted.items() if name not in stored}
    if not missing:
        return {}
    contents = crop_many(
        _read(image), list(missing.values()), focal_x=image.focal_x, focal_y=image.focal_y
    )
    built = dict(zip(missing, contents, strict=True))
    for name, content in built.items():
        derivatives.save(storage, name, content)
    return built


def crop(image, fmt) -> str:
    """The name of the stored crop of ``fmt`` (computed if missing)."""
    name = crop_name(image, fmt)
    _ensure(image, {name: CropSpec(fmt.width, fmt.height)})
    return name


def preview(image, spec: CropSpec) -> str:
    """The name of the stored preview of that size (computed if missing)."""
    name = preview_name(image, spec)
    _ensure(image, {name: spec})
    return name


def _zip_content(image, formats) -> bytes:
    names = {crop_name(image, f): CropSpec(f.width, f.height) for f in formats}
    contents = _ensure(image, names)
    storage = image.file.storage

    def content(name: str) -> bytes:
        if name not in contents:
            with storage.open(name, "rb") as fh:
                contents[name] = fh.read()
        return contents[name]

    return zip_files((crop_filename(image, f), content(crop_name(image, f))) for f in formats)


def crops_zip(image, formats, *, keep: bool) -> tuple[str, bytes | None]:
    """The ZIP of ``formats``: ``(name, None)`` when stored (``keep``), else ``(name, bytes)``.

    Only the ZIP of every format is kept; another selection is assembled from stored crops.
    """
    name = zip_name(image, formats)
    storage = image.file.storage
    if storage.exists(name):  # also when a selection happens to be every format
        return name, None
    if not keep:
        return name, _zip_content(image, formats)
    derivatives.save(storage, name, _zip_content(image, formats))
    return name, None


def warm(image, formats) -> None:
    """Store the previews, every crop and the ZIP of every format (after an upload or a new
    focal point), decoding the picture once."""
    wanted = {preview_name(image, spec): spec for spec in preview_specs(image)}
    wanted |= {crop_name(image, f): CropSpec(f.width, f.height) for f in formats}
    _ensure(image, wanted)
    if formats:
        crops_zip(image, formats, keep=True)


def preview_specs(image) -> list[CropSpec]:
    return [preview_spec(image, longest) for longest in PREVIEW_SIZES.values()]


def prune(image) -> int:
    """Delete the stored derivatives the image's current file and focal point do not produce."""
    current = (_file_state(image), _focal_state(image))
    return derivatives.prune(
        image.file.storage,
        _directory(image.pk),
        keep=lambda filename: filename.split("-", 1)[0] in current,
    )


def delete_all(storage, image_pk: int) -> int:
    """Delete every derivative of a deleted image."""
    return derivatives.prune(storage, _directory(image_pk))
