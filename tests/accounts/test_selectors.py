"""Accounts selectors: members, pending invitations and accounts looked up safely."""

import pytest

from accounts.models import Invitation, Membership, Role
from accounts.selectors import (
    invitation_pending_get,
    membership_find,
    membership_get,
    membership_list,
    user_get_by_email,
)
from tests.factories import InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_membership_list_sorts_and_get_is_scoped(org, other_org, member):
    admin, viewer = member(Role.ADMIN), member(Role.VIEWER)
    assert list(membership_list(org=org, filters={"sort": "role"})) == [admin, viewer]
    with pytest.raises(Membership.DoesNotExist):
        membership_get(org=other_org, pk=admin.pk)
    assert membership_find(user=admin.user, org_slug=org.slug) == admin
    assert membership_find(user=admin.user, org_slug=other_org.slug) is None


def test_only_pending_invitations_are_found(org):
    pending = InvitationFactory(organization=org)
    used = InvitationFactory(organization=org, accepted_at=pending.created_at)
    assert invitation_pending_get(org=org, pk=pending.pk) == pending
    with pytest.raises(Invitation.DoesNotExist):
        invitation_pending_get(org=org, pk=used.pk)


def test_user_lookup_by_email_ignores_case():
    user = UserFactory(email="ada@example.org")
    assert user_get_by_email(email="ADA@Example.org") == user
    assert user_get_by_email(email="nobody@example.org") is None
