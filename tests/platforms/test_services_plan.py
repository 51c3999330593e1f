"""Step 3's writes: one main platform per plan (the service demotes, the database insists)."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from accounts.models import ActivityEntry
from platforms.models import Platform, PlatformChoice
from platforms.services.plan import choice_save
from tests.factories import PlanFactory, PlatformChoiceFactory, PlatformFactory, UserFactory

pytestmark = pytest.mark.django_db

MAIN, SECONDARY = PlatformChoice.Priority.PRIMARY, PlatformChoice.Priority.SECONDARY


def choose(plan, code, priority, actor):
    return choice_save(
        plan=plan,
        platform=Platform.objects.get(code=code),
        priority=priority,
        rationale="Our readers are there.",
        actor=actor,
    )


@pytest.fixture
def actor():
    return UserFactory()


def priorities(plan) -> dict[str, int]:
    return dict(PlatformChoice.objects.filter(plan=plan).values_list("platform__code", "priority"))


def test_a_new_main_platform_makes_the_previous_one_secondary(plan, catalogue, actor):
    first = choose(plan, "instagram", MAIN, actor)
    assert first.demoted is None
    second = choose(plan, "facebook", MAIN, actor)
    assert second.demoted.platform.code == "instagram"
    assert priorities(plan) == {"facebook": MAIN, "instagram": SECONDARY}
    entry = ActivityEntry.objects.filter(verb="plan.platform").latest("pk")
    assert entry.params["previous"] == "Instagram"
    assert "Instagram became secondary" in entry.message


def test_saving_the_main_platform_again_demotes_nothing(plan, catalogue, actor):
    choose(plan, "facebook", MAIN, actor)
    choose(plan, "youtube", SECONDARY, actor)
    again = choose(plan, "facebook", MAIN, actor)
    assert again.demoted is None
    assert priorities(plan) == {"facebook": MAIN, "youtube": SECONDARY}


def test_other_plans_keep_their_main_platform(plan, catalogue, actor):
    other = PlanFactory(organization=plan.organization)
    choose(other, "youtube", MAIN, actor)
    choose(plan, "facebook", MAIN, actor)
    assert priorities(other) == {"youtube": MAIN}


def test_the_database_refuses_a_second_main_platform(plan, catalogue):
    PlatformChoiceFactory(plan=plan, platform=Platform.objects.get(code="facebook"), priority=MAIN)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlatformChoiceFactory(
            plan=plan, platform=Platform.objects.get(code="youtube"), priority=MAIN
        )


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_earliest_main_platform(plan):
    """Plans with several main platforms keep the earliest chosen; the others become secondary."""
    before = [("platforms", "0002_audit_fields_may_be_blank")]
    after = [("platforms", "0003_one_main_platform_per_plan")]
    platforms = [PlatformFactory(code=code) for code in ("facebook", "instagram", "youtube")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    choice = executor.loader.project_state(before).apps.get_model("platforms", "PlatformChoice")
    for platform in platforms:
        choice.objects.create(
            plan_id=plan.pk, platform_id=platform.pk, platform_name=platform.name, priority=MAIN
        )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    assert priorities(plan) == {"facebook": MAIN, "instagram": SECONDARY, "youtube": SECONDARY}
