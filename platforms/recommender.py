"""Which platforms for which audience: an explained, deterministic ranking.

A pure module: no models, no database. Callers turn catalogue rows into
:class:`PlatformProfile` objects (``Platform.to_profile()``) and audiences into
:class:`Segment` objects, then call :func:`recommend`.

The formula
-----------
For each platform *p* (age band ``[p.min, p.max]``, minimum account age ``p.account``):

* **Age fit** (weight ``AGE_WEIGHT``) — the weighted mean, over the segments, of
  ``COVERAGE_SHARE × coverage + FOCUS_SHARE × focus``, where, counting ages as whole years
  (18–25 is 8 years) and ignoring ages under ``p.account``, ``coverage`` = years of the segment
  inside the band ÷ years of the segment ("does the platform reach these people?") and
  ``focus`` = the same overlap ÷ years of the band ("is this platform *theirs*?", so that a
  platform built around young adults beats a general one for students).
  A segment wholly under the minimum account age scores 0 and raises a warning.
* **Content fit** (weight ``CONTENT_WEIGHT``) — the share of the wanted content types the
  platform prefers; ``text`` and ``short_text`` count ``SHORT_TEXT_MATCHES_TEXT`` for each other.
* **Goal fit** (weight ``GOAL_WEIGHT``, only when a goal is given) — ``visibility``: band width
  ÷ ``VISIBILITY_FULL_BAND_YEARS`` (capped at 1); ``video``: share of the platform's preferred
  content that is video; ``events``, ``professional``, ``community``: the summed weights of the
  platform features listed in ``GOAL_FEATURES`` (capped at 1).
* **Score** = the weighted sum ÷ the sum of the weights used, so it always lies in [0, 1].
  Ranking: score (highest first), then platform code.

Warnings (never part of the score): a segment under the minimum account age, a segment the
platform reaches none of, a wanted content type the platform does not favour, and an age band
whose figures are more than ``STALE_AFTER_YEARS`` old (when ``today_year`` is given).
"""

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .choices import ContentType, Goal

CONTENT_TYPES = tuple(ContentType.values)
GOALS = tuple(Goal.values)

# Weights of the three parts of the score, after the deck's question "which platforms for your
# audiences (clientèles), your needs and your objectives?". The audience comes first (the
# demographic table is the deck's main tool); the content you can produce second; the goal
# breaks near-ties between platforms that suit the audience about equally well.
AGE_WEIGHT = 0.60
CONTENT_WEIGHT = 0.25
GOAL_WEIGHT = 0.15

# Inside the age fit: how much of the segment the platform reaches (coverage) and how much of
# the platform's core audience the segment is (focus). Coverage alone would rank a broad band
# (WhatsApp 18–44) above a young platform (Instagram 18–25) even for students; focus is what
# makes the deck's "Instagram or Snapchat for a young audience" come out.
COVERAGE_SHARE = 0.7
FOCUS_SHARE = 1 - COVERAGE_SHARE

# "text" wanted on a short-text platform (or the reverse) is a partial match.
SHORT_TEXT_MATCHES_TEXT = 0.5

# The goal "visibility" rewards broad bands; a band this wide (in years) gets the full bonus.
VISIBILITY_FULL_BAND_YEARS = 40

# Features (as named in the catalogue, compared case-insensitively) that serve a goal, with
# their share of the goal's bonus; the sum is capped at 1.
GOAL_FEATURES: dict[str, dict[str, float]] = {
    "events": {"events": 1.0, "stories": 0.4, "live streaming": 0.3},
    "professional": {"recruiting": 0.4, "job search": 0.3, "discussion groups": 0.3},
    "community": {
        "groups": 1.0,
        "discussion groups": 0.5,
        "messenger": 0.3,
        "messaging": 0.3,
        "whatsapp business": 0.3,
    },
}

# Demographic figures older than this (in years) are flagged.
STALE_AFTER_YEARS = 5

