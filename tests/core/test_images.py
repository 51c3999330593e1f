"""core.images: what an upload must pass, and how crops are cut around the focal point."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from core.images import CropSpec, crop_to, crops_zip, is_upscaled, sanitize_image


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


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


def test_too_large_file_is_refused_before_decoding():
    content = encode(Image.new("RGB", (300, 300)), "PNG")
    error = rejection(content, max_bytes=100)
    assert error.code == "too_large"
    assert "100" in error.messages[0]


def test_too_many_pixels_is_refused():
    # A tiny PNG file that declares a huge canvas: the classic decompression bomb.
    content = encode(Image.new("1", (5000, 5000)), "PNG")
    assert len(content) < 10_000
    assert rejection(content, max_pixels=1_000_000).code == "too_many_pixels"


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
