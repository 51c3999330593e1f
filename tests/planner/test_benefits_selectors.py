"""Step 1's reads: severity bands, risks by severity, the 5 × 5 heat map, suggestions left."""

import itertools

import pytest

from planner.models import BenefitRisk
from planner.selectors import benefits as selectors
from planner.suggestions import BENEFITS, RISKS, band_ranges, severity, severity_band
from tests.factories import BenefitRiskFactory, PlanFactory


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (None, None),
        (1, "low"),
        (4, "low"),
        (5, "medium"),
        (9, "medium"),
        (10, "high"),
        (16, "high"),
        (20, "critical"),
        (25, "critical"),
    ],
)
def test_severity_bands(value, band):
    assert severity_band(value) == band


def test_severity_is_the_product_and_needs_both():
    assert severity(4, 5) == 20
    assert severity(None, 5) is None and severity(3, None) is None


def test_every_cell_of_the_grid_has_a_band_and_the_legend_covers_1_to_25():
    assert {severity_band(lk * im) for lk in range(1, 6) for im in range(1, 6)} == {
        "low",
        "medium",
        "high",
        "critical",
    }
    ranges = band_ranges()
    assert (ranges[0][2], ranges[-1][3]) == (1, 25)
    assert all(a[3] + 1 == b[2] for a, b in itertools.pairwise(ranges))


def test_the_deck_has_thirteen_benefits_and_ten_risks_with_unique_codes():
    assert (len(BENEFITS), len(RISKS)) == (13, 10)
    assert len({s.code for s in BENEFITS + RISKS}) == 23


def risk(likelihood, impact, title="R"):
    return BenefitRisk(kind="risk", title=title, likelihood=likelihood, impact=impact)


def test_heat_map_is_five_by_five_likeliest_first_with_risks_in_their_cells():
    a, b, c = risk(4, 5, "A"), risk(4, 5, "B"), risk(1, 1, "C")
    grid = selectors.risk_heat_map([a, b, c])
    assert [row.likelihood for row in grid] == [5, 4, 3, 2, 1]
    assert all([cell.impact for cell in row.cells] == [1, 2, 3, 4, 5] for row in grid)
    top_right = grid[1].cells[4]
    assert (top_right.likelihood, top_right.impact, top_right.severity) == (4, 5, 20)
    assert (top_right.risks, top_right.band) == ([a, b], "critical")
    assert grid[4].cells[0].risks == [c]
    assert sum(len(cell.risks) for row in grid for cell in row.cells) == 3


def test_risks_are_ranked_most_severe_first_and_ties_keep_their_order():
    low, first_tie, second_tie = risk(1, 2, "low"), risk(3, 4, "x"), risk(4, 3, "y")
    rows = selectors.risk_rows([low, first_tie, second_tie])
    assert [r.item for r in rows] == [first_tie, second_tie, low]
    assert [(r.severity, r.band) for r in rows] == [(12, "high"), (12, "high"), (2, "low")]


@pytest.mark.django_db
def test_register_splits_the_lines_and_offers_the_suggestions_left(org):
    plan = PlanFactory(organization=org)
    BenefitRiskFactory(plan=plan, kind="benefit", title="", suggestion="visibility")
    BenefitRiskFactory(plan=plan, kind="benefit", title="Pride", likelihood=None, impact=None)
    BenefitRiskFactory(plan=plan, kind="risk", title="", suggestion="hacking")
    BenefitRiskFactory(plan=PlanFactory(organization=org), kind="risk", suggestion="time")
    register = selectors.register_get(plan=plan)
    assert [b.label for b in register.benefits] == ["Visibility", "Pride"]
    assert [r.item.label for r in register.risks] == ["Hacking"]
    assert "visibility" not in {s.code for s in register.suggested_benefits}
    assert len(register.suggested_benefits) == 12
    assert [s.code for s in register.suggested_risks][:1] == ["time"]  # Another plan's.
    assert len(register.suggested_risks) == 9


@pytest.mark.django_db
def test_get_refuses_another_plans_line(org):
    plan = PlanFactory(organization=org)
    other = BenefitRiskFactory(plan=PlanFactory(organization=org))
    with pytest.raises(BenefitRisk.DoesNotExist):
        selectors.benefit_risk_get(plan=plan, pk=other.pk)