# Bounds of a segment's ages.
AGE_LOWEST = 0
AGE_HIGHEST = 120

# Decimals kept on a score (so that equal scores compare equal despite float noise) and shown.
SCORE_DECIMALS = 4
DISPLAY_DECIMALS = 2

CONTENT_TYPE_LABELS = {
    "text": gettext_lazy("text"),
    "short_text": gettext_lazy("short text"),
    "image": gettext_lazy("images"),
    "video": gettext_lazy("videos"),
}
GOAL_LABELS = {
    "visibility": gettext_lazy("visibility and awareness"),
    "events": gettext_lazy("promote events and programmes"),
    "professional": gettext_lazy("professional network and partners"),
    "community": gettext_lazy("build a community"),
    "video": gettext_lazy("video reach"),
}

#: The catalogue's feature names (English, as in the fixture), translated for display; a name
#: added later in the admin and missing here is shown as typed.
FEATURE_LABELS = {
    "boards": gettext_lazy("Boards"),
    "business manager": gettext_lazy("Business Manager"),
    "camera filters and effects": gettext_lazy("Camera filters and effects"),
    "discussion groups": gettext_lazy("Discussion groups"),
    "events": gettext_lazy("Events"),
    "for you feed": gettext_lazy("For You feed"),
    "groups": gettext_lazy("Groups"),
    "igtv": gettext_lazy("IGTV"),
    "instagram shopping": gettext_lazy("Instagram Shopping"),
    "job search": gettext_lazy("Job search"),
    "linked instagram management": gettext_lazy("Linked Instagram management"),
    "live streaming": gettext_lazy("Live streaming"),
    "marketplace": gettext_lazy("Marketplace"),
    "messaging": gettext_lazy("Messaging"),
    "messenger": gettext_lazy("Messenger"),
    "monetisable content": gettext_lazy("Monetisable content"),
    "pins": gettext_lazy("Pins"),
    "playlists": gettext_lazy("Playlists"),
    "recommended channels": gettext_lazy("Recommended channels"),
    "recruiting": gettext_lazy("Recruiting"),
    "short vertical videos": gettext_lazy("Short vertical videos"),
    "stories": gettext_lazy("Stories"),
    "themes": gettext_lazy("Themes"),
    "watch": gettext_lazy("Watch"),
    "whatsapp business": gettext_lazy("WhatsApp Business"),
}


def feature_label(name: str) -> str:
    return str(FEATURE_LABELS.get(name.strip().lower(), name))


@dataclass(frozen=True)
class PlatformProfile:
    code: str
    name: str
    age_min: int
    age_max: int
    content_types: tuple[str, ...]
    min_account_age: int
    source_year: int
    features: tuple[str, ...] = ()


@dataclass(frozen=True)
class Segment:
    age_min: int
    age_max: int
    weight: float = 1.0
    label: str = ""

    def __post_init__(self):
        if not AGE_LOWEST <= self.age_min <= AGE_HIGHEST:
            raise ValueError(
                _("The lowest age must be between %(low)d and %(high)d, not %(age)s.")
                % {"low": AGE_LOWEST, "high": AGE_HIGHEST, "age": self.age_min}
            )
        if not AGE_LOWEST <= self.age_max <= AGE_HIGHEST:
            raise ValueError(
                _("The highest age must be between %(low)d and %(high)d, not %(age)s.")
                % {"low": AGE_LOWEST, "high": AGE_HIGHEST, "age": self.age_max}
            )
        if self.age_min > self.age_max:
            raise ValueError(
                _("The age range %(min)d–%(max)d ends before it starts.")
                % {"min": self.age_min, "max": self.age_max}
            )
        if not (self.weight > 0 and math.isfinite(self.weight)):
            raise ValueError(
                _("The weight of a segment must be greater than 0, not %(weight)s.")
                % {"weight": self.weight}
            )

    @property
    def years(self) -> int:
        return self.age_max - self.age_min + 1


