"""The SMART checklist of a goal: which letters are satisfied, and why, in words.

Pure: no model, no query. The caller gathers the facts (``GoalFacts``) from a goal or from a
form being typed, and ``smart_checklist`` answers five ``Criterion`` — the same function for the
live checklist beside the goal form and the read-only one on the goal's page.

The rules (the deck's SMART, made checkable; they advise, they do not refuse a save — the
form's validation does that):

- **S**pecific: the statement has at least ``MIN_STATEMENT_LENGTH`` characters and names
  where or what: a platform or channel (the scope chosen, or a known platform's name), or a
  concrete action ("create", "publish", "share"…, in French or English).
- **M**easurable: a metric is chosen (a custom one says which) and the target is a number
  different from the baseline.
- **A**chievable: with a baseline, the target stays within ``MAX_RATIO`` times it (either way);
  from zero, any target is plausible; without a baseline, it cannot be judged.
- **R**elevant: the goal sits under a social-media objective whose chain of parents reaches an
  organisational objective (the deck's cascade).
- **T**ime-bound: a start and a deadline, in that order, within the plan's period when the plan
  has one, and a deadline not yet passed.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

MIN_STATEMENT_LENGTH = 15
#: A target more than this many times the baseline (or less than its share) is not plausible.
MAX_RATIO = Decimal(10)

#: Platforms a statement may name even when no scope is chosen.
KNOWN_PLATFORMS = (
    "Facebook", "Instagram", "YouTube", "TikTok", "LinkedIn", "Pinterest", "Snapchat",
    "WhatsApp", "Twitter", "Threads", "Bluesky", "Mastodon",
)  # fmt: skip
#: Beginnings of action words (accents removed, lower case), English and French.
ACTION_STEMS = (
    # English
    "creat", "publish", "post", "share", "film", "organi", "repl", "answer", "increas",
    "reach", "gain", "grow", "run", "launch", "produc", "host", "stream", "upload", "write",
    "get", "draw", "attract", "double", "triple", "recruit", "broadcast",
    # French
    "cree", "publi", "partag", "organis", "repond", "augment", "attein", "gagn", "lanc",
    "produi", "diffus", "anim", "obten", "suscit", "ecri", "realis", "tourn", "fai", "recrut",
    "doubl", "tripl", "attir",
)  # fmt: skip
_WORD = re.compile(r"\w+")

LEVELS = ("organisation", "marketing", "social_media")


@dataclass(frozen=True)
class GoalFacts:
    """What the checklist reads; any of it may be missing while the form is being typed."""

    statement: str = ""
    metric: str = ""
    #: The metric's label in the reader's language ("Events created"), for the reason.
    metric_label: str = ""
    custom_metric: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    unit: str = ""
    starts_on: date | None = None
    deadline: date | None = None
    #: Names of the platform and channel chosen as scope.
    scope_names: tuple[str, ...] = ()
    #: The goal's objective and its parents, nearest first: ``(level, title)`` pairs.
    chain: tuple[tuple[str, str], ...] = ()
    plan_starts_on: date | None = None
    plan_ends_on: date | None = None
    today: date | None = None


@dataclass(frozen=True)
class Criterion:
    letter: str
    name: str
    met: bool
    reason: str


@dataclass(frozen=True)
class Checklist:
    criteria: tuple[Criterion, ...]

    @property
    def met_count(self) -> int:
        return sum(c.met for c in self.criteria)

    @property
    def total(self) -> int:
        return len(self.criteria)

    @property
    def all_met(self) -> bool:
        return self.met_count == self.total

    def summary(self) -> str:
        """One short sentence for a live region: screen readers hear this, not the list."""
        return ngettext(
            "%(met)d of %(total)d SMART criterion met",
            "%(met)d of %(total)d SMART criteria met",
            self.met_count,
        ) % {"met": self.met_count, "total": self.total}

    def __iter__(self):
        return iter(self.criteria)


NAMES = {
    "S": gettext_lazy("Specific"),
    "M": gettext_lazy("Measurable"),
    "A": gettext_lazy("Achievable"),
    "R": gettext_lazy("Relevant"),
    "T": gettext_lazy("Time-bound"),
}


def _plain(text: str) -> str:
    """Lower case without accents, so "Créer" matches the stem "cree"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _number(value: Decimal) -> str:
    return number_format(value.normalize() if value == value.to_integral() else value)


def _criterion(letter: str, met: bool, reason: str) -> Criterion:
    return Criterion(letter, str(NAMES[letter]), met, reason)


