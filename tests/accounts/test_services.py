"""Accounts services: roles and the last admin, invitations, organisation settings."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts import services
from accounts.models import ActivityEntry, Invitation, Membership, Role
from tests.factories import InvitationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_last_admin_cannot_be_demoted(member):
    admin = member(Role.ADMIN)
    with pytest.raises(ValidationError) as error:
        services.membership_change_role(membership=admin, role=Role.EDITOR, actor=admin.user)
    assert error.value.code == "last_admin"
    admin.refresh_from_db()
    assert admin.role == Role.ADMIN


def test_admin_can_be_demoted_when_another_admin_remains(member):
    admin, other = member(Role.ADMIN), member(Role.ADMIN)
    services.membership_change_role(membership=admin, role=Role.VIEWER, actor=other.user)
    admin.refresh_from_db()
    assert admin.role == Role.VIEWER
    assert ActivityEntry.objects.filter(verb="member.role").count() == 1


def test_last_admin_cannot_be_removed(member):
    admin = member(Role.ADMIN)
    with pytest.raises(ValidationError) as error:
        services.membership_remove(membership=admin, actor=admin.user)
    assert error.value.code == "last_admin"
    assert Membership.objects.filter(pk=admin.pk).exists()


def test_admin_of_another_org_does_not_count_as_remaining_admin(member, other_org):
    admin = member(Role.ADMIN)
    MembershipFactory(organization=other_org, role=Role.ADMIN)
    with pytest.raises(ValidationError) as error:
        services.membership_remove(membership=admin, actor=admin.user)
    assert error.value.code == "last_admin"


def test_role_change_reads_the_roles_as_they_are_now(member):
    """The page was loaded before another admin's change: the rule uses the current roles."""
    admin, other = member(Role.ADMIN), member(Role.EDITOR)
    seen_as_editor = Membership.objects.get(pk=other.pk)
    services.membership_change_role(membership=other, role=Role.ADMIN, actor=admin.user)
    services.membership_change_role(membership=admin, role=Role.EDITOR, actor=other.user)
    with pytest.raises(ValidationError) as error:
        services.membership_change_role(
            membership=seen_as_editor, role=Role.VIEWER, actor=admin.user
        )
    assert error.value.code == "last_admin"
    assert Membership.objects.get(pk=other.pk).role == Role.ADMIN


def test_role_change_of_a_member_removed_meanwhile_is_explained(member):
    admin, other = member(Role.ADMIN), member(Role.EDITOR)
    Membership.objects.filter(pk=other.pk).delete()
    with pytest.raises(ValidationError) as error:
        services.membership_change_role(membership=other, role=Role.VIEWER, actor=admin.user)
    assert error.value.code == "not_member"


def test_invitation_sends_a_single_use_link_and_stores_only_a_hash(
    org, member, django_capture_on_commit_callbacks
):
    admin = member(Role.ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            org=org,
            email="New.Person@Example.org",
            role=Role.EDITOR,
            actor=admin.user,
            base_url="http://testserver/",
        )
    assert invitation.email == "new.person@example.org"
    assert invitation.token not in invitation.token_hash
    assert len(mail.outbox) == 1
    assert f"/invitations/{invitation.token}/" in mail.outbox[0].body


def test_inviting_an_existing_member_is_refused(org, member):
    admin, editor = member(Role.ADMIN), member(Role.EDITOR)
    with pytest.raises(ValidationError) as error:
        services.invitation_create(
            org=org,
            email=editor.user.email.upper(),
            role=Role.VIEWER,
            actor=admin.user,
            base_url="http://testserver/",
        )
    assert error.value.code == "already_member"


def test_new_invitation_replaces_pending_one_for_same_address(org, member):
    admin = member(Role.ADMIN)
    first = InvitationFactory(organization=org, email="x@example.org")
    services.invitation_create(
        org=org, email="x@example.org", role=Role.VIEWER, actor=admin.user, base_url="http://t/"
    )
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert Invitation.objects.for_org(org).pending().count() == 1
    # The first link says a newer one was sent, not merely "withdrawn".
    with pytest.raises(ValidationError) as error:
        services.invitation_check(invitation=first)
    assert error.value.code == "superseded"
    assert "x@example.org" in error.value.messages[0]


def test_new_invitation_also_closes_an_expired_one(org, member):
    """One open invitation per address (a database constraint): the expired one is closed."""
    admin = member(Role.ADMIN)
    expired = InvitationFactory(
        organization=org, email="x@example.org", expires_at=timezone.now() - timedelta(days=1)
    )
    services.invitation_create(
        org=org, email="X@example.org", role=Role.VIEWER, actor=admin.user, base_url="http://t/"
    )
    expired.refresh_from_db()
    assert expired.revoked_at is not None
    assert Invitation.objects.filter(organization=org, revoked_at=None).count() == 1


def test_accepting_creates_account_and_membership_then_link_is_spent(org):
    invitation = InvitationFactory(organization=org, role=Role.CONTRIBUTOR)
    membership = services.invitation_accept(
        invitation=invitation, first_name="Ana", last_name="Lima", password="s3cret-pass-word"
    )
    assert membership.role == Role.CONTRIBUTOR
    assert membership.user.check_password("s3cret-pass-word")
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(invitation=invitation, user=UserFactory())
    assert error.value.code == "used"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "expired"),
        ({"revoked_at": timezone.now()}, "revoked"),
        ({"accepted_at": timezone.now()}, "used"),
    ],
)
def test_unusable_invitations_are_refused_with_a_reason(org, changes, code):
    invitation = InvitationFactory(organization=org, **changes)
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(invitation=invitation, user=UserFactory())
    assert error.value.code == code
    assert not Membership.objects.filter(organization=org).exists()


def test_organization_update_validates_timezone(org, member):
    admin = member(Role.ADMIN)
    with pytest.raises(ValidationError) as error:
        services.organization_update(org=org, actor=admin.user, timezone="Mars/Olympus")
    assert "timezone" in error.value.message_dict