@dataclass(frozen=True)
class Recommendation:
    platform: str
    name: str
    score: float
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]

    def as_dict(self) -> dict:
        return {
            "platform": self.platform,
            "score": round(self.score, DISPLAY_DECIMALS),
            "reasons": [str(r) for r in self.reasons],
            "warnings": [str(w) for w in self.warnings],
        }


@dataclass(frozen=True)
class Preset:
    """One of the deck's worked examples, ready to load as an audience."""

    code: str
    label: str
    description: str
    segments: tuple[Segment, ...]
    content_types: tuple[str, ...]
    goal: str | None
    # The deck's recommendation: one platform from each group (alternatives within a group).
    expected: tuple[frozenset[str], ...]


_SEGMENT_RE = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*(?::\s*([^\s:]+)\s*)?$")


def parse_segment(text: str) -> Segment:
    """``"MIN-MAX"`` or ``"MIN-MAX:WEIGHT"`` (e.g. ``"18-25:2"``) → a :class:`Segment`."""
    match = _SEGMENT_RE.match(text or "")
    if match is None:
        raise ValueError(
            _("“%(text)s” is not an age range: write MIN-MAX or MIN-MAX:WEIGHT, e.g. 18-25:2.")
            % {"text": text}
        )
    age_min, age_max, weight_text = match.groups()
    weight = 1.0
    if weight_text is not None:
        try:
            weight = float(weight_text)
        except ValueError:
            raise ValueError(
                _("“%(weight)s” is not a weight: use a number greater than 0, e.g. 18-25:2.")
                % {"weight": weight_text}
            ) from None
    return Segment(int(age_min), int(age_max), weight)


def _overlap(segment: Segment, platform: PlatformProfile) -> int:
    """Whole years of the segment inside the platform's band, old enough for an account."""
    low = max(segment.age_min, platform.age_min, platform.min_account_age)
    high = min(segment.age_max, platform.age_max)
    return max(0, high - low + 1)


def _band_years(platform: PlatformProfile) -> int:
    return max(0, platform.age_max - platform.age_min + 1)


def _who(segment: Segment) -> str:
    """How a segment is named in reasons: “Students” (18–25), or ages 18–25 without a label."""
    ages = {"min": segment.age_min, "max": segment.age_max}
    if str(segment.label).strip():
        return _("“%(label)s” (%(min)d–%(max)d)") % {**ages, "label": str(segment.label).strip()}
    return _("ages %(min)d–%(max)d") % ages


def _age_part(platform: PlatformProfile, segments: Sequence[Segment]):
    """(age fit in [0, 1], reasons, warnings)."""
    reasons: list[str] = []
    warnings: list[str] = []
    total_weight = sum(s.weight for s in segments)
    band_years = _band_years(platform)
    fit = 0.0
    for segment in segments:
        who = _who(segment)
        if segment.age_max < platform.min_account_age:
            warnings.append(
                _(
                    "%(who)s: children under %(age)d cannot have an account: reach them "
                    "through their parents."
                )
                % {"who": who, "age": platform.min_account_age}
            )
            continue
        overlap = _overlap(segment, platform)
        if overlap == 0:
            warnings.append(
                _("Reaches none of %(who)s: its audience is %(band_min)d–%(band_max)d.")
                % {"who": who, "band_min": platform.age_min, "band_max": platform.age_max}
            )
            continue
        coverage = overlap / segment.years
        focus = overlap / band_years
        fit += segment.weight * (COVERAGE_SHARE * coverage + FOCUS_SHARE * focus)
        reasons.append(
            _("Covers %(pct)d%% of %(who)s") % {"who": who, "pct": round(100 * coverage)}
        )
        if segment.age_min < platform.min_account_age:
            warnings.append(
                _("Part of %(who)s is under %(age)d, the minimum age for an account.")
                % {"who": who, "age": platform.min_account_age}
            )
    return fit / total_weight, reasons, warnings


