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

The recommended set
-------------------
The deck answers each worked example with a *set*, not a winner: together its members reach
every audience and carry every kind of content. :func:`advise` builds one greedily. The value
of a set is the weighted sum (``SET_AUDIENCE_WEIGHT``, ``SET_CONTENT_WEIGHT``,
``SET_GOAL_WEIGHT``, divided by the weights used) of

* for each segment (by weight), the best age fit of a member for it (coverage and focus, as
  above);
* for each wanted content type, the best *carry* of a member: how well it favours the type
  (``text``/``short_text`` half for each other) × the share of your audience it reaches. A
  video counts fully only on a video-first platform: on one that favours *k* formats, of which
  video, it counts 1/*k* (the deck gives video its own platform, YouTube, in all three
  examples, even where Facebook takes videos);
* for the goal, the best goal fit of a member × the share of your audience it reaches.

Taking the best member for each need gives diminishing returns: a platform adds only where it
does better than the set already does. Starting from nothing, the platform that adds most joins
(ties: the ranking's order), until ``SET_MAX_SIZE`` members or until no platform adds
``SET_MIN_GAIN``. A platform joins only if it reaches some of the audience and favours a wanted
content type. Each member says what it added; the set warns about a segment that no member
reaches and a content type that no member favours.
"""

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

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

# The recommended set: weights of what a member adds, the smallest gain worth another platform
# (each one costs the team time: the deck's first risk) and the largest set.
SET_AUDIENCE_WEIGHT = 0.4
SET_CONTENT_WEIGHT = 0.5
SET_GOAL_WEIGHT = 0.2
SET_MIN_GAIN = 0.02
SET_MAX_SIZE = 4
# A need counts as "added" in a member's reasons when the member improves it by this much.
SET_REASON_STEP = 0.1

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
    recommended: bool = False

    def as_dict(self) -> dict:
        return {
            "platform": self.platform,
            "score": round(self.score, DISPLAY_DECIMALS),
            "recommended": self.recommended,
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


def _segment_fit(segment: Segment, platform: PlatformProfile) -> tuple[float, float]:
    """(coverage, age fit) of one segment on one platform, both in [0, 1]."""
    overlap = _overlap(segment, platform)
    if overlap == 0:
        return 0.0, 0.0
    coverage = overlap / segment.years
    focus = overlap / _band_years(platform)
    return coverage, COVERAGE_SHARE * coverage + FOCUS_SHARE * focus


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
        coverage, segment_fit = _segment_fit(segment, platform)
        fit += segment.weight * segment_fit
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
        fit = _video_share(platform)
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


@dataclass(frozen=True)
class SetMember:
    platform: str
    name: str
    adds: tuple[str, ...]


@dataclass(frozen=True)
class RecommendedSet:
    """A small complementary selection: what each member adds, and what none of them covers."""

    members: tuple[SetMember, ...]
    warnings: tuple[str, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(m.platform for m in self.members)


@dataclass(frozen=True)
class Advice:
    ranking: list[Recommendation]
    set: RecommendedSet


def _check_input(segments, content_types, goal) -> list[str]:
    """The wanted content types, deduplicated; raises ValueError on a bad input."""
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
    return wanted


def _rank(platforms, segments, wanted, goal, today_year) -> list[Recommendation]:
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


def _video_share(platform: PlatformProfile) -> float:
    types = platform.content_types
    return (sum(1 for t in types if t == "video") / len(types)) if types else 0.0


@dataclass(frozen=True)
class _Needs:
    """What one platform would bring to a set: one value in [0, 1] per need."""

    segments: tuple[float, ...]  # age fit per segment
    content: tuple[float, ...]  # carry per wanted content type
    goal: float
    reach: float = 0.0  # share of the audience (by weight) in the platform's band

    @classmethod
    def of(cls, platform: PlatformProfile, segments, wanted, goal) -> "_Needs":
        total_weight = sum(s.weight for s in segments)
        fits = [_segment_fit(s, platform) for s in segments]
        coverages = [coverage for coverage, _fit in fits]
        reach = sum(s.weight * c for s, c in zip(segments, coverages, strict=True)) / total_weight
        content = []
        for content_type in wanted:
            carry = _type_match(content_type, platform.content_types)
            if content_type == "video":
                carry *= _video_share(platform)
            content.append(carry * reach)
        goal_fit = _goal_part(platform, goal)[0] * reach if goal is not None else 0.0
        return cls(tuple(fit for _coverage, fit in fits), tuple(content), goal_fit, reach)


class _SetValue:
    """The value of a set of platforms: each need counts by the member that serves it best."""

    def __init__(self, segments, wanted, goal):
        total_weight = sum(s.weight for s in segments)
        self.segment_shares = [s.weight / total_weight for s in segments]
        self.content_share = 1 / len(wanted)
        self.goal = goal
        self.nothing = _Needs((0.0,) * len(segments), (0.0,) * len(wanted), 0.0)
        self.weights = SET_AUDIENCE_WEIGHT + SET_CONTENT_WEIGHT
        if goal is not None:
            self.weights += SET_GOAL_WEIGHT

    def best(self, members: Sequence[_Needs]) -> _Needs:
        """The best value of each need over the members (0 for an empty set)."""
        members = [self.nothing, *members]
        return _Needs(
            tuple(map(max, zip(*(m.segments for m in members), strict=True))),
            tuple(map(max, zip(*(m.content for m in members), strict=True))),
            max(m.goal for m in members),
        )

    def __call__(self, members: Sequence[_Needs]) -> float:
        if not members:
            return 0.0
        best = self.best(members)
        audience = sum(
            share * fit for share, fit in zip(self.segment_shares, best.segments, strict=True)
        )
        content = self.content_share * sum(best.content)
        total = SET_AUDIENCE_WEIGHT * audience + SET_CONTENT_WEIGHT * content
        if self.goal is not None:
            total += SET_GOAL_WEIGHT * best.goal
        return total / self.weights


def _adds(needs: _Needs, current: Sequence[tuple[str, _Needs]], segments, wanted, goal):
    """What a platform brings to the set ``current`` ((name, needs) of each member), in words:
    each need it improves by at least ``SET_REASON_STEP``, or else the one it improves most."""
    if not current:
        first = [_("Reaches %(pct)d%% of your audience") % {"pct": round(100 * needs.reach)}]
        carried = [t for t, carry in zip(wanted, needs.content, strict=True) if carry > 0]
        if carried:
            first.append(_("Carries %(types)s") % {"types": _labels(carried)})
        if goal is not None and needs.goal > 0:
            first.append(_("Serves your goal “%(goal)s”") % {"goal": GOAL_LABELS[goal]})
        return first

    def improvement(value_of):
        """(gain, the member that served this need best so far)."""
        name, had = max(((n, value_of(m)) for n, m in current), key=lambda c: c[1])
        return value_of(needs) - had, name

    gains = []
    for index, segment in enumerate(segments):
        gain, rival = improvement(lambda m, i=index: m.segments[i])
        text = _("Reaches %(who)s better than %(rival)s") % {"who": _who(segment), "rival": rival}
        gains.append((gain, text))
    for index, content_type in enumerate(wanted):
        gain, rival = improvement(lambda m, i=index: m.content[i])
        text = _("A stronger home for %(types)s than %(rival)s") % {
            "types": _labels([content_type]),
            "rival": rival,
        }
        gains.append((gain, text))
    if goal is not None:
        gain, rival = improvement(lambda m: m.goal)
        text = _("Serves your goal “%(goal)s” better than %(rival)s") % {
            "goal": GOAL_LABELS[goal],
            "rival": rival,
        }
        gains.append((gain, text))
    gains.sort(key=lambda g: -g[0])  # stable: needs keep their order among equal gains
    return [text for gain, text in gains if gain >= SET_REASON_STEP] or [gains[0][1]]


def _set_warnings(best: _Needs, segments, wanted, platforms) -> list[str]:
    warnings = []
    youngest_account = min((p.min_account_age for p in platforms), default=0)
    for segment, fit in zip(segments, best.segments, strict=True):
        if fit > 0:
            continue
        if segment.age_max < youngest_account:
            warnings.append(
                _(
                    "No platform of the set reaches %(who)s: children under %(age)d cannot have "
                    "an account, reach them through their parents."
                )
                % {"who": _who(segment), "age": youngest_account}
            )
        else:
            warnings.append(
                _("No platform of the set reaches %(who)s: their ages are outside every band.")
                % {"who": _who(segment)}
            )
    missing = [t for t, carry in zip(wanted, best.content, strict=True) if carry == 0]
    if missing and any(best.segments):
        warnings.append(
            _("No platform of the set favours %(types)s.") % {"types": _labels(missing)}
        )
    return warnings


def _recommended_set(platforms, ranking, segments, wanted, goal) -> RecommendedSet:
    by_code = {p.code: p for p in platforms}
    needs = {code: _Needs.of(p, segments, wanted, goal) for code, p in by_code.items()}
    # Only a platform that reaches some of the audience and favours a wanted type may join.
    candidates = [
        r.platform
        for r in ranking  # the ranking's order breaks ties
        if any(needs[r.platform].segments) and any(needs[r.platform].content)
    ]
    value = _SetValue(segments, wanted, goal)
    members: list[SetMember] = []
    while len(members) < SET_MAX_SIZE and len(members) < len(candidates):
        held = [needs[m.platform] for m in members]
        base = value(held)
        chosen = {m.platform for m in members}
        # max keeps the first of equal gains, i.e. the better ranked platform.
        gain, code = max(
            ((value([*held, needs[c]]) - base, c) for c in candidates if c not in chosen),
            key=lambda g: g[0],
        )
        if gain < SET_MIN_GAIN:
            break
        current = [(m.name, needs[m.platform]) for m in members]
        adds = _adds(needs[code], current, segments, wanted, goal)
        members.append(SetMember(code, by_code[code].name, tuple(adds)))
    best = value.best([needs[m.platform] for m in members])
    return RecommendedSet(tuple(members), tuple(_set_warnings(best, segments, wanted, platforms)))


def advise(
    *,
    platforms: Iterable[PlatformProfile],
    segments: Sequence[Segment],
    content_types: Iterable[str],
    goal: str | None = None,
    today_year: int | None = None,
) -> Advice:
    """Every platform scored and explained, and the recommended set drawn from them."""
    segments = list(segments)
    wanted = _check_input(segments, content_types, goal)
    platforms = sorted(platforms, key=lambda p: p.code)
    ranking = _rank(platforms, segments, wanted, goal, today_year)
    chosen = _recommended_set(platforms, ranking, segments, wanted, goal)
    ranking = [replace(r, recommended=r.platform in chosen.codes) for r in ranking]
    return Advice(ranking, chosen)


def recommend(
    *,
    platforms: Iterable[PlatformProfile],
    segments: Sequence[Segment],
    content_types: Iterable[str],
    goal: str | None = None,
    today_year: int | None = None,
) -> list[Recommendation]:
    """Every platform, scored in [0, 1] and explained; highest score first, then by code.

    Items of the recommended set have ``recommended=True``.
    """
    return advise(
        platforms=platforms,
        segments=segments,
        content_types=content_types,
        goal=goal,
        today_year=today_year,
    ).ranking


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
