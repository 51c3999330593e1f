"""Writes for step 3: the catalogue loader, channels, local notes, a plan's audience and choices."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import activity_log
from core.images import sanitize_image

from . import recommender
from .models import (
    AudienceSegment,
    Channel,
    ImageFormat,
    Platform,
    PlatformBrief,
    PlatformChoice,
    PlatformFigure,
    PlatformNote,
    SourceImage,
)

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


# Channels ------------------------------------------------------------------------------------


def _clean_channel(channel: Channel) -> None:
    """Field rules, then the name: unique in the organisation whatever its case."""
    channel.full_clean(validate_unique=False, validate_constraints=False)
    clash = Channel.objects.for_org(channel.organization).filter(name__iexact=channel.name)
    if channel.pk:
        clash = clash.exclude(pk=channel.pk)
    if clash.exists():
        message = _("Another channel already has this name.")
        raise ValidationError({"name": ValidationError(message, code="duplicate_name")})


@transaction.atomic
def channel_create(*, org, actor, **fields) -> Channel:
    """Add an account (own or partner) to the organisation."""
    channel = Channel(organization=org, **fields)
    _clean_channel(channel)
    channel.save()
    activity_log(
        org=org,
        actor=actor,
        verb="channel.create",
        description=_("Channel “%(name)s” added") % {"name": channel.name},
    )
    return channel


@transaction.atomic
def channel_update(*, channel: Channel, actor, **fields) -> Channel:
    for name, value in fields.items():
        setattr(channel, name, value)
    _clean_channel(channel)
    channel.save()
    activity_log(
        org=channel.organization,
        actor=actor,
        verb="channel.update",
        description=_("Channel “%(name)s” updated") % {"name": channel.name},
    )
    return channel


@transaction.atomic
def channel_set_active(*, channel: Channel, active: bool, actor) -> Channel:
    """Archive or restore a channel. Archived channels keep their history (posts, stats)."""
    channel.is_active = active
    channel.save(update_fields=["is_active", "updated_at"])
    message = _("Channel “%(name)s” restored") if active else _("Channel “%(name)s” archived")
    activity_log(
        org=channel.organization,
        actor=actor,
        verb="channel.restore" if active else "channel.archive",
        description=message % {"name": channel.name},
    )
    return channel


# Local notes ---------------------------------------------------------------------------------


@transaction.atomic
def platform_note_save(*, org, platform: Platform, text: str, actor) -> PlatformNote | None:
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
        description=_("Note on %(platform)s updated") % {"platform": platform.name},
    )
    return note


# A plan's audience and choices ---------------------------------------------------------------


@transaction.atomic
def brief_save(
    *, plan, segments: list[dict], content_types: list[str], goal: str, preset: str, actor
) -> PlatformBrief:
    """Replace the plan's audience segments, content types and goal."""
    brief, _created = PlatformBrief.objects.get_or_create(plan=plan)
    brief.content_types = list(content_types)
    brief.goal = goal or ""
    brief.preset = preset or ""
    brief.save()
    rows = []
    for position, seg in enumerate(segments):
        row = AudienceSegment(plan=plan, position=position, **seg)
        row.full_clean(exclude=["plan"])
        rows.append(row)
    plan.audience_segments.all().delete()
    AudienceSegment.objects.bulk_create(rows)
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="plan.audience",
        description=_("Audience of “%(plan)s” updated") % {"plan": plan.title},
    )
    return brief


def recommendation_for(*, platforms, segments, content_types, goal) -> list:
    """Run the recommender on model rows (a thin adapter kept here so views stay thin)."""
    return recommender.recommend(
        platforms=[p.to_profile() for p in platforms],
        segments=[
            recommender.Segment(
                int(s["age_min"]),
                int(s["age_max"]),
                float(s.get("weight") or 1),
                s.get("label") or "",
            )
            for s in segments
        ],
        content_types=content_types,
        goal=goal or None,
        today_year=timezone.localdate().year,
    )


@transaction.atomic
def platform_choose(
    *, plan, platform: Platform, priority: int, rationale: str, actor, recommendation=None
) -> PlatformChoice:
    """Record (or update) a platform chosen for a plan, with a snapshot of why."""
    defaults = {
        "platform_name": platform.name,
        "priority": priority,
        "rationale": rationale,
        "chosen_by": actor,
    }
    if recommendation is not None:
        defaults["score"] = recommendation.score
        defaults["reasons"] = [str(r) for r in recommendation.reasons]
    choice = PlatformChoice.objects.filter(plan=plan, platform=platform).first()
    choice = choice or PlatformChoice(plan=plan, platform=platform)
    for name, value in defaults.items():
        setattr(choice, name, value)
    choice.full_clean()
    choice.save()
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="plan.platform",
        description=_("%(platform)s chosen for “%(plan)s”")
        % {"platform": platform.name, "plan": plan.title},
    )
    return choice


@transaction.atomic
def platform_unchoose(*, choice: PlatformChoice, actor) -> None:
    plan, name = choice.plan, choice.platform_name
    choice.delete()
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="plan.platform_remove",
        description=_("%(platform)s removed from “%(plan)s”")
        % {"platform": name, "plan": plan.title},
    )


# Images --------------------------------------------------------------------------------------


@transaction.atomic
def image_upload(*, org, title: str, upload, actor) -> SourceImage:
    """Store an uploaded image after checking and re-encoding it (metadata stripped)."""
    clean = sanitize_image(upload)
    image = SourceImage(organization=org, title=title, uploaded_by=actor)
    # Validate before writing the file, so a refused row leaves no orphan file in storage.
    image.full_clean(exclude=["file"])
    image.file.save(f"image{clean.extension}", ContentFile(clean.content), save=False)
    # FieldFile.save(save=False) leaves the dimension fields empty: the sanitizer knows them.
    image.width, image.height = clean.width, clean.height
    try:
        image.save()
    except Exception:
        image.file.storage.delete(image.file.name)
        raise
    activity_log(
        org=org,
        actor=actor,
        verb="image.upload",
        description=_("Image “%(title)s” uploaded") % {"title": title},
    )
    return image


@transaction.atomic
def image_set_focal_point(*, image: SourceImage, focal_x: float, focal_y: float) -> SourceImage:
    """Move the point every crop keeps in view (fractions of the width and height, 0–1)."""
    image.focal_x, image.focal_y = focal_x, focal_y
    image.full_clean()
    image.save(update_fields=["focal_x", "focal_y"])
    return image


@transaction.atomic
def image_delete(*, image: SourceImage, actor) -> None:
    """Delete the row now and its file once the transaction is committed."""
    org, title = image.organization, image.title
    storage, name = image.file.storage, image.file.name
    image.delete()
    transaction.on_commit(lambda: storage.delete(name))
    activity_log(
        org=org,
        actor=actor,
        verb="image.delete",
        description=_("Image “%(title)s” deleted") % {"title": title},
    )