def _type_match(wanted: str, offered: Iterable[str]) -> float:
    offered = set(offered)
    if wanted in offered:
        return 1.0
    if {wanted} | offered >= {"text", "short_text"} and wanted in ("text", "short_text"):
        return SHORT_TEXT_MATCHES_TEXT
    return 0.0


def _labels(types: Iterable[str]) -> str:
    return ", ".join(str(CONTENT_TYPE_LABELS[t]) for t in types)


def _content_part(platform: PlatformProfile, wanted: Sequence[str]):
    matches = {t: _type_match(t, platform.content_types) for t in wanted}
    full = [t for t in wanted if matches[t] == 1]
    partial = [t for t in wanted if 0 < matches[t] < 1]
    missing = [t for t in wanted if matches[t] == 0]
    reasons, warnings = [], []
    if full:
        reasons.append(_("Suits the content you plan: %(types)s") % {"types": _labels(full)})
    if partial:
        reasons.append(
            _("Partly suits %(types)s (it prefers %(offered)s)")
            % {"types": _labels(partial), "offered": _labels(platform.content_types)}
        )
    if missing:
        warnings.append(
            _("Does not favour %(types)s: its preferred content is %(offered)s.")
            % {"types": _labels(missing), "offered": _labels(platform.content_types)}
        )
    return sum(matches.values()) / len(wanted), reasons, warnings


def _goal_part(platform: PlatformProfile, goal: str):
    goal_label = str(GOAL_LABELS[goal])
    if goal == "visibility":
        years = _band_years(platform)
        fit = min(1.0, years / VISIBILITY_FULL_BAND_YEARS)
        reason = _("Broad audience (%(min)d–%(max)d, %(years)d years) for the goal “%(goal)s”") % {
            "min": platform.age_min,
            "max": platform.age_max,
            "years": years,
            "goal": goal_label,
        }
        return fit, [reason] if fit > 0 else []
    if goal == "video":
        types = platform.content_types
        fit = (sum(1 for t in types if t == "video") / len(types)) if types else 0.0
        if fit == 1:
            return fit, [
                _("A video-first platform, for the goal “%(goal)s”") % {"goal": goal_label}
            ]
        if fit > 0:
            return fit, [_("Takes videos, for the goal “%(goal)s”") % {"goal": goal_label}]
        return fit, []
    wanted = GOAL_FEATURES[goal]
    have = [f for f in platform.features if f.strip().lower() in wanted]
    fit = min(1.0, sum(wanted[f.strip().lower()] for f in have))
    if not have:
        return 0.0, []
    reason = _("For the goal “%(goal)s”: %(features)s") % {
        "goal": goal_label,
        "features": ", ".join(feature_label(f) for f in have),
    }
    return fit, [reason]


def _stale_warning(platform: PlatformProfile, today_year: int | None) -> list[str]:
    if today_year is None:
        return []
    age = today_year - platform.source_year
    if age <= STALE_AFTER_YEARS:
        return []
    return [
        ngettext(
            "The age band dates from %(year)d, %(age)d year ago: check current figures.",
            "The age band dates from %(year)d, %(age)d years ago: check current figures.",
            age,
        )
        % {"year": platform.source_year, "age": age}
    ]


