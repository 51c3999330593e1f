"""seed_demo: every kind of demo row exactly once, however many times it runs."""

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.models import Membership, Organization, Role
from planner.models import Plan
from platforms.models import AudienceSegment, Channel, PlatformChoice

pytestmark = pytest.mark.django_db


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_seed_demo_twice_creates_every_row_once(capsys):
    call_command("seed_demo")
    first = _row_counts()
    call_command("seed_demo")
    second = _row_counts()
    changed = {
        label: (first[label], second[label]) for label in first if first[label] != second[label]
    }
    assert not changed, f"a second seed_demo added rows: {changed}"
    assert "admin@demo.vitrine.example" in capsys.readouterr().out


def test_seed_demo_gives_each_organisation_its_roles_channels_and_plan():
    call_command("seed_demo")
    assert Organization.objects.count() == 3
    first = Organization.objects.get(slug="bm-des-ecoles")
    assert set(Membership.objects.for_org(first).values_list("role", flat=True)) == set(Role.values)
    statuses = {}
    for org in Organization.objects.all():
        plan = Plan.objects.for_org(org).order_by("pk").first()
        statuses[org.slug] = plan.status
        assert Channel.objects.for_org(org).count() >= 2
        assert AudienceSegment.objects.filter(plan=plan).count() >= 2
        assert PlatformChoice.objects.filter(plan=plan, priority=1).count() == 1
    # The demo manager (first organisation) has a plan to review; the others are approved.
    assert statuses == {
        "bm-des-ecoles": Plan.Status.IN_REVIEW,
        "bu-sciences-sante": Plan.Status.APPROVED,
        "archives-moulin": Plan.Status.APPROVED,
    }


def test_seed_demo_gives_steps_1_and_2_and_the_manager_a_review_queue(client):
    from django.urls import reverse

    from accounts.models import Notification
    from planner.models import BenefitRisk, Goal, GoalTransition, Objective

    call_command("seed_demo")
    for org in Organization.objects.all():
        plan = Plan.objects.for_org(org).order_by("pk").first()
        register = BenefitRisk.objects.filter(plan=plan)
        assert register.filter(kind="benefit").count() >= 3
        assert register.filter(kind="risk").count() >= 3
        levels = set(Objective.objects.filter(plan=plan).values_list("level", flat=True))
        assert levels == {"organisation", "marketing", "social_media"}
        assert Goal.objects.filter(plan=plan).count() == 6
    first = Plan.objects.get(organization__slug="bm-des-ecoles")
    states = set(Goal.objects.filter(plan=first).values_list("status", flat=True))
    assert states == {"draft", "submitted", "changes_requested", "approved"}
    asked = GoalTransition.objects.get(goal__plan=first, transition="request_changes")
    assert "partons de 5" in asked.comment and asked.actor.username.startswith("manager@")
    manager = Membership.objects.get(organization=first.organization, role=Role.MANAGER).user
    assert Notification.objects.filter(recipient=manager, read_at=None).count() >= 2
    client.force_login(manager)
    page = client.get(reverse("planner:review_queue", args=["bm-des-ecoles"]))
    assert page.status_code == 200
    assert len(page.context["goals"]) == 2  # the two submitted goals await the manager


def test_seed_demo_gives_24_months_of_figures_and_leaves_last_month_to_enter():
    from django.utils import timezone

    from analytics.models import MonthlyRollup, MonthlyStat
    from analytics.months import last_complete_month

    call_command("seed_demo")
    last = last_complete_month(timezone.localdate())
    for channel in Channel.objects.all():
        months = MonthlyStat.objects.filter(channel=channel).values_list("month", flat=True)
        assert len(months) == 24, channel
        assert last not in months and max(months) < last
    assert MonthlyRollup.objects.count() >= MonthlyStat.objects.count()


def test_seed_demo_holds_the_case_study_as_own_and_partner_reach():
    """Source file 003: three posts of 2020 on the university's channels and the libraries'."""
    from django.db.models import Sum

    from analytics.models import Evaluation, PostStat

    call_command("seed_demo")
    org = Organization.objects.get(slug="bu-sciences-sante")
    posts = PostStat.objects.for_org(org).filter(published_on__year=2020)
    by_kind = dict(posts.values_list("channel__kind").annotate(Sum("views")))
    # Blocks A, B and C, plus the 2020 video on three channels.
    assert by_kind == {
        "partner": 19279 + 4941 + 21100 + 3600 + 2800 + 14500 + 16220 + 2973 + 5354,
        "own": 821 + 3845 + 342 + 392 + 3089 + 1138 + 3378,
    }
    youtube = posts.get(channel__platform__code="youtube")
    assert (youtube.views, youtube.avg_watch_seconds) == (1138, 157)
    plan = Plan.objects.for_org(org).get(title__contains="(2020)")
    assert plan.status == Plan.Status.ARCHIVED
    assert plan.goals.count() == 3
    assert "16 000 à 21 000 vues" in Evaluation.objects.get(plan=plan).lessons
