"""Fixtures of the platforms tests: the real catalogue, a platform, a plan."""

import pytest

from platforms.services.catalogue import catalogue_load
from tests.factories import PlanFactory, PlatformFactory


@pytest.fixture
def catalogue(db):
    """The real platform catalogue from fixtures/platforms.json."""
    catalogue_load()


@pytest.fixture
def platform():
    return PlatformFactory(code="facebook", name="Facebook")


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, title="Programmation 2027")
