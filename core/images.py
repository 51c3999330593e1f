"""Image safety and cropping, shared by every app that accepts pictures.

``sanitize_image`` is the only way an uploaded picture enters storage: it checks the size, the
pixel count (decompression bombs) and the real format (not the name or the browser's type), then
re-encodes the pixels, which drops EXIF, GPS and any payload hidden after the image data.
``crop_to`` and ``crops_zip`` cut a stored picture to a platform's size around a focal point.
"""

import contextlib
import io
import math
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000

#: Pillow format → file extension; anything else is refused.
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    format: str
    width: int
    height: int
    extension: str


@dataclass(frozen=True)
class CropSpec:
    width: int
    height: int


def _read(fileobj, max_bytes: int) -> bytes:
    size = getattr(fileobj, "size", None)
    if hasattr(fileobj, "seek"):
        with contextlib.suppress(OSError, ValueError):
            if size is None:
                size = fileobj.seek(0, io.SEEK_END)
            fileobj.seek(0)
    if size is not None and size > max_bytes:
        raise _too_large(size, max_bytes)
    # Read one byte more than allowed: enough to know it is too large, never the whole file.
    content = fileobj.read(max_bytes + 1)
    if not content:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(content) > max_bytes:
        raise _too_large(len(content), max_bytes)
    return content


def _too_large(size: int, limit: int) -> ValidationError:
    return ValidationError(
        _("The file is too large (%(size)s); the limit is %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
        code="too_large",
    )


def _invalid() -> ValidationError:
    return ValidationError(_("This file is not an image, or it is damaged."), code="invalid_image")


def _unsupported() -> ValidationError:
    return ValidationError(
        _("This image format is not accepted: use JPEG, PNG or WebP."), code="unsupported_format"
    )


def _too_many_pixels(width: int, height: int, max_pixels: int) -> ValidationError:
    return ValidationError(
        _("The image has too many pixels (%(width)s×%(height)s); the limit is %(limit)s million.")
        % {"width": width, "height": height, "limit": round(max_pixels / 1_000_000, 1)},
        code="too_many_pixels",
    )


def sanitize_image(
    fileobj, *, max_bytes: int = MAX_UPLOAD_BYTES, max_pixels: int = MAX_PIXELS
) -> CleanImage:
    """Check an uploaded picture and return it re-encoded, without metadata.

    Raises ValidationError with code ``empty``, ``too_large``, ``too_many_pixels``,
    ``invalid_image`` or ``unsupported_format``.
    """
    content = _read(fileobj, max_bytes)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as probe:
                fmt = probe.format
                width, height = probe.size
                animated = getattr(probe, "is_animated", False)
                if fmt in EXTENSIONS and width * height <= max_pixels and not animated:
                    probe.verify()
            if fmt not in EXTENSIONS or animated:
                raise _unsupported()
            if width * height > max_pixels:
                raise _too_many_pixels(width, height, max_pixels)
            # verify() leaves the image unusable: open again to decode the pixels.
            with Image.open(io.BytesIO(content)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                out = _encode(image, fmt)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(*_header_size(content), max_pixels) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _invalid() from None
    return CleanImage(
        content=out,
        format=fmt,
        width=image.width,
        height=image.height,
        extension=EXTENSIONS[fmt],
    )


def save_with_clean_image(instance, field_name: str, upload, *, stem: str = "image") -> None:
    """Sanitise ``upload`` and save ``instance`` with it in its ImageField ``field_name``.

    The row is validated before the file is written and the file removed if the save fails,
    so a refused upload leaves no orphan file. Any model with a picture (library images,
    persona photos, post visuals) stores it this way.
    """
    clean = sanitize_image(upload)
    instance.full_clean(exclude=[field_name])
    field = instance._meta.get_field(field_name)
    file = getattr(instance, field_name)
    file.save(f"{stem}{clean.extension}", ContentFile(clean.content), save=False)
    # FieldFile.save(save=False) leaves the dimension fields empty: the sanitizer knows them.
    if field.width_field:
        setattr(instance, field.width_field, clean.width)
    if field.height_field:
        setattr(instance, field.height_field, clean.height)
    try:
        instance.save()
    except Exception:
        file.storage.delete(file.name)
        raise


def _header_size(content: bytes) -> tuple[int, int]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Image.open(io.BytesIO(content)).size
    except Exception:
        return (0, 0)


def _encode(image: Image.Image, fmt: str) -> bytes:
    """Re-encode the pixels only: no EXIF, XMP or comments (the ICC profile keeps colours)."""
    keep = {"JPEG": ("RGB", "L"), "PNG": ("1", "L", "LA", "P", "RGB", "RGBA")}.get(
        fmt, ("RGB", "RGBA")
    )
    icc = image.info.get("icc_profile")
    if image.mode not in keep:
        # e.g. a CMYK JPEG: its (CMYK) colour profile no longer describes the converted pixels.
        has_alpha = "A" in image.getbands() or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha and "RGBA" in keep else "RGB")
        icc = None
    extra = {"icc_profile": icc} if icc else {}
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, "JPEG", quality=90, optimize=True, **extra)
    elif fmt == "PNG":
        image.save(out, "PNG", optimize=True, **extra)
    else:
        image.save(out, "WEBP", quality=90, **extra)
    return out.getvalue()


