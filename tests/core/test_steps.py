"""The seven steps: every URL name a step declares exists, a typo is an error, and the home
page's cards open the current plan's step."""

import pytest
from django.urls import NoReverseMatch, reverse

from core.steps import STEPS, Step, step_links
from tests.factories import PlanFactory


@pytest.mark.parametrize("step", STEPS, ids=lambda step: f"step-{step.number}")
def test_every_declared_step_url_name_reverses(step):
    if step.url_name:
        assert reverse(step.url_name, kwargs={"org_slug": "some-org"})
    if step.plan_url_name:
        assert reverse(step.plan_url_name, kwargs={"org_slug": "some-org", "plan_pk": 1})


def test_the_seven_steps_are_numbered_in_order():
    assert [step.number for step in STEPS] == [1, 2, 3, 4, 5, 6, 7]


def test_a_misspelt_url_name_is_an_error_not_coming_soon(org):
    step = Step(9, "Typo", "?", (), "bug", url_name="platforms:matrixx")
    with pytest.raises(NoReverseMatch):
        step.url_for(org)


def test_a_step_without_a_url_name_has_no_link(org):
    step = Step(9, "Later", "?", (), "hourglass")
    assert step.url_for(org) is None


def test_step_links_open_the_plans_step_and_keep_the_organisation_page_second(org):
    plan = PlanFactory(organization=org)
    with_plan = {step.number: (url, org_url) for step, url, org_url in step_links(org, plan)}
    without = {step.number: (url, org_url) for step, url, org_url in step_links(org)}
    matrix = reverse("platforms:matrix", kwargs={"org_slug": org.slug})
    plan_step = reverse(
        "platforms:plan_platforms", kwargs={"org_slug": org.slug, "plan_pk": plan.pk}
    )
    assert with_plan[3] == (plan_step, matrix)
    assert without[3] == (matrix, None)
    # Step 1 has a plan's page only: nothing to open until there is a plan.
    benefits = reverse("planner:benefits", kwargs={"org_slug": org.slug, "plan_pk": plan.pk})
    assert (with_plan[1], without[1]) == ((benefits, None), (None, None))
    assert with_plan[4] == without[4] == (None, None)
