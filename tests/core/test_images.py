"""core.images: what an upload must pass, and how crops are cut around the focal point."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image

from core.images import (
    MAX_PIXELS,
    MAX_UPLOAD_BYTES,
    CropSpec,
    crop_many,
    crop_to,
    crops_zip,
    is_upscaled,
    sanitize_image,
)

NBSP = "\u00a0"  # Django's French thousands separator, and the space before « ; »


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def black_png(width: int, height: int) -> bytes:
    """A valid 1-bit black PNG of any size, written row by row.

    Pillow would hold the whole canvas in memory to save it (900 MB for 30000 × 30000); the
    rows of a solid picture compress about 1000:1, so the file stays small: the bomb.
    """

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    row = b"\0" * (1 + (width + 7) // 8)  # filter byte + packed pixels
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def padded(content: bytes, size: int) -> bytes:
    """``content`` followed by zeros up to ``size`` bytes (decoders ignore trailing data)."""
    return content + b"\0" * (size - len(content))


def rejection(content: bytes, **limits) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        sanitize_image(io.BytesIO(content), **limits)
    return caught.value


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_accepted_formats_are_reencoded_in_the_same_format(fmt):
    clean = sanitize_image(io.BytesIO(encode(Image.new("RGB", (30, 20), "red"), fmt)))
    assert (clean.format, clean.width, clean.height) == (fmt, 30, 20)
    assert clean.extension == {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}[fmt]
    with Image.open(io.BytesIO(clean.content)) as stored:
        assert (stored.format, stored.size) == (fmt, (30, 20))


def test_exif_and_trailing_payload_are_dropped():
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    content = encode(Image.new("RGB", (30, 20)), "JPEG", exif=exif) + b"<?php evil(); ?>"
    clean = sanitize_image(io.BytesIO(content))
    with Image.open(io.BytesIO(clean.content)) as stored:
        assert not stored.getexif()
    assert b"evil" not in clean.content


def test_exif_orientation_is_applied_before_it_is_dropped():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° when displaying
    clean = sanitize_image(io.BytesIO(encode(Image.new("RGB", (40, 10)), "JPEG", exif=exif)))
    assert (clean.width, clean.height) == (10, 40)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty"),
        (b"just some text\n" * 20, "invalid_image"),
        (encode(Image.new("RGB", (30, 20)), "JPEG")[:200], "invalid_image"),
        (encode(Image.new("RGB", (30, 20)), "GIF"), "unsupported_format"),
        (encode(Image.new("RGB", (30, 20)), "BMP"), "unsupported_format"),
    ],
    ids=["empty", "text", "truncated-jpeg", "gif", "bmp"],
)
def test_bad_files_are_refused_with_a_code(content, code):
    assert rejection(content).code == code


def test_animated_webp_is_refused():
    frames = [Image.new("RGB", (20, 20), c) for c in ("red", "blue")]
    content = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100)
    assert rejection(content).code == "unsupported_format"


def test_limits_can_be_passed_for_another_use():
    content = encode(Image.new("1", (2000, 1500)), "PNG")
    assert rejection(content, max_bytes=100).messages == [
        f"The file is too large ({len(content)}{NBSP}bytes); the limit is 100{NBSP}bytes."
    ]
    assert rejection(content, max_pixels=1_000_000).messages == [
        "The image is 2,000 × 1,500 pixels (3 million); the limit is 1 million pixels. "
        "Reduce it to 1,154 × 866 or less, then upload it again."
    ]


# The default limits, with small files -------------------------------------------------------


def test_default_limits_are_10_mb_and_25_million_pixels():
    assert (MAX_UPLOAD_BYTES, MAX_PIXELS) == (10 * 1024 * 1024, 25_000_000)


@pytest.fixture(scope="module")
def png_30000():
    return black_png(30_000, 30_000)


def test_the_bomb_is_a_real_png_of_30000_by_30000_in_a_small_file(png_30000, monkeypatch):
    assert len(png_30000) < 150_000  # 110 KB for 900 million pixels
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # Pillow would refuse to open it
    with Image.open(io.BytesIO(png_30000)) as image:
        assert (image.format, image.size, image.mode) == ("PNG", (30_000, 30_000), "1")
    with Image.open(io.BytesIO(black_png(300, 200))) as small:
        small.load()
        assert (small.size, small.getextrema()) == ((300, 200), (0, 0))


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "en",
            "The image is 30,000 × 30,000 pixels (900 million); the limit is 25 million "
            "pixels. Reduce it to 5,000 × 5,000 or less, then upload it again.",
        ),
        (
            "fr",
            f"L’image fait 30{NBSP}000 × 30{NBSP}000 pixels (900 millions){NBSP}; la limite "
            f"est de 25 millions de pixels. Réduisez-la à 5{NBSP}000 × 5{NBSP}000 ou moins, "
            "puis téléversez-la de nouveau.",
        ),
    ],
)
def test_small_file_of_900_million_pixels_says_its_size_in_the_reader_language(
    png_30000, language, message
):
    with translation.override(language):
        error = rejection(png_30000)
    assert (error.code, error.messages) == ("too_many_pixels", [message])


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "en",
            "The image is 7,716 × 5,145 pixels (39.7 million); the limit is 25 million "
            "pixels. Reduce it to 6,123 × 4,082 or less, then upload it again.",
        ),
        (
            "fr",
            f"L’image fait 7{NBSP}716 × 5{NBSP}145 pixels (39,7 millions){NBSP}; la limite "
            f"est de 25 millions de pixels. Réduisez-la à 6{NBSP}123 × 4{NBSP}082 ou moins, "
            "puis téléversez-la de nouveau.",
        ),
    ],
)
def test_39_7_megapixels_are_over_the_cap(language, message):
    content = black_png(7716, 5145)
    assert len(content) < 10_000
    with translation.override(language):
        error = rejection(content)
    assert (error.code, error.messages) == ("too_many_pixels", [message])


def test_a_24_megapixel_photo_is_accepted():
    clean = sanitize_image(io.BytesIO(black_png(6000, 4000)))
    assert (clean.format, clean.width, clean.height) == ("PNG", 6000, 4000)


def test_jpeg_over_the_cap_is_refused_from_its_header():
    content = encode(Image.new("L", (6124, 4083), 128), "JPEG")
    assert rejection(content).messages == [
        "The image is 6,124 × 4,083 pixels (25 million); the limit is 25 million pixels. "
        "Reduce it to 6,123 × 4,082 or less, then upload it again."
    ]


def test_webp_canvas_is_read_from_the_header_before_pillow_allocates_it():
    # An extended WebP declaring a 16000 × 16000 canvas (1 GB decoded) and nothing else.
    vp8x = b"\x00\x00\x00\x00" + (15_999).to_bytes(3, "little") * 2
    content = b"RIFF" + struct.pack("<I", 4 + 8 + 10) + b"WEBP" + b"VP8X" + b"\x0a\0\0\0" + vp8x
    assert rejection(content).messages == [
        "The image is 16,000 × 16,000 pixels (256 million); the limit is 25 million pixels. "
        "Reduce it to 5,000 × 5,000 or less, then upload it again."
    ]


def test_pillow_limit_below_ours_gives_the_same_message(monkeypatch):
    # Pillow's own bomb check (MAX_IMAGE_PIXELS) never speaks first: its limit becomes ours.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)
    assert rejection(black_png(2000, 2000)).messages == [
        "The image is 2,000 × 2,000 pixels (4 million); the limit is 1 million pixels. "
        "Reduce it to 1,000 × 1,000 or less, then upload it again."
    ]


def test_huge_picture_in_another_format_is_an_unaccepted_format():
    # A GIF declaring 20000 × 20000: Pillow's bomb check stops it, and the format is the news.
    gif = bytearray(encode(Image.new("P", (10, 10)), "GIF"))
    gif[6:10] = struct.pack("<HH", 20_000, 20_000)
    assert rejection(bytes(gif)).code == "unsupported_format"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", f"The file is too large (12.3{NBSP}MB); the limit is 10{NBSP}MB."),
        (
            "fr",
            f"Le fichier est trop volumineux (12,3{NBSP}Mo){NBSP}; la limite est de 10{NBSP}Mo.",
        ),
    ],
)
def test_file_over_10_mb_is_refused(language, message):
    content = padded(encode(Image.new("RGB", (30, 20)), "JPEG"), round(12.3 * 1024 * 1024))
    with translation.override(language):
        error = rejection(content)
    assert (error.code, error.messages) == ("too_large", [message])


def test_a_file_of_exactly_10_mb_is_accepted_and_one_byte_more_is_not():
    picture = encode(Image.new("RGB", (30, 20), "red"), "JPEG")
    clean = sanitize_image(io.BytesIO(padded(picture, 10 * 1024 * 1024)))
    assert (clean.width, clean.height) == (30, 20)
    assert rejection(padded(picture, 10 * 1024 * 1024 + 1)).code == "too_large"


def test_upscaled_when_the_largest_crop_is_smaller_than_the_target():
    assert is_upscaled(640, 480, CropSpec(1080, 1080))
    assert not is_upscaled(2000, 1500, CropSpec(1080, 1080))
    assert is_upscaled(4000, 600, CropSpec(1080, 1080))


def test_crop_has_the_exact_target_size_and_is_a_jpeg():
    source = encode(Image.new("RGBA", (500, 300), (0, 0, 255, 128)), "PNG")
    with Image.open(io.BytesIO(crop_to(source, CropSpec(100, 200)))) as crop:
        assert (crop.format, crop.size, crop.mode) == ("JPEG", (100, 200), "RGB")


def _split() -> bytes:
    image = Image.new("RGB", (400, 200), "red")
    image.paste(Image.new("RGB", (200, 200), "blue"), (200, 0))
    return encode(image, "PNG")


@pytest.mark.parametrize(("focal_x", "channel"), [(0.0, 0), (1.0, 2)], ids=["left", "right"])
def test_crop_keeps_the_focal_point_in_view(focal_x, channel):
    crop = crop_to(_split(), CropSpec(100, 100), focal_x=focal_x)
    with Image.open(io.BytesIO(crop)) as image:
        mean = image.resize((1, 1)).getpixel((0, 0))
    assert mean[channel] > 200


def test_crop_many_decodes_once_and_cuts_each_size():
    crops = crop_many(_split(), [CropSpec(50, 50), CropSpec(40, 80)], focal_x=1.0)
    sizes = []
    for crop in crops:
        with Image.open(io.BytesIO(crop)) as image:
            sizes.append(image.size)
            assert image.resize((1, 1)).getpixel((0, 0))[2] > 200  # the blue side: focal_x=1
    assert sizes == [(50, 50), (40, 80)]


def test_zip_has_one_crop_per_item_and_unique_names():
    data = crops_zip(
        _split(),
        [("a.jpg", CropSpec(50, 50)), ("b.jpg", CropSpec(80, 40)), ("a.jpg", CropSpec(20, 20))],
        focal_x=0.5,
        focal_y=0.5,
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["a.jpg", "b.jpg", "a-2.jpg"]
        with Image.open(archive.open("b.jpg")) as crop:
            assert crop.size == (80, 40)


def test_cmyk_jpeg_is_stored_as_rgb_without_its_cmyk_profile():
    cmyk = Image.new("CMYK", (40, 30), (0, 255, 255, 0))  # red in CMYK
    clean = sanitize_image(io.BytesIO(encode(cmyk, "JPEG", icc_profile=b"fake cmyk profile")))
    with Image.open(io.BytesIO(clean.content)) as stored:
        assert (stored.format, stored.mode) == ("JPEG", "RGB")
        assert "icc_profile" not in stored.info
        red, green, blue = stored.getpixel((20, 15))
        assert red > 200 and green < 60 and blue < 60


def test_png_with_alpha_keeps_its_transparency_and_crops_on_white():
    content = encode(Image.new("RGBA", (60, 40), (255, 0, 0, 0)), "PNG")
    clean = sanitize_image(io.BytesIO(content))
    with Image.open(io.BytesIO(clean.content)) as stored:
        assert stored.mode == "RGBA" and stored.getpixel((5, 5))[3] == 0
    with Image.open(io.BytesIO(crop_to(clean.content, CropSpec(30, 30)))) as crop:
        assert crop.format == "JPEG" and crop.getpixel((15, 15)) == (255, 255, 255)
