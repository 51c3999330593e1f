"""Two identical requests at the same moment: one row where one is expected, never a 500.

Each request runs in its own thread with its own database connection (real transactions, so
``transaction=True``; on SQLite the test database is a file, see ``config/settings.py``).
``race_after`` makes the race certain rather than likely: the threads meet once both have run
a service's check, so without the database's constraint or lock both would write. A thread
held back by a lock never arrives; the other waits a moment, then goes on alone.
"""

import contextlib
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.models import Invitation, Membership, Role
from platforms.models import Channel, PlatformChoice, PlatformNote
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    OrganizationFactory,
    PlanFactory,
    PlatformFactory,
)
from tests.helpers import url

pytestmark = pytest.mark.django_db(transaction=True)

#: How long a thread that passed the check waits for the other (held back by a lock, or late).
MEET_TIMEOUT = 0.5


def together(*calls):
    """Run the calls in threads released at the same instant; return their results in order.

    A view's exception (a 500) is raised here: the test client re-raises it in its thread.
    """
    start = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def run(index, call):
        try:
            start.wait(timeout=10)
            results[index] = call()
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a request never finished"
    if errors:
        raise errors[0]
    return results


@pytest.fixture
def race_after(monkeypatch):
    """``race_after(owner, "name")``: the racing threads meet after ``owner.name`` returns."""

    def patch(owner, name, parties=2):
        meet = threading.Barrier(parties)
        original = getattr(owner, name)

        def checked(*args, **kwargs):
            result = original(*args, **kwargs)
            # The other request may wait on a lock: it will check after this one.
            with contextlib.suppress(threading.BrokenBarrierError):
                meet.wait(timeout=MEET_TIMEOUT)
            return result

        monkeypatch.setattr(owner, name, checked)

    return patch


def client_for(membership) -> Client:
    client = Client()
    client.force_login(membership.user)
    return client


@pytest.fixture
def org():
    return OrganizationFactory(slug="race", language="en")


@pytest.fixture
def editor(org):
    return MembershipFactory(organization=org, role=Role.EDITOR)


@pytest.fixture
def platform():
    return PlatformFactory(code="facebook", name="Facebook")


def channel_data(platform, name):
    return {
        "platform": platform.pk,
        "name": name,
        "handle": "",
        "url": "",
        "kind": "own",
        "partner_contact": "",
        "lead_time_days": "0",
    }


@pytest.mark.parametrize("names", [("Library", "Library"), ("Library", "LIBRARY")])
def test_two_channels_with_one_name_make_one_row(org, editor, platform, race_after, names):
    from platforms.services import channels

    race_after(channels, "_clean_channel")
    clients = [client_for(editor), client_for(editor)]
    target = url("platforms:channel_create", org)
    responses = together(
        *[
            lambda c=c, n=n: c.post(target, channel_data(platform, n))
            for c, n in zip(clients, names, strict=True)
        ]
    )
    assert sorted(r.status_code for r in responses) == [200, 302]
    assert Channel.objects.filter(organization=org).count() == 1
    refused = next(r for r in responses if r.status_code == 200)
    assert [e.code for e in refused.context["form"].errors.as_data()["name"]] == ["duplicate_name"]


def test_one_platform_chosen_twice_is_one_choice(org, editor, platform):
    plan = PlanFactory(organization=org)
    target = url("platforms:plan_choose", plan, platform_code="facebook")
    clients = [client_for(editor), client_for(editor)]
    responses = together(
        *[
            lambda c=c, why=why: c.post(target, {"priority": 1, "rationale": why})
            for c, why in zip(clients, ("Families", "Parents"), strict=True)
        ]
    )
    assert [r.status_code for r in responses] == [302, 302]  # the second updates the first
    assert PlatformChoice.objects.filter(plan=plan).count() == 1


def test_two_admins_demoting_each_other_leave_one_admin(org, race_after):
    from accounts import services

    race_after(services, "_check_keeps_an_admin")
    alice, bob = (MembershipFactory(organization=org, role=Role.ADMIN) for _ in range(2))

    def demote(actor, target):
        client = client_for(actor)
        return lambda: client.post(
            url("accounts:member_role", org, member_pk=target.pk), {"role": Role.EDITOR}
        )

    responses = together(demote(alice, bob), demote(bob, alice))
    codes = sorted(r.status_code for r in responses)
    # The loser is told it would leave no admin (200), or, if it arrived after the winner's
    # change, is no longer allowed on the page (403).
    assert codes in ([200, 302], [302, 403])
    assert Membership.objects.filter(organization=org, role=Role.ADMIN).count() == 1
    if codes == [200, 302]:
        refused = next(r for r in responses if r.status_code == 200)
        assert [e.code for e in refused.context["form"].errors.as_data()["role"]] == ["last_admin"]


