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
        plan = Plan.objects.for_org(org).get()
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
        plan = Plan.objects.for_org(org).get()
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