# Cropping ------------------------------------------------------------------------------------


def _crop_size(src_w: int, src_h: int, spec: CropSpec) -> tuple[int, int]:
    """The largest region of the source with the target's proportions."""
    if src_w * spec.height > src_h * spec.width:  # source wider than the target
        return max(1, min(src_w, round(src_h * spec.width / spec.height))), src_h
    return src_w, max(1, min(src_h, round(src_w * spec.height / spec.width)))


def is_upscaled(src_w: int, src_h: int, spec: CropSpec) -> bool:
    """True when the crop must be enlarged to reach the target size (it may look blurry)."""
    crop_w, crop_h = _crop_size(src_w, src_h, spec)
    return crop_w < spec.width or crop_h < spec.height


def _box(src_w: int, src_h: int, spec: CropSpec, focal_x: float, focal_y: float):
    crop_w, crop_h = _crop_size(src_w, src_h, spec)
    focal_x, focal_y = min(1.0, max(0.0, focal_x)), min(1.0, max(0.0, focal_y))
    left = min(max(0.0, focal_x * src_w - crop_w / 2), src_w - crop_w)
    top = min(max(0.0, focal_y * src_h - crop_h / 2), src_h - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def _open(image_bytes: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(image_bytes))
    return image


def _cut(image: Image.Image, spec: CropSpec, focal_x: float, focal_y: float) -> Image.Image:
    box = _box(image.width, image.height, spec, focal_x, focal_y)
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    return image.resize(
        (spec.width, spec.height), Image.Resampling.LANCZOS, box=box, reducing_gap=3.0
    )


def _save(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        if image.mode in ("RGBA", "LA"):
            background = Image.new("RGB", image.size, "white")
            background.paste(image, mask=image.getchannel("A"))
            image = background
        elif image.mode != "RGB":
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=88, optimize=True, progressive=True)
    else:
        image.save(out, fmt)
    return out.getvalue()


def crop_to(
    image_bytes: bytes,
    spec: CropSpec,
    *,
    focal_x: float = 0.5,
    focal_y: float = 0.5,
    format: str = "JPEG",
) -> bytes:
    """The picture cut to ``spec``'s proportions around the focal point, then resized to it."""
    with _open(image_bytes) as image:
        if image.format == "JPEG":
            # Decode a large JPEG at a reduced scale when the crop is smaller anyway (fast).
            crop_w, crop_h = _crop_size(image.width, image.height, spec)
            scale = max(spec.width / crop_w, spec.height / crop_h)
            if scale < 1:
                image.draft(
                    image.mode, (math.ceil(image.width * scale), math.ceil(image.height * scale))
                )
        image.load()
        return _save(_cut(image, spec, focal_x, focal_y), format)


def crops_zip(
    image_bytes: bytes,
    items: Iterable[tuple[str, CropSpec]],
    *,
    focal_x: float = 0.5,
    focal_y: float = 0.5,
) -> bytes:
    """A ZIP of JPEG crops, one per ``(filename, spec)``; the picture is decoded once."""
    out = io.BytesIO()
    seen: set[str] = set()
    with _open(image_bytes) as image, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        image.load()
        for filename, spec in items:
            name, n = filename, 1
            while name in seen:
                n += 1
                stem, dot, ext = filename.rpartition(".")
                name = f"{stem}-{n}.{ext}" if dot else f"{filename}-{n}"
            seen.add(name)
            archive.writestr(name, _save(_cut(image, spec, focal_x, focal_y), "JPEG"))
    return out.getvalue()
