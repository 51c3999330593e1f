"""Accounts models: what a membership's role includes."""

import pytest

from accounts.models import Role

pytestmark = pytest.mark.django_db


def test_role_ranks_make_each_role_include_the_ones_before(member):
    manager = member(Role.MANAGER)
    assert manager.has_role(Role.EDITOR)
    assert manager.has_role(Role.VIEWER)
    assert not manager.has_role(Role.ADMIN)
