"""Notifications: stored as code + parameters, e-mailed once, read only by their recipient."""

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from accounts.models import Notification, Role
from accounts.services import notify
from accounts.tasks import notification_email_send
from tests.factories import NotificationFactory, UserFactory
from tests.helpers import url

pytestmark = pytest.mark.django_db

PARAMS = {"goal": "Create 5 events a month", "plan": "2027", "actor": "Alice", "comment": ""}


def test_a_notification_reads_in_the_reader_language(org):
    note = NotificationFactory(organization=org, code="goal.approved", params=PARAMS)
    assert note.message == "Alice approved the goal “Create 5 events a month” (plan “2027”)"
    with translation.override("fr"):
        assert note.message == (
            "Alice a approuvé l’objectif «\u00a0Create 5 events a month\u00a0» "
            "(plan «\u00a02027\u00a0»)"
        )
    note.params = {**PARAMS, "comment": "Well done"}
    assert note.message.endswith("(plan “2027”): “Well done”")


def test_an_unknown_code_or_a_label_as_parameter_is_refused(org):
    with pytest.raises(LookupError):
        notify(org=org, recipients=[UserFactory()], actor=None, code="goal.nope", params={})
    with pytest.raises(TypeError):
        notify(
            org=org,
            recipients=[UserFactory()],
            actor=None,
            code="goal.approved",
            params={**PARAMS, "plan": Role.MANAGER.label},
        )


def test_notify_skips_the_actor_and_duplicates_and_sends_one_task_per_batch(
    org, django_capture_on_commit_callbacks
):
    actor, ann, bob = UserFactory(), UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        rows = notify(
            org=org,
            recipients=[ann, bob, ann, actor, None],
            actor=actor,
            code="goal.approved",
            params=PARAMS,
            url="/o/bib-a/plans/1/",
        )
    assert sorted(r.recipient_id for r in rows) == sorted([ann.pk, bob.pk])
    assert len(callbacks) == 1
    assert mail.outbox == []  # nothing before the commit


def test_a_rolled_back_change_sends_nothing(org, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify(org=org, recipients=[UserFactory()], actor=None, code="goal.approved", params=PARAMS)
        raise RuntimeError
    assert mail.outbox == [] and not Notification.objects.exists()


def test_the_task_sends_each_e_mail_once_even_when_delivered_twice(org, settings):
    settings.SITE_URL = "https://vitrine.example.org/"
    notes = [
        NotificationFactory(organization=org, code="goal.approved", params=PARAMS, url="/o/x/")
        for _ in range(2)
    ]
    ids = [n.pk for n in notes]
    assert notification_email_send(ids) == 2
    assert notification_email_send(ids) == 0
    assert len(mail.outbox) == 2
    assert "https://vitrine.example.org/o/x/" in mail.outbox[0].body
    assert "https://vitrine.example.org/o/bib-a/notifications/" in mail.outbox[0].body
    assert all(n.emailed_at for n in Notification.objects.all())


def test_a_notification_read_or_gone_is_not_e_mailed(org):
    read = NotificationFactory(organization=org, read_at=timezone.now())
    gone = NotificationFactory(organization=org)
    gone_pk = gone.pk
    gone.delete()
    assert notification_email_send([read.pk, gone_pk]) == 0
    assert mail.outbox == []


def test_a_failed_e_mail_is_given_back_for_the_retry(org, monkeypatch):
    note = NotificationFactory(organization=org)

    def broken(*args, **kwargs):
        raise ConnectionError("SMTP down")

    monkeypatch.setattr("accounts.tasks.send_mail", broken)
    with pytest.raises(ConnectionError):
        notification_email_send([note.pk])
    note.refresh_from_db()
    assert note.emailed_at is None


# Pages ------------------------------------------------------------------------------------------


@pytest.fixture
def reader(client_as):
    return client_as(Role.EDITOR)


def mine(client, **kwargs):
    membership = client.membership
    return NotificationFactory(
        organization=membership.organization, recipient=membership.user, **kwargs
    )


def test_the_list_shows_only_the_reader_own_notifications_unread_first(reader, org):
    old_read = mine(reader, code="goal.approved", params={**PARAMS, "goal": "Old"})
    Notification.objects.filter(pk=old_read.pk).update(read_at=timezone.now())
    mine(reader, code="goal.approved", params={**PARAMS, "goal": "Fresh"})
    NotificationFactory(organization=org, params={**PARAMS, "goal": "Someone else"})
    response = reader.get(url("accounts:notification_list", org))
    assert response.status_code == 200
    text = response.text
    assert "Someone else" not in text
    assert text.index("Fresh") < text.index("Old")
    assert 'aria-label="1 unread notification"' in text


def test_the_bell_counts_in_one_query(reader, org):
    for _ in range(3):
        mine(reader)
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(url("accounts:member_list", org))
    assert 'aria-label="3 unread notifications"' in response.text
    assert sum("accounts_notification" in q["sql"] for q in queries.captured_queries) == 1


def test_opening_marks_read_and_goes_to_the_object(reader, org):
    note = mine(reader, url="/o/bib-a/plans/7/")
    response = reader.post(url("accounts:notification_open", org, notification_pk=note.pk))
    assert response.status_code == 302 and response["Location"] == "/o/bib-a/plans/7/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_opening_is_a_post(reader, org):
    note = mine(reader)
    response = reader.get(url("accounts:notification_open", org, notification_pk=note.pk))
    assert response.status_code == 405
    note.refresh_from_db()
    assert note.read_at is None


def test_another_person_notification_is_a_404_even_in_the_same_organisation(reader, org):
    theirs = NotificationFactory(organization=org)
    response = reader.post(url("accounts:notification_open", org, notification_pk=theirs.pk))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_a_stored_link_elsewhere_is_not_followed(reader, org):
    note = mine(reader, url="//evil.example/phish")
    response = reader.post(url("accounts:notification_open", org, notification_pk=note.pk))
    assert response["Location"] == url("accounts:notification_list", org)


def test_mark_all_as_read_touches_only_the_reader_own(reader, org):
    mine(reader), mine(reader)
    theirs = NotificationFactory(organization=org)
    response = reader.post(url("accounts:notification_read_all", org), follow=True)
    assert "2 notifications marked as read." in response.text
    assert not Notification.objects.filter(recipient=reader.membership.user, read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None
