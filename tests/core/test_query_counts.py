"""Each page runs the same number of queries with little data and with three times more.

A page is measured, its data grows (more plans, channels, platforms, segments, choices…), and
it is measured again: any query inside a loop over rows shows up as a difference.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from tests.factories import (
    ActivityEntryFactory,
    AudienceSegmentFactory,
    BenefitRiskFactory,
    ChannelFactory,
    GoalFactory,
    ImageFormatFactory,
    MembershipFactory,
    ObjectiveFactory,
    PlanFactory,
    PlatformChoiceFactory,
    PlatformFactory,
    SourceImageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def grow(org, plan, n):
    """Add ``n`` of everything the organisation's pages list."""
    for _ in range(n):
        platform = PlatformFactory()
        ImageFormatFactory(platform=platform)
        ChannelFactory(organization=org, platform=platform)
        ChannelFactory(organization=org, platform=platform, kind="partner", is_active=False)
        PlatformChoiceFactory(plan=plan, platform=platform)
        AudienceSegmentFactory(plan=plan)
        BenefitRiskFactory(plan=plan)
        GoalFactory(plan=plan, owner=UserFactory())
        PlanFactory(organization=org, owner=UserFactory())
        MembershipFactory(organization=org)
        ActivityEntryFactory(organization=org)
    SourceImageFactory.create_batch(n, organization=org)


PAGES = {
    "core:home": {},
    "planner:plan_list": {},
    "planner:plan_detail": {"plan_pk": "plan"},
    "planner:plan_duplicate": {"plan_pk": "plan"},
    "platforms:matrix": {},
    "platforms:platform_detail": {"platform_code": "platform"},
    "platforms:plan_platforms": {"plan_pk": "plan"},
    "platforms:channel_list": {},
    "platforms:image_list": {},
    "platforms:image_detail": {"image_pk": "image"},
    "accounts:member_list": {},
    "accounts:activity_list": {},
    "analytics:plan_evaluation": {"plan_pk": "plan"},
    "analytics:plan_report": {"plan_pk": "plan"},
}


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_the_data(client_as, org, name):
    client = client_as(Role.ADMIN)
    plan = PlanFactory(organization=org)
    objects = {
        "plan": plan.pk,
        "platform": PlatformFactory(code="steady").code,
        "image": SourceImageFactory(organization=org).pk,
    }
    url = reverse(
        name,
        kwargs={"org_slug": org.slug} | {key: objects[value] for key, value in PAGES[name].items()},
    )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    client.get(url)  # the first visit to the organisation saves it in the session, later ones not
    grow(org, plan, 2)
    small = count()
    grow(org, plan, 6)
    assert count() == small


@pytest.mark.parametrize("name", ["core:home", "planner:plan_list", "planner:plan_detail"])
def test_plan_pages_read_3_or_300_goals_and_register_lines_in_the_same_queries(
    client_as, org, name, django_assert_max_num_queries
):
    """The plan overview counts each step's content in the plan's query, whatever its size."""
    client = client_as(Role.ADMIN)
    plans = [PlanFactory(organization=org, owner=UserFactory()) for _ in range(2)]
    kwargs = {"org_slug": org.slug} | ({"plan_pk": plans[0].pk} if name.endswith("detail") else {})
    url = reverse(name, kwargs=kwargs)

    def fill(n):
        for plan in plans:
            social = ObjectiveFactory(plan=plan)
            BenefitRiskFactory.create_batch(n, plan=plan)
            BenefitRiskFactory.create_batch(
                n, plan=plan, kind="benefit", likelihood=None, impact=None
            )
            GoalFactory.create_batch(n, plan=plan, objective=social, status="submitted")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    client.get(url)
    fill(3)
    small, page = count()
    # The home page's step 2 card and the plan page show the state (the list, each status).
    summary = name != "planner:plan_list"
    assert ("3 goals: 3 awaiting review" in page) is summary
    fill(297)
    with django_assert_max_num_queries(small):
        _n, page = count()
    assert ("300 goals: 300 awaiting review" in page) is summary
