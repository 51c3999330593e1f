"""Writes for organisations and people: keyword-only, atomic, each one logged."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.services import model_update

from . import selectors
from .activity import activity
from .models import ActivityEntry, Invitation, Membership, Notification, Organization, Role
from .notifications import notifications

User = get_user_model()


def activity_log(*, org: Organization, actor, verb: str, params=None) -> ActivityEntry:
    """Record a domain action (who, what, when) in the organisation's activity log.

    ``verb`` is a code registered in ``accounts.activity``; ``params`` holds plain values
    (names, e-mail addresses, role codes), never a translated label: the sentence is rendered
    when the entry is read, in the reader's language. An unregistered verb raises.
    """
    params = dict(params or {})
    activity.check(verb, params)
    return ActivityEntry.objects.create(organization=org, actor=actor, verb=verb, params=params)


@transaction.atomic
def organization_create(*, name: str, slug: str, kind: str, admin=None, **fields) -> Organization:
    """Create an organisation; ``admin`` (a user) becomes its first administrator."""
    org = Organization(name=name, slug=slug, kind=kind, **fields)
    org.full_clean()
    org.save()
    if admin is not None:
        Membership.objects.create(organization=org, user=admin, role=Role.ADMIN)
    return org


#: What the settings page may change.
ORGANIZATION_FIELDS = ("name", "kind", "language", "timezone", "description")


@transaction.atomic
def organization_update(*, org: Organization, actor, **fields) -> Organization:
    model_update(instance=org, fields=ORGANIZATION_FIELDS, data=fields)
    activity_log(org=org, actor=actor, verb="org.update")
    return org


def _membership_locked(membership: Membership) -> Membership:
    """The membership as it is now, with the organisation's row locked until the transaction
    ends: changes to an organisation's members run one after the other.

    Two admins demoting each other at the same moment would each see the other still admin
    and leave none; locking each other's membership rows instead deadlocks. One lock, always
    the organisation's, serialises them without a deadlock (``no_key``: rows that reference
    the organisation can still be inserted meanwhile).
    """
    Organization.objects.select_for_update(no_key=True).filter(
        pk=membership.organization_id
    ).exists()
    try:
        return Membership.objects.select_related("organization", "user").get(pk=membership.pk)
    except Membership.DoesNotExist:
        raise ValidationError(
            _("This person is no longer a member of the organisation."), code="not_member"
        ) from None


def _check_keeps_an_admin(membership: Membership) -> None:
    """Under ``_membership_locked``: the other admins cannot change meanwhile."""
    others = (
        Membership.objects.for_org(membership.organization)
        .filter(role=Role.ADMIN)
        .exclude(pk=membership.pk)
    )
    if membership.role == Role.ADMIN and not others.exists():
        raise ValidationError(
            _("An organisation needs at least one administrator: appoint another one first."),
            code="last_admin",
        )


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, actor) -> Membership:
    """Give a member another role; the last administrator cannot be demoted."""
    if role not in Role.values:
        raise ValidationError(_("Unknown role."), code="invalid_role")
    membership = _membership_locked(membership)
    if role == membership.role:
        return membership
    if role != Role.ADMIN:
        _check_keeps_an_admin(membership)
    old = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    activity_log(
        org=membership.organization,
        actor=actor,
        verb="member.role",
        params={"user": membership.user.email, "old": old, "new": membership.role},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor) -> None:
    """Remove a member from the organisation; the last administrator cannot be removed."""
    membership = _membership_locked(membership)
    _check_keeps_an_admin(membership)
    org, email = membership.organization, membership.user.email
    membership.delete()
    activity_log(
        org=org,
        actor=actor,
        verb="member.remove",
        params={"user": email},
    )


@transaction.atomic
def invitation_create(
    *, org: Organization, email: str, role: str, actor, base_url: str
) -> Invitation:
    """Invite ``email`` with ``role``: store a token hash, send the single-use link by e-mail."""
    email = User.objects.normalize_email(email).strip().lower()
    if Membership.objects.for_org(org).filter(user__email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s is already a member of this organisation.") % {"email": email},
            code="already_member",
        )
    # A new invitation replaces any open one for the same address (expired ones included: the
    # database allows one open invitation per address, ``one_open_invitation_per_address``).
    Invitation.objects.for_org(org).filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    token, token_hash = Invitation.new_token()
    invitation = Invitation(
        organization=org,
        email=email,
        role=role,
        token_hash=token_hash,
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_TTL_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    link = base_url.rstrip("/") + reverse("accounts:invitation_accept", kwargs={"token": token})
    context = {"invitation": invitation, "link": link, "days": settings.INVITATION_TTL_DAYS}
    with translation.override(org.language):
        subject = _("Invitation to join %(org)s on Vitrine") % {"org": org.name}
        body = render_to_string("accounts/email/invitation.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    activity_log(
        org=org,
        actor=actor,
        verb="invitation.create",
        params={"email": email, "role": invitation.role},
    )
    invitation.token = token  # for the caller (tests, dev console); never stored
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor) -> None:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    activity_log(
        org=invitation.organization,
        actor=actor,
        verb="invitation.revoke",
        params={"email": invitation.email},
    )


def invitation_check(*, invitation: Invitation | None) -> Invitation:
    """Raise a clear ValidationError unless the invitation can still be accepted."""
    if invitation is None:
        raise ValidationError(_("This invitation link is not valid."), code="invalid")
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.revoked_at is not None:
        if selectors.invitation_superseded(invitation=invitation):
            raise ValidationError(
                _(
                    "A newer invitation was sent to %(email)s: this link no longer works. "
                    "Use the link in the most recent e-mail."
                )
                % {"email": invitation.email},
                code="superseded",
            )
        raise ValidationError(_("This invitation has been withdrawn."), code="revoked")
    if invitation.expires_at <= timezone.now():
        raise ValidationError(
            _("This invitation has expired. Ask an administrator for a new one."), code="expired"
        )
    return invitation


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    user=None,
    first_name: str = "",
    last_name: str = "",
    password: str = "",
) -> Membership:
    """Accept an invitation as ``user`` or as a new account; the link then stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_check(invitation=invitation)
    if user is None:
        user = User.objects.create_user(
            username=invitation.email,
            email=invitation.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
    membership = Membership.objects.get_or_create(
        organization=invitation.organization, user=user, defaults={"role": invitation.role}
    )[0]
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    activity_log(
        org=invitation.organization,
        actor=user,
        verb="invitation.accept",
        params={"email": user.email, "role": membership.role},
    )
    return membership


# Notifications ---------------------------------------------------------------------------------


@transaction.atomic
def notify(
    *, org: Organization, recipients, actor, code: str, params=None, url: str = ""
) -> list[Notification]:
    """Tell ``recipients`` (users) about something, in the list and by e-mail.

    ``code`` is registered in ``accounts.notifications`` and ``params`` are plain values: the
    sentence is rendered when read, in the reader's language. Nobody is told of their own
    action, and each person once. The e-mails leave after the commit, in one task for the
    batch (a rolled-back change sends nothing).
    """
    params = dict(params or {})
    notifications.check(code, params)
    users = {u.pk: u for u in recipients if u is not None and u.pk != getattr(actor, "pk", None)}
    rows = Notification.objects.bulk_create(
        Notification(
            organization=org, recipient=user, actor=actor, code=code, params=params, url=url
        )
        for user in users.values()
    )
    ids = [row.pk for row in rows]
    if ids:
        from .tasks import notification_email_send  # tasks import this module

        transaction.on_commit(lambda: notification_email_send.delay(ids))
    return rows


def notification_open(*, notification: Notification) -> str:
    """Mark the notification read (once: the first time is kept); returns where it leads."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification.url


def notification_read_about(*, org: Organization, user, url: str) -> int:
    """Mark ``user``'s unread notifications about the page ``url`` read; returns how many.

    Acting on what a notification was about answers it: a manager who decided on a goal
    reached from the review queue is not left with a bell still ringing for it.
    """
    return (
        Notification.objects.for_org(org)
        .filter(recipient=user, url=url, read_at__isnull=True)
        .update(read_at=timezone.now())
    )


def notification_read_all(*, org: Organization, user) -> int:
    """Mark every unread notification of ``user`` in ``org`` read; returns how many."""
    return (
        Notification.objects.for_org(org)
        .filter(recipient=user, read_at__isnull=True)
        .update(read_at=timezone.now())
    )
