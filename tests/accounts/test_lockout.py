"""Brute-force protection: login lockout (django-axes), reset e-mails and invitation links."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from tests.factories import PASSWORD, InvitationFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def _login(client, email, password, ip="203.0.113.7"):
    return client.post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=ip)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_lock_the_account_with_when_to_try_again(client, member, settings):
    email = member(Role.EDITOR).user.email
    statuses = [_login(client, email, f"guess-{n}").status_code for n in range(30)]
    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(statuses[settings.AXES_FAILURE_LIMIT :]) == {429}

    response = _login(client, email, PASSWORD)
    page = response.content.decode()
    assert response.status_code == 429
    assert not _logged_in(client)
    assert "Too many failed logins" in page
    assert "Try again after" in page and "(in 15 min)" in page
    assert f'value="{email}"' in page


def test_the_lock_holds_from_another_address_and_whatever_the_case(client, member):
    email = member(Role.EDITOR).user.email
    for n in range(10):
        _login(client, email.upper() if n % 2 else email, f"guess-{n}", ip=f"198.51.100.{n}")
    response = _login(client, email, PASSWORD, ip="192.0.2.1")
    assert response.status_code == 429
    assert not _logged_in(client)


def test_an_address_failing_on_many_accounts_is_locked(client, member):
    for n in range(10):
        _login(client, f"nobody{n}@example.org", "guess")
    email = member(Role.EDITOR).user.email
    assert _login(client, email, PASSWORD).status_code == 429
    assert _login(client, email, PASSWORD, ip="192.0.2.99").status_code == 302


def test_the_lock_expires_after_the_cool_off(client, member, settings):
    email = member(Role.EDITOR).user.email
    for n in range(10):
        _login(client, email, f"guess-{n}")
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    assert _login(client, email, PASSWORD).status_code == 302
    assert _logged_in(client)


def test_the_unlock_command_lifts_the_lock(client, member):
    email = member(Role.EDITOR).user.email
    for n in range(10):
        _login(client, email, f"guess-{n}", ip=f"198.51.100.{n}")
    assert _login(client, email, PASSWORD, ip="192.0.2.1").status_code == 429
    call_command("axes_reset_username", email)
    assert _login(client, email, PASSWORD, ip="192.0.2.1").status_code == 302


def test_a_success_resets_the_count(client, member):
    email = member(Role.EDITOR).user.email
    for n in range(9):
        _login(client, email, f"guess-{n}")
    assert _login(client, email, PASSWORD).status_code == 302
    client.logout()
    for n in range(9):
        _login(client, email, f"guess-{n}")
    assert _login(client, email, PASSWORD).status_code == 302


def test_the_lockout_message_is_translated(client, member):
    email = member(Role.EDITOR).user.email
    for n in range(10):
        _login(client, email, f"guess-{n}")
    client.cookies["django_language"] = "fr"
    page = _login(client, email, PASSWORD).content.decode()
    assert "Réessayez après" in page


RESET = reverse("accounts:password_reset")


def test_password_reset_sends_at_most_three_links_per_address(client, member):
    email = member(Role.EDITOR).user.email
    statuses = [client.post(RESET, {"email": email}).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3
    page = client.post(RESET, {"email": email}).content.decode()
    assert "Several links were already sent" in page and "Try again after" in page
    assert f'value="{email}"' in page


def test_password_reset_refusal_is_the_same_for_an_unknown_address(client):
    statuses = [client.post(RESET, {"email": "nobody@example.org"}).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert mail.outbox == []


def test_password_reset_limits_one_client_asking_for_many_addresses(client, settings):
    statuses = [
        client.post(RESET, {"email": f"p{n}@example.org"}).status_code
        for n in range(settings.PASSWORD_RESET_IP_LIMIT + 1)
    ]
    assert statuses[-1] == 429
    assert statuses.count(302) == settings.PASSWORD_RESET_IP_LIMIT


def test_guessing_invitation_links_is_refused_even_for_a_valid_one(client, org, settings):
    InvitationFactory(organization=org, token="real-token")
    statuses = [
        client.get(reverse("accounts:invitation_accept", args=[f"guess-{n}"])).status_code
        for n in range(settings.INVITATION_FAILURE_LIMIT)
    ]
    assert set(statuses) == {404}
    response = client.get(reverse("accounts:invitation_accept", args=["real-token"]))
    assert response.status_code == 429
    assert "Too many invitation links that do not work" in response.content.decode()
    other = client.get(
        reverse("accounts:invitation_accept", args=["real-token"]), REMOTE_ADDR="192.0.2.50"
    )
    assert other.status_code == 200
