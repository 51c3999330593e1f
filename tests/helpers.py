"""Small helpers shared by test modules."""

from django.urls import reverse

from planner.models import Plan


def url(name: str, owner, **kwargs) -> str:
    """``url("app:name", org_or_plan, **kwargs)``: reverse an organisation's URL.

    ``org_slug`` comes from the organisation, or from a plan's organisation; a plan also gives
    ``plan_pk``. Other URL keywords are passed as keyword arguments.
    """
    if isinstance(owner, Plan):
        kwargs = {"plan_pk": owner.pk, **kwargs}
        owner = owner.organization
    return reverse(name, kwargs={"org_slug": owner.slug, **kwargs})


def save_audience(plan, actor, rows, content_types=("image",), goal="", preset=""):
    """Save a plan's step-3 audience; ``rows`` are ``(label, age_min, age_max, weight)``."""
    from platforms.services.plan import audience_update

    return audience_update(
        plan=plan,
        segments=[
            {"label": label, "age_min": low, "age_max": high, "weight": weight}
            for label, low, high, weight in rows
        ],
        content_types=list(content_types),
        goal=goal,
        preset=preset,
        actor=actor,
    )


def complete_steps_1_and_2(plan):
    """Three benefits and a mitigated risk (step 1), one approved goal below a full cascade
    (step 2): both steps complete by ``planner.completion``'s rules."""
    from tests.factories import BenefitRiskFactory, GoalFactory

    BenefitRiskFactory.create_batch(3, plan=plan, kind="benefit", likelihood=None, impact=None)
    BenefitRiskFactory(plan=plan)
    GoalFactory(plan=plan, status="approved")


def goal_form_data(objective, **changes) -> dict:
    """A valid SMART goal form's POST under ``objective`` (a social-media objective)."""
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    return {
        "objective": objective.pk,
        "statement": "Create 5 events a month on Facebook",
        "metric": "events_created",
        "custom_metric": "",
        "platform": "",
        "channel": "",
        "baseline": "2",
        "target": "5",
        "unit": "events a month",
        "starts_on": today.isoformat(),
        "deadline": (today + timedelta(days=90)).isoformat(),
        "owner": "",
        **changes,
    }