def recommend(
    *,
    platforms: Iterable[PlatformProfile],
    segments: Sequence[Segment],
    content_types: Iterable[str],
    goal: str | None = None,
    today_year: int | None = None,
) -> list[Recommendation]:
    """Every platform, scored in [0, 1] and explained; highest score first, then by code."""
    segments = list(segments)
    if not segments:
        raise ValueError(_("Describe at least one audience segment (an age range)."))
    wanted = list(dict.fromkeys(content_types))
    if not wanted:
        raise ValueError(_("Choose at least one content type."))
    unknown = [t for t in wanted if t not in CONTENT_TYPES]
    if unknown:
        raise ValueError(
            _("Unknown content type(s): %(unknown)s. Use %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(CONTENT_TYPES)}
        )
    if goal is not None and goal not in GOALS:
        raise ValueError(
            _("Unknown goal “%(goal)s”. Use one of %(known)s.")
            % {"goal": goal, "known": ", ".join(GOALS)}
        )
    results = []
    for platform in platforms:
        age_fit, reasons, warnings = _age_part(platform, segments)
        content_fit, content_reasons, content_warnings = _content_part(platform, wanted)
        total = AGE_WEIGHT * age_fit + CONTENT_WEIGHT * content_fit
        weights = AGE_WEIGHT + CONTENT_WEIGHT
        reasons += content_reasons
        warnings += content_warnings
        if goal is not None:
            goal_fit, goal_reasons = _goal_part(platform, goal)
            total += GOAL_WEIGHT * goal_fit
            weights += GOAL_WEIGHT
            reasons += goal_reasons
        warnings += _stale_warning(platform, today_year)
        score = round(min(1.0, max(0.0, total / weights)), SCORE_DECIMALS)
        results.append(
            Recommendation(platform.code, platform.name, score, tuple(reasons), tuple(warnings))
        )
    results.sort(key=lambda r: (-r.score, r.platform))
    return results


PRESETS: dict[str, Preset] = {
    preset.code: preset
    for preset in (
        Preset(
            code="municipal_library",
            label=gettext_lazy("Municipal library near a primary school"),
            description=gettext_lazy(
                "The deck's example 1: a public library in a residential neighbourhood with "
                "families, promoting its programmes with photos, stories and short videos. "
                "The deck recommends Facebook; Instagram, Snapchat (or TikTok); YouTube."
            ),
            segments=(
                Segment(6, 11, 1.0, gettext_lazy("Children (parents decide)")),
                Segment(30, 45, 3.0, gettext_lazy("Parents")),
                Segment(15, 24, 2.0, gettext_lazy("Youth")),
                Segment(60, 75, 1.0, gettext_lazy("Grandparents")),
            ),
            content_types=("image", "video"),
            goal="events",
            expected=(
                frozenset({"facebook"}),
                frozenset({"instagram", "snapchat", "tiktok"}),
                frozenset({"youtube"}),
            ),
        ),
        Preset(
            code="university_library",
            label=gettext_lazy("Specialised university library"),
            description=gettext_lazy(
                "The deck's example 2: students first, then faculty and researchers; articles, "
                "news, photos and tutorial videos. The deck recommends Facebook; Instagram or "
                "Twitter; YouTube."
            ),
            segments=(
                Segment(18, 25, 4.0, gettext_lazy("Students")),
                Segment(30, 60, 1.0, gettext_lazy("Faculty and researchers")),
            ),
            content_types=("text", "short_text", "image", "video"),
            goal="visibility",
            expected=(
                frozenset({"facebook"}),
                frozenset({"instagram", "twitter"}),
                frozenset({"youtube"}),
            ),
        ),
        Preset(
            code="heritage_archives",
            label=gettext_lazy("Heritage archives with a small museum"),
            description=gettext_lazy(
                "The deck's example 3: adult and retired visitors, researchers, heritage "
                "professionals and partner organisations. The deck recommends Facebook; "
                "YouTube; LinkedIn or Twitter."
            ),
            segments=(
                Segment(35, 64, 2.0, gettext_lazy("Adult visitors and researchers")),
                Segment(60, 75, 1.0, gettext_lazy("Retirees")),
                Segment(30, 55, 1.0, gettext_lazy("Heritage professionals and partners")),
            ),
            content_types=("text", "image", "video"),
            goal="professional",
            expected=(
                frozenset({"facebook"}),
                frozenset({"youtube"}),
                frozenset({"linkedin", "twitter"}),
            ),
        ),
    )
}
