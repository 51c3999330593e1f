"""Image safety and cropping, shared by every app that accepts pictures.

``sanitize_image`` is the only way an uploaded picture enters storage: it checks the size, the
pixel count (decompression bombs, read from the header before anything is decoded) and the real
format (not the name or the browser's type), then re-encodes the pixels, which drops EXIF, GPS
and any payload hidden after the image data. ``crop_many``, ``crop_to`` and ``crops_zip`` cut a
stored picture to a platform's size around a focal point.
"""

import contextlib
import io
import math
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.html import avoid_wrapping
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, ImageOps, UnidentifiedImageError

# The limits of every upload, in one place (the upload form's help text reads them too).
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
#: 25 million pixels: what cameras and phones produce at full size (a 24 MP camera is
#: 6000 × 4000, a recent iPhone's default 24 MP photo 5712 × 4284 = 24.5 M), and far more than
#: any crop needs: the largest format of the catalogue is 2560 × 1440 (3.7 M), so even a crop
#: keeping a third of such a photo's width is not enlarged. Above it, pixels only cost memory
#: (100 MB decoded at 25 M, RGBA) and CPU on every crop; a bigger picture is reduced first.
MAX_PIXELS = 25_000_000

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
        % {"size": _file_size(size), "limit": _file_size(limit)},
        code="too_large",
    )


def _file_size(size: int) -> str:
    """``12.3 MB`` / ``12,3 Mo`` (the help text's unit, where Django says « Mio »); ``10 MB``."""
    megabytes = (Decimal(size) / 1024 / 1024).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if not megabytes:
        return filesizeformat(size)  # a limit below 0.1 MB (not the default one)
    if megabytes == megabytes.to_integral_value():
        megabytes = megabytes.quantize(Decimal(1))
    return avoid_wrapping(_("%(megabytes)s MB") % {"megabytes": _number(megabytes)})


def _invalid() -> ValidationError:
    return ValidationError(_("This file is not an image, or it is damaged."), code="invalid_image")


def _unsupported() -> ValidationError:
    return ValidationError(
        _("This image format is not accepted: use JPEG, PNG or WebP."), code="unsupported_format"
    )


def _number(value) -> str:
    """An integer or decimal in the reader's language, grouped: 30,000 / 30 000; 39.7 / 39,7."""
    return number_format(value, use_l10n=True, force_grouping=True)