def specific(facts: GoalFacts) -> Criterion:
    statement = " ".join(facts.statement.split())
    if len(statement) < MIN_STATEMENT_LENGTH:
        return _criterion(
            "S",
            False,
            _("Say what will be done in at least %(n)d characters (now %(count)d).")
            % {"n": MIN_STATEMENT_LENGTH, "count": len(statement)},
        )
    plain = _plain(statement)
    words = _WORD.findall(plain)
    for name in (*facts.scope_names, *KNOWN_PLATFORMS):
        if name and _plain(name) in plain:
            return _criterion(
                "S", True, _("The statement says where: %(name)s.") % {"name": name.strip()}
            )
    action = next((w for w in words if w.startswith(ACTION_STEMS)), None)
    if action:
        return _criterion("S", True, _("The statement names a concrete action."))
    return _criterion(
        "S",
        False,
        _(
            "Name the platform or channel, or the action itself (create, publish, share…): "
            "the statement is still vague."
        ),
    )


def measurable(facts: GoalFacts) -> Criterion:
    if not facts.metric:
        return _criterion("M", False, _("Choose the metric that will measure the goal."))
    if facts.metric == "custom" and not facts.custom_metric.strip():
        return _criterion("M", False, _("Say which metric: “other” needs a name."))
    if facts.target is None:
        return _criterion("M", False, _("Give the target as a number."))
    if facts.baseline is not None and facts.target == facts.baseline:
        return _criterion(
            "M", False, _("The target equals the baseline: there is nothing to measure.")
        )
    metric = facts.custom_metric.strip() if facts.metric == "custom" else facts.metric_label
    values = {"metric": metric, "target": _number(facts.target), "unit": facts.unit}
    if facts.baseline is None:
        return _criterion("M", True, _("%(metric)s, target %(target)s %(unit)s.") % values)
    values["baseline"] = _number(facts.baseline)
    return _criterion(
        "M", True, _("%(metric)s, from %(baseline)s to %(target)s %(unit)s.") % values
    )


def achievable(facts: GoalFacts) -> Criterion:
    if facts.target is None:
        return _criterion("A", False, _("Without a target, achievability cannot be judged."))
    if facts.baseline is None:
        return _criterion(
            "A",
            False,
            _("Give a baseline (today's figure) to judge whether the target is within reach."),
        )
    if facts.target < 0 or facts.baseline < 0:
        return _criterion("A", False, _("Figures below zero cannot be reached."))
    if facts.baseline == 0:
        return _criterion(
            "A",
            True,
            _("Starting from zero: check that the team has the time to reach %(target)s.")
            % {"target": _number(facts.target)},
        )
    if facts.target == 0:
        return _criterion("A", True, _("Down to zero: a clear, checkable end point."))
    ratio = max(facts.target, facts.baseline) / min(facts.target, facts.baseline)
    limit = {"limit": _number(MAX_RATIO)}
    if ratio > MAX_RATIO:
        if facts.target > facts.baseline:
            reason = _(
                "The target is more than %(limit)s times the baseline: aim lower, or split it "
                "into steps."
            )
        else:
            reason = _(
                "The baseline is more than %(limit)s times the target: aim for a smaller drop."
            )
        return _criterion("A", False, reason % limit)
    return _criterion(
        "A",
        True,
        _("The target stays within %(limit)s times the baseline: plausible.") % limit,
    )


def relevant(facts: GoalFacts) -> Criterion:
    if not facts.chain:
        return _criterion("R", False, _("Attach the goal to a social-media objective."))
    levels = [level for level, _title in facts.chain]
    if levels[0] != "social_media":
        return _criterion(
            "R",
            False,
            _("“%(title)s” is not a social-media objective.") % {"title": facts.chain[0][1]},
        )
    if "organisation" not in levels:
        return _criterion(
            "R",
            False,
            _(
                "“%(title)s” does not lead to an organisational objective: link its marketing "
                "objective to one."
            )
            % {"title": facts.chain[0][1]},
        )
    titles = " → ".join(_("“%(title)s”") % {"title": title} for _level, title in facts.chain)
    return _criterion("R", True, _("It serves %(chain)s.") % {"chain": titles})


def time_bound(facts: GoalFacts) -> Criterion:
    if facts.starts_on is None or facts.deadline is None:
        return _criterion("T", False, _("Give a start date and a deadline."))
    if facts.deadline < facts.starts_on:
        return _criterion("T", False, _("The deadline comes before the start."))
    if facts.today is not None and facts.deadline < facts.today:
        return _criterion("T", False, _("The deadline has passed."))
    start, end = facts.plan_starts_on, facts.plan_ends_on
    if (start and facts.starts_on < start) or (end and facts.deadline > end):
        return _criterion("T", False, _("The dates go beyond the plan's period."))
    values = {"start": date_format(facts.starts_on), "deadline": date_format(facts.deadline)}
    if start or end:
        return _criterion(
            "T", True, _("From %(start)s to %(deadline)s, within the plan's period.") % values
        )
    return _criterion(
        "T",
        True,
        _("From %(start)s to %(deadline)s (the plan has no period to check against).") % values,
    )


def smart_checklist(facts: GoalFacts) -> Checklist:
    """The five criteria, in the order of the letters."""
    return Checklist(
        (specific(facts), measurable(facts), achievable(facts), relevant(facts), time_bound(facts))
    )
