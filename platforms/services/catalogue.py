"""Writes on the shared catalogue (the loader) and on an organisation's notes about it."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from accounts.services import activity_log

from ..models import ImageFormat, Platform, PlatformFigure, PlatformNote

CATALOGUE_PATH = Path(settings.BASE_DIR) / "fixtures" / "platforms.json"


@dataclass
class CatalogueReport:
    platforms: int = 0
    figures: int = 0
    formats: int = 0

    def __str__(self) -> str:
        return (
            f"{self.platforms} platform(s), {self.figures} figure(s), "
            f"{self.formats} image format(s) added"
        )


@transaction.atomic
def catalogue_load(*, path: Path = CATALOGUE_PATH) -> CatalogueReport:
    """Add what the catalogue file has and the database lacks. Idempotent.

    Existing rows are never overwritten: site staff may have corrected them in the admin,
    and demographic figures are added as new dated rows rather than replacing old ones.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    report = CatalogueReport()
    for entry in data["platforms"]:
        fields = {
            k: entry[k]
            for k in (
                "name",
                "position",
                "age_min",
                "age_max",
                "content_types",
                "features",
                "min_account_age",
                "source",
                "source_year",
                "notes",
            )
            if k in entry
        }
        platform, created = Platform.objects.get_or_create(code=entry["code"], defaults=fields)
        if created:
            platform.full_clean()
            report.platforms += 1
        for figure in entry.get("figures", []):
            created = PlatformFigure.objects.get_or_create(
                platform=platform,
                label=figure["label"],
                year=figure["year"],
                defaults={
                    k: figure.get(k) or v
                    for k, v in (("age_min", None), ("age_max", None), ("source", ""), ("url", ""))
                },
            )[1]
            report.figures += created
        for fmt in entry.get("image_formats", []):
            created = ImageFormat.objects.get_or_create(
                platform=platform,
                code=fmt["code"],
                defaults={
                    k: fmt[k]
                    for k in ("label", "kind", "width", "height", "source", "year")
                    if k in fmt
                },
            )[1]
            report.formats += created
    return report


@transaction.atomic
def platform_note_update(*, org, platform: Platform, text: str, actor) -> PlatformNote | None:
    """Save (or, with empty text, delete) the organisation's note on a platform."""
    text = text.strip()
    if not text:
        PlatformNote.objects.for_org(org).filter(platform=platform).delete()
        return None
    note, _created = PlatformNote.objects.update_or_create(
        organization=org, platform=platform, defaults={"text": text, "updated_by": actor}
    )
    activity_log(
        org=org,
        actor=actor,
        verb="platform.note",
        params={"platform": platform.name},
    )
    return note
