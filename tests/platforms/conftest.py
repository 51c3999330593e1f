import pytest

from platforms.services.catalogue import catalogue_load


@pytest.fixture
def catalogue(db):
    """The real platform catalogue from fixtures/platforms.json."""
    catalogue_load()