def _millions(pixels: int) -> str:
    """``900 million`` / ``900 millions``, ``39.7 million`` / ``39,7 millions``."""
    value = (Decimal(pixels) / 1_000_000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    # French agrees "million" from 2 on (1,5 million, 2 millions): the catalogue's plural rule
    # (n > 1) decides on the whole part.
    return ngettext("%(count)s million", "%(count)s million", int(value)) % {
        "count": _number(value)
    }


def _fitting_size(width: int, height: int, max_pixels: int) -> tuple[int, int]:
    """The largest size with the same proportions and at most ``max_pixels`` pixels."""
    return (
        max(1, math.isqrt(width * max_pixels // height)),
        max(1, math.isqrt(height * max_pixels // width)),
    )


def _too_many_pixels(size: tuple[int, int] | None, max_pixels: int) -> ValidationError:
    if size is None:  # a header only Pillow could read: it knows the size is too large, not which
        return ValidationError(
            _("The image has more than %(limit)s pixels. Reduce it, then upload it again.")
            % {"limit": _millions(max_pixels)},
            code="too_many_pixels",
        )
    width, height = size
    fit_width, fit_height = _fitting_size(width, height, max_pixels)
    return ValidationError(
        _(
            "The image is %(width)s × %(height)s pixels (%(pixels)s); the limit is %(limit)s "
            "pixels. Reduce it to %(fit_width)s × %(fit_height)s or less, then upload it again."
        )
        % {
            "width": _number(width),
            "height": _number(height),
            "pixels": _millions(width * height),
            "limit": _millions(max_pixels),
            "fit_width": _number(fit_width),
            "fit_height": _number(fit_height),
        },
        code="too_many_pixels",
    )


def limits_text() -> str:
    """The accepted formats and upload limits for a form's help text, in the reader's language."""
    return _("JPEG, PNG or WebP, up to %(size)s and %(pixels)s pixels") % {
        "size": _file_size(MAX_UPLOAD_BYTES),
        "pixels": _millions(MAX_PIXELS),
    }


def _accepted_signature(content: bytes) -> str | None:
    """The accepted format a file's first bytes announce (JPEG, PNG, WEBP), or None."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if content.startswith(b"RIFF") and content[8:12] == b"WEBP":
        return "WEBP"
    if content.startswith(b"\xff\xd8"):
        return "JPEG"
    return None


def _declared_size(content: bytes) -> tuple[int, int] | None:
    """The width and height a JPEG, PNG or WebP file declares in its header, or None.

    Read by hand, before Pillow sees the file: Pillow refuses a huge canvas (its own bomb check)
    before telling its size, and its WebP reader allocates the canvas when it opens the file.
    """
    match _accepted_signature(content):
        case "PNG" if content[12:16] == b"IHDR":
            return int.from_bytes(content[16:20], "big"), int.from_bytes(content[20:24], "big")
        case "WEBP":
            return _webp_size(content)
        case "JPEG":
            return _jpeg_size(content)
    return None


def _webp_size(content: bytes) -> tuple[int, int] | None:
    chunk = content[12:16]
    if chunk == b"VP8 " and content[23:26] == b"\x9d\x01\x2a":
        return (
            int.from_bytes(content[26:28], "little") & 0x3FFF,
            int.from_bytes(content[28:30], "little") & 0x3FFF,
        )
    if chunk == b"VP8L" and len(content) >= 25 and content[20] == 0x2F:
        bits = int.from_bytes(content[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(content) >= 30:  # the canvas of an extended file
        return (
            int.from_bytes(content[24:27], "little") + 1,
            int.from_bytes(content[27:30], "little") + 1,
        )
    return None


#: Start-of-frame markers (baseline, progressive, lossless…): they carry the size.
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(content: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 <= len(content):
        if content[i] != 0xFF:
            return None
        marker = content[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            i += 2
            continue
        if marker in _JPEG_SOF:
            height = int.from_bytes(content[i + 5 : i + 7], "big")
            width = int.from_bytes(content[i + 7 : i + 9], "big")
            return width, height
        if marker == 0xDA:  # start of scan without a frame header: damaged
            return None
        i += 2 + int.from_bytes(content[i + 2 : i + 4], "big")
    return None


def sanitize_image(
    fileobj, *, max_bytes: int = MAX_UPLOAD_BYTES, max_pixels: int = MAX_PIXELS
) -> CleanImage:
    """Check an uploaded picture and return it re-encoded, without metadata.

    Raises ValidationError with code ``empty``, ``too_large``, ``too_many_pixels``,
    ``invalid_image`` or ``unsupported_format``.
    """
    content = _read(fileobj, max_bytes)
    # Pillow refuses a canvas above its own limit before telling its size: keep ours below it.
    max_pixels = min(max_pixels, Image.MAX_IMAGE_PIXELS or max_pixels)
    declared = _declared_size(content)
    if declared and declared[0] * declared[1] > max_pixels:
        raise _too_many_pixels(declared, max_pixels)
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
                raise _too_many_pixels((width, height), max_pixels)
            # verify() leaves the image unusable: open again to decode the pixels.
            with Image.open(io.BytesIO(content)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                out = _encode(image, fmt)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # The header of an accepted format was read above: this is another format (a GIF, a
        # TIFF…), or a header only Pillow could read.
        if _accepted_signature(content):
            raise _too_many_pixels(declared, max_pixels) from None
        raise _unsupported() from None
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


def crop_many(
    image_bytes: bytes,
    specs: Sequence[CropSpec],
    *,
    focal_x: float = 0.5,
    focal_y: float = 0.5,
    format: str = "JPEG",
) -> list[bytes]:
    """The picture cut to each spec's proportions around the focal point, then resized to it.

    The picture is decoded once for all the specs (the costly part of a crop).
    """
    with _open(image_bytes) as image:
        if image.format == "JPEG" and specs:
            # Decode a large JPEG at a reduced scale when every crop is smaller anyway (fast).
            scale = max(
                max(spec.width / crop_w, spec.height / crop_h)
                for spec in specs
                for crop_w, crop_h in [_crop_size(image.width, image.height, spec)]
            )
            if scale < 1:
                image.draft(
                    image.mode, (math.ceil(image.width * scale), math.ceil(image.height * scale))
                )
        image.load()
        return [_save(_cut(image, spec, focal_x, focal_y), format) for spec in specs]


def crop_to(
    image_bytes: bytes,
    spec: CropSpec,
    *,
    focal_x: float = 0.5,
    focal_y: float = 0.5,
    format: str = "JPEG",
) -> bytes:
    """The picture cut to ``spec``'s proportions around the focal point, then resized to it."""
    return crop_many(image_bytes, [spec], focal_x=focal_x, focal_y=focal_y, format=format)[0]


def zip_files(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A ZIP (stored, not compressed: JPEGs do not shrink) of ``(filename, content)`` pairs.

    A repeated file name gets a number (``a.jpg``, ``a-2.jpg``) instead of overwriting.
    """
    out = io.BytesIO()
    seen: set[str] = set()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for filename, content in members:
            name, n = filename, 1
            while name in seen:
                n += 1
                stem, dot, ext = filename.rpartition(".")
                name = f"{stem}-{n}.{ext}" if dot else f"{filename}-{n}"
            seen.add(name)
            archive.writestr(name, content)
    return out.getvalue()


def crops_zip(
    image_bytes: bytes,
    items: Iterable[tuple[str, CropSpec]],
    *,
    focal_x: float = 0.5,
    focal_y: float = 0.5,
) -> bytes:
    """A ZIP of JPEG crops, one per ``(filename, spec)``; the picture is decoded once."""
    items = list(items)
    contents = crop_many(
        image_bytes, [spec for _name, spec in items], focal_x=focal_x, focal_y=focal_y
    )
    return zip_files(zip((name for name, _spec in items), contents, strict=True))
