"""Reads for step 1: the plan's register of benefits and risks, and the risks' heat map.

``benefit_risk_list`` is the one query; the rest (splitting, ranking by severity, the 5 × 5
grid, the suggestions still to offer) works on the rows already read, so the page costs the
same with 3 lines or 300.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from ..models import BenefitRisk, Plan
from ..suggestions import (
    BAND_LABELS,
    BY_KIND,
    IMPACT_LABELS,
    LIKELIHOOD_LABELS,
    SCALE,
    Suggestion,
    severity_band,
)


def benefit_risk_list(*, plan: Plan) -> QuerySet[BenefitRisk]:
    """The plan's lines (benefits then risks, in the order they were added), with owners."""
    return plan.benefits_risks.select_related("owner").order_by("kind", "position", "pk")


def benefit_risk_get(*, plan: Plan, pk: int) -> BenefitRisk:
    """A line of ``plan`` (already the organisation's); raises ``BenefitRisk.DoesNotExist``
    for a missing line and another plan's alike."""
    return benefit_risk_list(plan=plan).get(pk=pk)


@dataclass(frozen=True)
class RiskRow:
    item: BenefitRisk
    severity: int | None
    band: str | None

    @property
    def band_label(self) -> str:
        return str(BAND_LABELS.get(self.band, ""))

    @property
    def likelihood_label(self) -> str:
        return str(LIKELIHOOD_LABELS.get(self.item.likelihood, ""))

    @property
    def impact_label(self) -> str:
        return str(IMPACT_LABELS.get(self.item.impact, ""))


@dataclass
class HeatCell:
    likelihood: int
    impact: int
    risks: list = field(default_factory=list)

    @property
    def severity(self) -> int:
        return self.likelihood * self.impact

    @property
    def band(self) -> str:
        return severity_band(self.severity)

    @property
    def band_label(self) -> str:
        return str(BAND_LABELS[self.band])


@dataclass(frozen=True)
class HeatRow:
    likelihood: int
    cells: list  # of HeatCell, impact 1 to 5

    @property
    def label(self) -> str:
        return str(LIKELIHOOD_LABELS[self.likelihood])


@dataclass(frozen=True)
class Register:
    benefits: list
    risks: list  # of RiskRow, most severe first
    heat_map: list  # of HeatRow, likelihood 5 first
    suggested_benefits: list  # the deck's suggestions not yet in the register
    suggested_risks: list


def risk_rows(risks) -> list[RiskRow]:
    """Risks with their severity and band, most severe first (then in the order added)."""
    rows = [RiskRow(r, r.severity, severity_band(r.severity)) for r in risks]
    return sorted(rows, key=lambda row: -(row.severity or 0))


def risk_heat_map(risks) -> list[HeatRow]:
    """The 5 × 5 grid: rows by likelihood (5, the likeliest, first), cells by impact 1–5,
    each holding its risks. A risk without a scale (never saved so) is left out."""
    grid = {(lk, im): HeatCell(lk, im) for lk in SCALE for im in SCALE}
    for risk in risks:
        cell = grid.get((risk.likelihood, risk.impact))
        if cell is not None:
            cell.risks.append(risk)
    return [HeatRow(lk, [grid[lk, im] for im in SCALE]) for lk in reversed(SCALE)]


def suggestions_missing(items, kind: str) -> list[Suggestion]:
    """The deck's suggestions of ``kind`` that the register does not hold yet, in deck order."""
    taken = {i.suggestion for i in items if i.kind == kind and i.suggestion}
    return [s for s in BY_KIND[kind] if s.code not in taken]


def register_get(*, plan: Plan) -> Register:
    """Everything the register page shows, from one query."""
    items = list(benefit_risk_list(plan=plan))
    benefits = [i for i in items if i.kind == BenefitRisk.Kind.BENEFIT]
    risks = [i for i in items if i.kind == BenefitRisk.Kind.RISK]
    return Register(
        benefits=benefits,
        risks=risk_rows(risks),
        heat_map=risk_heat_map(risks),
        suggested_benefits=suggestions_missing(items, BenefitRisk.Kind.BENEFIT),
        suggested_risks=suggestions_missing(items, BenefitRisk.Kind.RISK),
    )
