"""Catalogue services: loading fixtures/platforms.json (deck bands, sources, idempotent)."""

import json

import pytest

from platforms.models import ImageFormat, Platform, PlatformFigure
from platforms.services.catalogue import CATALOGUE_PATH, catalogue_load

pytestmark = pytest.mark.django_db


DECK_BANDS = {
    "facebook": (18, 64),
    "youtube": (18, 55),
    "instagram": (18, 25),
    "linkedin": (35, 44),
    "pinterest": (18, 34),
    "snapchat": (18, 24),
    "whatsapp": (18, 44),
    "twitter": (18, 25),
}


def test_catalogue_has_the_nine_platforms_with_the_deck_bands_and_sources(catalogue):
    platforms = {p.code: p for p in Platform.objects.all()}
    assert set(platforms) == {*DECK_BANDS, "tiktok"}
    for code, band in DECK_BANDS.items():
        assert (platforms[code].age_min, platforms[code].age_max) == band
    assert all(p.source and p.source_year for p in platforms.values())
    assert ImageFormat.objects.filter(platform__code="instagram").exists()


def test_loading_twice_adds_nothing_and_keeps_admin_edits(catalogue):
    Platform.objects.filter(code="facebook").update(age_min=16, notes="edited by staff")
    counts = (Platform.objects.count(), ImageFormat.objects.count(), PlatformFigure.objects.count())
    report = catalogue_load()
    assert (report.platforms, report.formats, report.figures) == (0, 0, 0)
    assert counts == (
        Platform.objects.count(),
        ImageFormat.objects.count(),
        PlatformFigure.objects.count(),
    )
    facebook = Platform.objects.get(code="facebook")
    assert (facebook.age_min, facebook.notes) == (16, "edited by staff")


def test_catalogue_file_uses_only_known_content_types():
    data = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    for entry in data["platforms"]:
        assert set(entry["content_types"]) <= {"text", "short_text", "image", "video"}
        assert entry["age_min"] <= entry["age_max"]