def test_two_admins_removing_each_other_leave_one_admin(org, race_after):
    from accounts import services

    race_after(services, "_check_keeps_an_admin")
    alice, bob = (MembershipFactory(organization=org, role=Role.ADMIN) for _ in range(2))

    def remove(actor, target):
        client = client_for(actor)
        return lambda: client.post(url("accounts:member_remove", org, member_pk=target.pk))

    responses = together(remove(alice, bob), remove(bob, alice))
    assert all(r.status_code in (302, 403) for r in responses)
    assert Membership.objects.filter(organization=org, role=Role.ADMIN).count() == 1


def test_one_invitation_accepted_twice_makes_one_member(org):
    InvitationFactory(organization=org, token="tok-race", email="nina@example.org")
    target = reverse("accounts:invitation_accept", args=["tok-race"])
    data = {
        "first_name": "Nina",
        "last_name": "Roy",
        "password1": "a-long-passphrase-9",
        "password2": "a-long-passphrase-9",
    }
    clients = [Client(), Client()]
    responses = together(*[lambda c=c: c.post(target, data) for c in clients])
    assert sorted(r.status_code for r in responses) == [302, 410]
    assert Membership.objects.filter(organization=org, user__email="nina@example.org").count() == 1
    assert "already been used" in next(r for r in responses if r.status_code == 410).text


def test_one_address_invited_twice_at_once_has_one_open_invitation(org, race_after):
    admin = MembershipFactory(organization=org, role=Role.ADMIN)
    race_after(Invitation, "new_token")
    target = url("accounts:member_invite", org)
    clients = [client_for(admin), client_for(admin)]
    responses = together(
        *[
            lambda c=c, e=e: c.post(target, {"email": e, "role": Role.EDITOR})
            for c, e in zip(clients, ("nina@example.org", "Nina@Example.org"), strict=True)
        ]
    )
    # Serialised (SQLite), the second replaces the first; racing (PostgreSQL), it is refused.
    assert sorted(r.status_code for r in responses) in ([200, 302], [302, 302])
    open_ = Invitation.objects.filter(organization=org, accepted_at=None, revoked_at=None)
    assert open_.count() == 1
    for refused in (r for r in responses if r.status_code == 200):
        assert "email" in refused.context["form"].errors, refused.context["form"].errors.as_data()
        assert [e.code for e in refused.context["form"].errors.as_data()["email"]] == [
            "duplicate_invitation"
        ]


def test_two_notes_on_one_platform_make_one_note(org, editor, platform):
    target = url("platforms:platform_detail", org, platform_code="facebook")
    clients = [client_for(editor), client_for(editor)]
    responses = together(
        *[
            lambda c=c, t=t: c.post(target, {"text": t})
            for c, t in zip(clients, ("Groups matter", "Events matter"), strict=True)
        ]
    )
    assert [r.status_code for r in responses] == [302, 302]
    assert PlatformNote.objects.filter(organization=org, platform=platform).count() == 1


def test_two_audience_saves_keep_one_audience(org, editor):
    """Each save replaces the segments: the result is one of the two audiences, not both."""
    from platforms.models import AudienceSegment
    from tests.helpers import save_audience
    from tests.platforms.test_views_plan import audience_data

    plan = PlanFactory(organization=org)
    save_audience(plan, editor.user, [("Before", 30, 40, 1)])
    target = url("platforms:plan_platforms", plan)
    clients = [client_for(editor), client_for(editor)]
    audiences = ([("Teens", 13, 17, 1)], [("Adults", 25, 64, 2), ("Seniors", 65, 90, 1)])
    responses = together(
        *[
            lambda c=c, rows=rows: c.post(target, audience_data(rows))
            for c, rows in zip(clients, audiences, strict=True)
        ]
    )
    assert [r.status_code for r in responses] == [302, 302]
    labels = sorted(AudienceSegment.objects.filter(plan=plan).values_list("label", flat=True))
    assert labels in (["Teens"], ["Adults", "Seniors"])
