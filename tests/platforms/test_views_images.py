"""The image library: upload, focal point, crops one by one or as a ZIP, delete; roles, tenancy."""

import io
import zipfile
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

import core.images
from accounts.models import Role
from platforms import crops
from platforms.models import SourceImage
from tests.core.test_images import NBSP, black_png, padded
from tests.factories import ImageFormatFactory, PlatformFactory, SourceImageFactory

pytestmark = pytest.mark.django_db


# Helpers ------------------------------------------------------------------------------------


def jpeg_bytes(width=800, height=600, color="teal", *, exif=False) -> bytes:
    image = Image.new("RGB", (width, height), color)
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "Camera maker"  # Make
        data[0x8825] = {2: (45.0, 30.0, 0.0)}  # GPS latitude: where the photo was taken
        image.save(out, "JPEG", exif=data)
    else:
        image.save(out, "JPEG")
    return out.getvalue()


def animated_gif_bytes() -> bytes:
    frames = [Image.new("RGB", (40, 40), c) for c in ("red", "blue", "green")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def split_jpeg_bytes(width=400, height=200) -> bytes:
    """Left half red, right half blue: shows which side a crop kept."""
    image = Image.new("RGB", (width, height), "red")
    image.paste(Image.new("RGB", (width // 2, height), "blue"), (width // 2, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def upload(name: str, content: bytes, content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def list_url(org):
    return reverse("platforms:image_list", args=[org.slug])


def detail_url(image):
    return reverse("platforms:image_detail", args=[image.organization.slug, image.pk])


def crop_url(image, platform_code, format_code):
    return reverse(
        "platforms:image_crop", args=[image.organization.slug, image.pk, platform_code, format_code]
    )


def zip_url(image):
    return reverse("platforms:image_zip", args=[image.organization.slug, image.pk])


def delete_url(image):
    return reverse("platforms:image_delete", args=[image.organization.slug, image.pk])


def media_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def derivative_files(settings, image) -> list[str]:
    """The stored crops, previews and ZIPs of an image (file names)."""
    directory = settings.MEDIA_ROOT / crops.DERIVATIVES_DIR / str(image.pk)
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


def body(response) -> bytes:
    """A response's bytes, whether stored and streamed (FileResponse) or built in memory."""
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def image(org):
    return SourceImageFactory(organization=org, title="Reading room, spring")


@pytest.fixture
def formats(db):
    """Two platforms: one with two formats, one with one."""
    insta = PlatformFactory(code="instabook", name="Instabook", position=1)
    tube = PlatformFactory(code="tubeview", name="Tubeview", position=2)
    return {
        "square": ImageFormatFactory(platform=insta, code="square", width=1080, height=1080),
        "story": ImageFormatFactory(
            platform=insta, code="story", label="Story", width=1080, height=1920
        ),
        "thumb": ImageFormatFactory(
            platform=tube, code="thumb", label="Thumbnail", width=320, height=180
        ),
    }


# Upload -------------------------------------------------------------------------------------


def test_editor_upload_stores_a_reencoded_copy_without_metadata(client_as, org, settings):
    client = client_as(Role.EDITOR)
    response = client.post(
        list_url(org),
        {"title": "Our façade", "file": upload("facade.jpg", jpeg_bytes(exif=True))},
    )
    image = SourceImage.objects.for_org(org).get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(image)
    assert (image.title, image.width, image.height) == ("Our façade", 800, 600)
    assert image.uploaded_by == client.membership.user
    with image.file.open("rb") as fh, Image.open(fh) as stored:
        assert stored.size == (800, 600)
        assert not stored.getexif()
        assert "exif" not in stored.info
    assert "was uploaded" in " ".join(
        str(m) for m in client.get(detail_url(image)).context["messages"]
    )


@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        (
            "notes.png",
            b"This is a text file, not a picture.\n" * 10,
            "invalid_image",
            "This file is not an image, or it is damaged.",
        ),
        ("empty.jpg", b"", "empty", "The file is empty."),
        (
            "moving.gif",
            animated_gif_bytes(),
            "unsupported_format",
            "This image format is not accepted: use JPEG, PNG or WebP.",
        ),
    ],
    ids=["text-renamed-png", "zero-bytes", "animated-gif"],
)
def test_bad_upload_shows_the_sanitizer_error_on_the_file_and_creates_nothing(
    client_as, org, settings, name, content, code, message
):
    response = client_as(Role.EDITOR).post(
        list_url(org), {"title": "Keep me", "file": upload(name, content)}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert [e.code for e in form.errors.as_data()["file"]] == [code]
    assert form.errors["file"] == [message]
    assert form["title"].value() == "Keep me"
    assert not SourceImage.objects.exists()
    assert media_files(settings) == []


# The default limits (10 MB, 25 million pixels), with small files that decode to many pixels.


@pytest.mark.parametrize(
    ("language", "content", "message"),
    [
        (
            "en",
            lambda: black_png(30_000, 30_000),
            "The image is 30,000 × 30,000 pixels (900 million); the limit is 25 million "
            "pixels. Reduce it to 5,000 × 5,000 or less, then upload it again.",
        ),
        (
            "fr",
            lambda: black_png(30_000, 30_000),
            f"L’image fait 30{NBSP}000 × 30{NBSP}000 pixels (900 millions){NBSP}; la limite "
            f"est de 25 millions de pixels. Réduisez-la à 5{NBSP}000 × 5{NBSP}000 ou moins, "
            "puis téléversez-la de nouveau.",
        ),
        (
            "en",
            lambda: black_png(7716, 5145),
            "The image is 7,716 × 5,145 pixels (39.7 million); the limit is 25 million "
            "pixels. Reduce it to 6,123 × 4,082 or less, then upload it again.",
        ),
        (
            "en",
            lambda: padded(jpeg_bytes(), round(12.3 * 1024 * 1024)),
            f"The file is too large (12.3{NBSP}MB); the limit is 10{NBSP}MB.",
        ),
        (
            "fr",
            lambda: padded(jpeg_bytes(), round(12.3 * 1024 * 1024)),
            f"Le fichier est trop volumineux (12,3{NBSP}Mo){NBSP}; la limite est de 10{NBSP}Mo.",
        ),
    ],
    ids=["900-mp-en", "900-mp-fr", "39.7-mp", "12-mb-en", "12-mb-fr"],
)
def test_upload_over_the_default_limits_is_refused_in_the_reader_language(
    client_as, org, settings, language, content, message
):
    org.language = language  # no language cookie: the organisation's language is spoken
    org.save(update_fields=["language"])
    response = client_as(Role.EDITOR).post(
        list_url(org), {"title": "Big", "file": upload("big.png", content(), "image/png")}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [message]
    assert not SourceImage.objects.exists()
    assert media_files(settings) == []


def test_upload_without_title_keeps_the_form_and_stores_nothing(client_as, org, settings):
    response = client_as(Role.EDITOR).post(
        list_url(org), {"title": "", "file": upload("a.jpg", jpeg_bytes())}
    )
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert not SourceImage.objects.exists()
    assert media_files(settings) == []


def test_upload_field_accepts_only_the_three_image_types(client_as, org):
    html = client_as(Role.EDITOR).get(list_url(org)).content.decode()
    assert 'accept="image/jpeg,image/png,image/webp"' in html
    assert f"JPEG, PNG or WebP, up to 10{NBSP}MB and 25 million pixels" in html


def test_viewer_cannot_upload_but_sees_the_library_without_the_form(client_as, org, image):
    client = client_as(Role.VIEWER)
    response = client.post(list_url(org), {"title": "Nope", "file": upload("a.jpg", jpeg_bytes())})
    assert response.status_code == 403
    assert SourceImage.objects.count() == 1
    page = client.get(list_url(org))
    assert page.status_code == 200
    assert image.title in page.content.decode()
    assert 'type="file"' not in page.content.decode()


def test_empty_library_shows_an_empty_state(client_as, org):
    response = client_as(Role.EDITOR).get(list_url(org))
    assert 'class="empty-state"' in response.content.decode()
    assert list(response.context["images"]) == []


def test_library_page_query_count_does_not_grow_with_images(
    client_as, org, django_assert_max_num_queries
):
    client = client_as(Role.EDITOR)
    SourceImageFactory.create_batch(30, organization=org, file__width=40, file__height=30)
    # +1: the header's unread notifications (one count per page).
    with django_assert_max_num_queries(9):
        response = client.get(list_url(org))
    assert len(response.context["images"]) == 24
    assert response.context["is_paginated"]


def test_pages_never_link_to_public_media_urls(client_as, org, image, formats, settings):
    client = client_as(Role.EDITOR)
    for url in (list_url(org), detail_url(image)):
        html = client.get(url).content.decode()
        assert "/" + settings.MEDIA_URL not in html
        assert crop_url(image, "_preview", "thumb" if url == list_url(org) else "large") in html


# Previews -----------------------------------------------------------------------------------


def test_preview_keeps_the_whole_picture_scaled_down(client_as, org):
    image = SourceImageFactory(organization=org, file__width=2000, file__height=1000)
    response = client_as(Role.VIEWER).get(crop_url(image, "_preview", "thumb"))
    assert response["Content-Type"] == "image/jpeg"
    assert "Content-Disposition" not in response
    with Image.open(io.BytesIO(body(response))) as preview:
        assert preview.size == (480, 240)


def test_unknown_preview_size_is_404(client_as, image):
    assert client_as(Role.VIEWER).get(crop_url(image, "_preview", "huge")).status_code == 404


# Detail and focal point ---------------------------------------------------------------------


def test_detail_lists_formats_by_platform_with_source_and_download_links(client_as, image, formats):
    response = client_as(Role.VIEWER).get(detail_url(image))
    assert response.status_code == 200
    groups = response.context["format_groups"]
    assert [(p.code, [r.format.code for r in rows]) for p, rows in groups] == [
        ("instabook", ["square", "story"]),
        ("tubeview", ["thumb"]),
    ]
    html = response.content.decode()
    assert "1080×1920" in html and "Test source, 2025" in html
    assert crop_url(image, "instabook", "story") in html
    assert 'name="platform" value="tubeview"' in html
    assert "640×480 px" in html


def test_detail_flags_formats_larger_than_the_picture(client_as, image, formats):
    # The factory image is 640×480: 1080-wide formats are enlarged, the 320×180 one is not.
    response = client_as(Role.VIEWER).get(detail_url(image))
    flags = {
        r.format.code: r.upscaled for _p, rows in response.context["format_groups"] for r in rows
    }
    assert flags == {"square": True, "story": True, "thumb": False}
    assert response.content.decode().count("Enlarged") == 2


def test_detail_page_query_count_is_constant(
    client_as, image, formats, django_assert_max_num_queries
):
    client = client_as(Role.EDITOR)
    for n in range(10):
        ImageFormatFactory(platform__code=f"extra{n}", code="square")
    # +1: the header's unread notifications (one count per page).
    with django_assert_max_num_queries(9):
        response = client.get(detail_url(image))
    assert len(response.context["format_groups"]) == 12


def test_editor_sets_the_focal_point_in_percent(client_as, image):
    response = client_as(Role.EDITOR).post(detail_url(image), {"focal_x": "25", "focal_y": "80.5"})
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == pytest.approx((0.25, 0.805))


@pytest.mark.parametrize(
    "data",
    [{"focal_x": "101", "focal_y": "50"}, {"focal_x": "50", "focal_y": "-1"}, {"focal_x": "x"}],
    ids=["over-100", "negative", "not-a-number"],
)
def test_focal_point_outside_0_to_100_is_refused(client_as, image, data):
    response = client_as(Role.EDITOR).post(detail_url(image), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.5, 0.5)


def test_viewer_cannot_change_the_focal_point(client_as, image):
    response = client_as(Role.VIEWER).post(detail_url(image), {"focal_x": "10", "focal_y": "10"})
    assert response.status_code == 403
    image.refresh_from_db()
    assert image.focal_x == 0.5


# Crops --------------------------------------------------------------------------------------


def test_crop_is_a_jpeg_attachment_of_the_format_size(client_as, image, formats):
    response = client_as(Role.VIEWER).get(crop_url(image, "tubeview", "thumb"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == (
        'attachment; filename="reading-room-spring-tubeview-thumb-320x180.jpg"'
    )
    with Image.open(io.BytesIO(body(response))) as crop:
        assert (crop.format, crop.size) == ("JPEG", (320, 180))


def test_crop_follows_the_focal_point(client_as, org, formats):
    image = SourceImageFactory(
        organization=org,
        file=factory_file("split.jpg", split_jpeg_bytes()),
    )
    client = client_as(Role.VIEWER)

    def left_colour(focal_x):
        SourceImage.objects.filter(pk=image.pk).update(focal_x=focal_x)
        response = client.get(crop_url(image, "instabook", "square"))
        with Image.open(io.BytesIO(body(response))) as crop:
            return crop.convert("RGB").resize((1, 1)).getpixel((0, 0))

    red_side, blue_side = left_colour(0.0), left_colour(1.0)
    assert red_side[0] > 200 and red_side[2] < 60
    assert blue_side[2] > 200 and blue_side[0] < 60


def factory_file(name, content):
    from django.core.files.base import ContentFile

    return ContentFile(content, name=name)


def test_unchanged_crop_answers_not_modified(client_as, image, formats):
    client = client_as(Role.VIEWER)
    first = client.get(crop_url(image, "tubeview", "thumb"))
    again = client.get(
        crop_url(image, "tubeview", "thumb"), headers={"If-None-Match": first["ETag"]}
    )
    assert again.status_code == 304
    SourceImage.objects.filter(pk=image.pk).update(focal_x=0.1)
    moved = client.get(
        crop_url(image, "tubeview", "thumb"), headers={"If-None-Match": first["ETag"]}
    )
    assert moved.status_code == 200


@pytest.mark.parametrize(
    ("platform_code", "format_code"),
    [("instabook", "nope"), ("nope", "square"), ("tubeview", "square")],
    ids=["unknown-format", "unknown-platform", "format-of-another-platform"],
)
def test_unknown_crop_is_404(client_as, image, formats, platform_code, format_code):
    response = client_as(Role.VIEWER).get(crop_url(image, platform_code, format_code))
    assert response.status_code == 404


def test_crop_of_an_inactive_platform_is_404(client_as, image, formats):
    formats["thumb"].platform.__class__.objects.filter(code="tubeview").update(is_active=False)
    assert client_as(Role.VIEWER).get(crop_url(image, "tubeview", "thumb")).status_code == 404


# ZIP ----------------------------------------------------------------------------------------


def zip_names(response) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(body(response))) as archive:
        return sorted(archive.namelist())


def test_zip_has_one_crop_per_format_of_the_chosen_platforms(client_as, image, formats):
    response = client_as(Role.VIEWER).get(zip_url(image), {"platform": ["instabook", "unknown"]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="reading-room-spring-crops.zip"'
    assert zip_names(response) == [
        "reading-room-spring-instabook-square-1080x1080.jpg",
        "reading-room-spring-instabook-story-1080x1920.jpg",
    ]
    story = "reading-room-spring-instabook-story-1080x1920.jpg"
    with (
        zipfile.ZipFile(io.BytesIO(body(response))) as archive,
        Image.open(archive.open(story)) as crop,
    ):
        assert crop.size == (1080, 1920)


def test_zip_without_platform_has_every_format(client_as, image, formats):
    response = client_as(Role.VIEWER).get(zip_url(image))
    assert len(zip_names(response)) == 3


def test_zip_with_only_unknown_platforms_is_404(client_as, image, formats):
    response = client_as(Role.VIEWER).get(zip_url(image), {"platform": ["nope", "other"]})
    assert response.status_code == 404


# Stored crops: computed once, streamed afterwards --------------------------------------------


@pytest.fixture
def cropper(monkeypatch):
    """Counts the pixel work: every crop, preview and ZIP goes through ``crop_many``."""
    spy = mock.Mock(wraps=core.images.crop_many)
    monkeypatch.setattr(crops, "crop_many", spy)
    return spy


def test_viewer_downloads_the_zip_but_only_the_first_request_crops(
    client_as, image, formats, cropper
):
    client = client_as(Role.VIEWER)
    first = client.get(zip_url(image))
    assert first.status_code == 200
    assert cropper.call_count == 1  # one decoding for every format
    first_content = body(first)
    again = client.get(zip_url(image))
    assert again.status_code == 200 and again.streaming  # streamed from storage
    assert again["Content-Disposition"] == 'attachment; filename="reading-room-spring-crops.zip"'
    assert body(again) == first_content
    assert cropper.call_count == 1


def test_crops_and_previews_are_cut_once(client_as, image, formats, cropper):
    client = client_as(Role.VIEWER)
    for _ in range(2):
        assert client.get(crop_url(image, "tubeview", "thumb")).status_code == 200
        assert client.get(crop_url(image, "_preview", "thumb")).status_code == 200
    assert cropper.call_count == 2
    # The ZIP reuses the stored crop and cuts only the two formats it lacks, in one decoding.
    client.get(zip_url(image))
    assert cropper.call_count == 3
    assert list(cropper.call_args.args[1]) == [
        core.images.CropSpec(1080, 1080),
        core.images.CropSpec(1080, 1920),
    ]


def test_zip_of_some_platforms_is_assembled_from_stored_crops_and_not_kept(
    client_as, image, formats, cropper, settings
):
    client = client_as(Role.VIEWER)
    client.get(zip_url(image))
    stored = derivative_files(settings, image)
    some = client.get(zip_url(image), {"platform": "tubeview"})
    assert zip_names(some) == ["reading-room-spring-tubeview-thumb-320x180.jpg"]
    assert cropper.call_count == 1
    assert derivative_files(settings, image) == stored  # no file per selection of platforms
    every = client.get(zip_url(image), {"platform": ["instabook", "tubeview"]})
    assert every.streaming and len(zip_names(every)) == 3  # the stored ZIP of every format


def test_new_focal_point_gives_another_zip_and_removes_the_old_crops(
    client_as, org, formats, settings, django_capture_on_commit_callbacks
):
    image = SourceImageFactory(
        organization=org, title="Split", file=factory_file("s.jpg", split_jpeg_bytes())
    )
    client = client_as(Role.EDITOR)
    before = body(client.get(zip_url(image)))
    old_files = derivative_files(settings, image)
    assert len(old_files) == 4  # a crop of each of the three sizes, the ZIP

    with django_capture_on_commit_callbacks(execute=True):
        client.post(detail_url(image), {"focal_x": "0", "focal_y": "50"})
    new_files = derivative_files(settings, image)
    assert not set(old_files) & set(new_files)
    # Computed again at once (the task runs in-process in tests), with the preview: both
    # preview sizes are the whole 400×200 picture, one file.
    assert len(new_files) == 4 + 1

    after = body(client.get(zip_url(image)))
    assert after != before
    with zipfile.ZipFile(io.BytesIO(after)) as archive:
        square = archive.read("split-instabook-square-1080x1080.jpg")
    with Image.open(io.BytesIO(square)) as crop:
        assert crop.convert("RGB").resize((1, 1)).getpixel((0, 0))[0] > 200  # the red, left side


def test_upload_computes_the_crops_before_the_first_download(
    client_as, org, formats, cropper, django_capture_on_commit_callbacks
):
    client = client_as(Role.EDITOR)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(list_url(org), {"title": "Warm", "file": upload("w.jpg", jpeg_bytes())})
    assert cropper.call_count == 1  # previews and every crop from one decoding
    image = SourceImage.objects.get()
    viewer = client_as(Role.VIEWER)
    assert viewer.get(zip_url(image)).streaming
    assert viewer.get(crop_url(image, "_preview", "thumb")).status_code == 200
    assert viewer.get(crop_url(image, "instabook", "story")).status_code == 200
    assert cropper.call_count == 1


def test_a_broker_that_is_down_does_not_fail_the_upload(
    client_as, org, formats, monkeypatch, django_capture_on_commit_callbacks
):
    from platforms import tasks

    def down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(tasks.image_derivatives_build, "delay", down)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(Role.EDITOR).post(
            list_url(org), {"title": "Later", "file": upload("l.jpg", jpeg_bytes())}
        )
    assert response.status_code == 302
    image = SourceImage.objects.get()
    assert client_as(Role.VIEWER).get(zip_url(image)).status_code == 200  # cut on demand


# Delete -------------------------------------------------------------------------------------


def test_delete_asks_for_confirmation_then_removes_row_file_and_crops(
    client_as, image, formats, settings, django_capture_on_commit_callbacks
):
    client = client_as(Role.EDITOR)
    path = image.file.path
    client.get(zip_url(image))
    client.get(crop_url(image, "_preview", "large"))
    assert len(derivative_files(settings, image)) == 5
    confirm = client.get(delete_url(image))
    assert confirm.status_code == 200
    assert "cannot be undone" in confirm.content.decode()
    assert SourceImage.objects.filter(pk=image.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url(image))
    assert response.status_code == 302
    assert response["Location"] == list_url(image.organization)
    assert not SourceImage.objects.filter(pk=image.pk).exists()
    assert not image.file.storage.exists(image.file.name), path
    assert media_files(settings) == []
    assert not (settings.MEDIA_ROOT / crops.DERIVATIVES_DIR / str(image.pk)).exists()


def test_viewer_cannot_delete(client_as, image):
    client = client_as(Role.VIEWER)
    assert client.get(delete_url(image)).status_code == 403
    assert client.post(delete_url(image)).status_code == 403
    assert SourceImage.objects.filter(pk=image.pk).exists()


# Tenancy ------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["detail", "crop", "preview", "zip", "delete"])
def test_image_of_another_org_is_404(client_as, other_org, formats, page):
    foreign = SourceImageFactory(organization=other_org)
    client = client_as(Role.ADMIN)
    org_slug = client.membership.organization.slug
    urls = {
        "detail": ("platforms:image_detail", []),
        "crop": ("platforms:image_crop", ["tubeview", "thumb"]),
        "preview": ("platforms:image_crop", ["_preview", "thumb"]),
        "zip": ("platforms:image_zip", []),
        "delete": ("platforms:image_delete", []),
    }
    name, extra = urls[page]
    url = reverse(name, args=[org_slug, foreign.pk, *extra])
    assert client.get(url).status_code == 404
    assert SourceImage.objects.filter(pk=foreign.pk).exists()


def test_library_lists_only_the_organisation_images(client_as, org, other_org, image):
    SourceImageFactory(organization=other_org, title="Secret of B")
    response = client_as(Role.VIEWER).get(list_url(org))
    assert [i.title for i in response.context["images"]] == [image.title]
    assert "Secret of B" not in response.content.decode()
