"""Step 1's reference texts: the deck's suggestions and the risk scale.

Suggestions: the training deck's benefits (13) and risks (10), stored by code on a
``BenefitRisk`` (``suggestion``) and named here in the reader's language. Source: the deck's
slides "Bénéfices et opportunités" and "Risques et difficultés".

The risk scale: likelihood and impact from 1 to 5, each step named, and the severity bands
of their product. Pure (no model, no query): the views, the demo data and the plan's
completion rules read the same bands.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Suggestion:
    code: str
    label: str
    #: A sentence that helps the team say why it matters for them (a starting point).
    hint: str


BENEFITS = (
    Suggestion("visibility", _("Visibility"), _("Be seen where your public already spends time.")),
    Suggestion("reputation", _("Reputation"), _("Be known and recognised in your community.")),
    Suggestion(
        "knowledge", _("Knowledge"), _("Make your collections, services and expertise known.")
    ),
    Suggestion("web_traffic", _("Web traffic"), _("Bring visitors to your website and catalogue.")),
    Suggestion(
        "search_ranking", _("Search ranking"), _("Links and mentions help search engines find you.")
    ),
    # A context: "Audience" elsewhere is a plan's target public ("Public"); here the deck's word.
    Suggestion(
        "audience", pgettext_lazy("benefit", "Audience"), _("Reach people who never come in.")
    ),
    Suggestion("clientele", _("Clientele"), _("Win new users and keep the ones you have.")),
    Suggestion("feedback", _("Feedback"), _("Hear what your public thinks, quickly.")),
    Suggestion(
        "comments", _("Comments"), _("Public conversations that show your community is engaged.")
    ),
    Suggestion(
        "communication", _("Communication"), _("News, opening hours and changes told at once.")
    ),
    Suggestion(
        "customer_experience",
        _("Customer experience"),
        _("Answers and help where people ask for them."),
    ),
    Suggestion(
        "added_value",
        _("Added value"),
        _("Show what the institution brings that no one else does."),
    ),
    Suggestion("free", _("Free of charge"), _("An account costs nothing but time.")),
)

RISKS = (
    Suggestion("time", _("Time"), _("Posting, replying and measuring take hours every week.")),
    Suggestion("effort", _("Effort"), _("Content to create, photos, videos, texts.")),
    Suggestion(
        "consistency", _("Consistency"), _("A page left silent for months looks abandoned.")
    ),
    Suggestion(
        "negative_comments", _("Negative comments"), _("Criticism in public, to be answered well.")
    ),
    Suggestion(
        "communication_errors",
        _("Communication errors"),
        _("A wrong date, a clumsy word, a broken link, seen by everyone."),
    ),
    Suggestion(
        "slow_response",
        _("Slow response"),
        _("Questions left unanswered for days disappoint."),
    ),
    Suggestion(
        "stale_content", _("Stale content"), _("Out-of-date information keeps circulating.")
    ),
    Suggestion(
        "crisis", _("Crisis management"), _("A controversy that spreads faster than replies.")
    ),
    Suggestion(
        "impersonation",
        _("Account impersonation"),
        _("Someone pretends to be the institution."),
    ),
    Suggestion("hacking", _("Hacking"), _("A stolen password and the account is lost.")),
)

BY_KIND = {"benefit": BENEFITS, "risk": RISKS}
_BY_CODE = {(kind, s.code): s for kind, items in BY_KIND.items() for s in items}


def suggestion_get(kind: str, code: str) -> Suggestion | None:
    return _BY_CODE.get((kind, code))


def suggestion_label(kind: str, code: str) -> str:
    """The suggestion's name in the active language (the code itself if it is unknown)."""
    found = suggestion_get(kind, code)
    return str(found.label) if found else code


# The risk scale -------------------------------------------------------------------------------

SCALE = (1, 2, 3, 4, 5)
LIKELIHOOD_LABELS = {
    1: _("Rare"),
    2: _("Unlikely"),
    3: _("Possible"),
    4: _("Likely"),
    5: _("Almost certain"),
}
IMPACT_LABELS = {
    1: _("Negligible"),
    2: _("Minor"),
    3: _("Moderate"),
    4: _("Major"),
    5: _("Severe"),
}
#: A risk's likelihood and impact when it is added from a suggestion, before the team says.
DEFAULT_SCALE = 3

#: Severity bands, lowest first: (code, label, highest severity in the band). The usual 5 × 5
#: cut: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical (no product falls in 17–19).
BANDS = (
    ("low", _("Low"), 4),
    ("medium", _("Medium"), 9),
    ("high", _("High"), 16),
    ("critical", _("Critical"), 25),
)
BAND_LABELS = {code: label for code, label, _top in BANDS}


def severity(likelihood: int | None, impact: int | None) -> int | None:
    """Likelihood × impact (1–25), ``None`` while either is missing."""
    if likelihood and impact:
        return likelihood * impact
    return None


def severity_band(value: int | None) -> str | None:
    """The band code of a severity (``None`` for no severity, e.g. a benefit)."""
    if not value:
        return None
    for code, _label, top in BANDS:
        if value <= top:
            return code
    return BANDS[-1][0]


def band_ranges() -> list[tuple[str, str, int, int]]:
    """``(code, label, lowest, highest)`` of each band, for the heat map's legend."""
    ranges, low = [], 1
    for code, label, top in BANDS:
        ranges.append((code, label, low, top))
        low = top + 1
    return ranges
