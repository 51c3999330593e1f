"""Accounts pages: login, members, invitations, settings, activity."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, Membership, Role
from tests.factories import PASSWORD, ActivityEntryFactory, InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_login_with_wrong_password_says_so_and_keeps_the_email(client, member):
    user = member(Role.EDITOR).user
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": "wrong"})
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert f'value="{user.email}"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_is_case_insensitive_on_email_and_lands_on_org_home(client, member, org):
    user = member(Role.EDITOR).user
    response = client.post(
        reverse("accounts:login"), {"username": user.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == f"/o/{org.slug}/"


def test_member_list_is_readable_by_viewers_without_admin_controls(client_as, org):
    client = client_as(Role.VIEWER)
    page = client.get(reverse("accounts:member_list", args=[org.slug])).content.decode()
    assert client.membership.user.email in page
    assert "Invite someone" not in page


def test_member_list_sorts_and_paginates(client_as, member, org, django_assert_max_num_queries):
    client = client_as(Role.ADMIN)
    for _ in range(30):
        member(Role.VIEWER)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounts:member_list", args=[org.slug]) + "?sort=role")
    assert response.status_code == 200
    assert len(response.context["memberships"]) == 25
    assert response.context["page_obj"].paginator.count == 31


def test_admin_invites_by_email(client_as, org, mailoutbox, django_capture_on_commit_callbacks):
    client = client_as(Role.ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:member_invite", args=[org.slug]),
            {"email": "newbie@example.org", "role": Role.CONTRIBUTOR},
        )
    assert response.status_code == 302
    assert Invitation.objects.for_org(org).get().role == Role.CONTRIBUTOR
    assert len(mailoutbox) == 1


def test_invite_with_bad_email_keeps_input_and_explains(client_as, org):
    client = client_as(Role.ADMIN)
    response = client.post(
        reverse("accounts:member_invite", args=[org.slug]), {"email": "not-an-email", "role": "x"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="not-an-email"' in page
    assert "Enter a valid email address" in page
    assert not Invitation.objects.exists()


def test_editor_cannot_invite(client_as, org):
    response = client_as(Role.EDITOR).post(
        reverse("accounts:member_invite", args=[org.slug]), {"email": "a@b.org", "role": "viewer"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_changing_role_of_last_admin_is_refused_with_message(client_as, org):
    client = client_as(Role.ADMIN)
    me = client.membership
    response = client.post(
        reverse("accounts:member_role", args=[org.slug, me.pk]), {"role": Role.VIEWER}
    )
    assert response.status_code == 200
    assert "at least one administrator" in response.content.decode()
    me.refresh_from_db()
    assert me.role == Role.ADMIN


def test_admin_changes_a_role(client_as, member, org):
    client = client_as(Role.ADMIN)
    target = member(Role.VIEWER)
    response = client.post(
        reverse("accounts:member_role", args=[org.slug, target.pk]), {"role": Role.MANAGER}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.role == Role.MANAGER


def test_remove_asks_for_confirmation_then_removes(client_as, member, org):
    client = client_as(Role.ADMIN)
    target = member(Role.EDITOR)
    url = reverse("accounts:member_remove", args=[org.slug, target.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200 and "will no longer have access" in confirm.content.decode()
    assert Membership.objects.filter(pk=target.pk).exists()
    assert client.post(url).status_code == 302
    assert not Membership.objects.filter(pk=target.pk).exists()


def test_removing_the_last_admin_shows_error_and_changes_nothing(client_as, org):
    client = client_as(Role.ADMIN)
    url = reverse("accounts:member_remove", args=[org.slug, client.membership.pk])
    response = client.post(url, follow=True)
    assert "at least one administrator" in response.content.decode()
    assert Membership.objects.filter(pk=client.membership.pk).exists()


def test_revoke_invitation(client_as, org):
    client = client_as(Role.ADMIN)
    invitation = InvitationFactory(organization=org)
    url = reverse("accounts:invitation_revoke", args=[org.slug, invitation.pk])
    assert client.post(url).status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def _accept_url(token):
    return reverse("accounts:invitation_accept", args=[token])


def test_invitation_signup_logs_in_and_joins(client, org):
    InvitationFactory(organization=org, token="tok-1", email="nina@example.org", role=Role.EDITOR)
    response = client.post(
        _accept_url("tok-1"),
        {
            "first_name": "Nina",
            "last_name": "Roy",
            "password1": "a-long-passphrase-9",
            "password2": "a-long-passphrase-9",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/o/{org.slug}/"
    assert Membership.objects.get(user__email="nina@example.org").role == Role.EDITOR
    # The link works once.
    client.logout()
    reused = client.get(_accept_url("tok-1"))
    assert reused.status_code == 410
    assert "already been used" in reused.content.decode()


def test_invitation_signup_with_mismatched_passwords_keeps_names(client, org):
    InvitationFactory(organization=org, token="tok-2")
    response = client.post(
        _accept_url("tok-2"),
        {
            "first_name": "Nina",
            "last_name": "Roy",
            "password1": "a-long-passphrase-9",
            "password2": "different-passphrase-9",
        },
    )
    assert response.status_code == 400
    assert 'value="Nina"' in response.content.decode()
    assert "The two passwords differ" in response.content.decode()
    assert not Membership.objects.filter(organization=org).exists()


def test_expired_invitation_is_explained(client, org):
    InvitationFactory(
        organization=org, token="tok-3", expires_at=timezone.now() - timedelta(days=1)
    )
    response = client.get(_accept_url("tok-3"))
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_unknown_invitation_token_is_404(client):
    assert client.get(_accept_url("nope")).status_code == 404


def test_existing_user_joins_with_one_click(client, org):
    user = UserFactory(email="known@example.org")
    InvitationFactory(organization=org, token="tok-4", email="known@example.org")
    client.force_login(user)
    response = client.post(_accept_url("tok-4"))
    assert response.status_code == 302
    assert Membership.objects.filter(organization=org, user=user).exists()


def test_logged_in_as_someone_else_cannot_accept(client, org):
    client.force_login(UserFactory(email="other@example.org"))
    InvitationFactory(organization=org, token="tok-5", email="known@example.org")
    assert client.post(_accept_url("tok-5")).status_code == 400
    assert not Membership.objects.filter(organization=org).exists()


def test_settings_form_errors_keep_input(client_as, org):
    client = client_as(Role.ADMIN)
    response = client.post(
        reverse("accounts:organization_settings", args=[org.slug]),
        {"name": "New name", "kind": "nonsense", "language": "fr", "timezone": "Europe/Paris"},
    )
    assert response.status_code == 200
    assert 'value="New name"' in response.content.decode()
    org.refresh_from_db()
    assert org.name == "Bibliothèque A"


def test_settings_saved_and_logged(client_as, org):
    client = client_as(Role.ADMIN)
    response = client.post(
        reverse("accounts:organization_settings", args=[org.slug]),
        {"name": "New name", "kind": "archives", "language": "fr", "timezone": "Europe/Paris"},
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.name, org.timezone) == ("New name", "Europe/Paris")


def test_activity_list_is_paginated_with_constant_queries(
    client_as, org, django_assert_max_num_queries
):
    client = client_as(Role.VIEWER)
    ActivityEntryFactory.create_batch(120, organization=org)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("accounts:activity_list", args=[org.slug]))
    assert len(response.context["entries"]) == 50


def test_a_superseded_invitation_link_says_a_newer_one_was_sent(client_as, org):
    client = client_as(Role.ADMIN)
    InvitationFactory(organization=org, token="tok-old", email="nina@example.org")
    client.post(
        reverse("accounts:member_invite", args=[org.slug]),
        {"email": "nina@example.org", "role": Role.VIEWER},
    )
    client.logout()
    response = client.get(_accept_url("tok-old"))
    assert response.status_code == 410
    assert "A newer invitation was sent to nina@example.org" in response.content.decode()


def test_the_only_administrator_is_not_offered_remove(client_as, org, member):
    client = client_as(Role.ADMIN)
    editor = member(Role.EDITOR)
    page = client.get(reverse("accounts:member_list", args=[org.slug])).content.decode()
    assert reverse("accounts:member_remove", args=[org.slug, client.membership.pk]) not in page
    assert reverse("accounts:member_remove", args=[org.slug, editor.pk]) in page
    assert "Only administrator" in page

    other_admin = member(Role.ADMIN)  # Two administrators: either may now be removed.
    page = client.get(reverse("accounts:member_list", args=[org.slug])).content.decode()
    for admin in (client.membership, other_admin):
        assert reverse("accounts:member_remove", args=[org.slug, admin.pk]) in page
    assert "Only administrator" not in page
