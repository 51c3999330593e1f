"""Reads for organisations and people. Selectors own select_related/prefetch_related."""

from django.contrib.auth import get_user_model
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from core.tenancy import get_for_org

from .models import ActivityEntry, Invitation, Membership, Notification, Organization, Role

MEMBERSHIP_SORTS = {
    "name": ["user__last_name", "user__first_name", "user__email"],
    "role": ["role", "user__last_name", "user__email"],
    "joined": ["-created_at"],
}


def membership_find(*, user, org_slug: str) -> Membership | None:
    return (
        Membership.objects.select_related("organization", "user")
        .filter(user=user, organization__slug=org_slug)
        .first()
    )


def organization_list(*, user) -> QuerySet[Organization]:
    return Organization.objects.filter(memberships__user=user).order_by("name")


def membership_list(*, org, filters: dict | None = None) -> QuerySet[Membership]:
    """Members of ``org``; ``filters``: ``sort`` (a key of ``MEMBERSHIP_SORTS``)."""
    sort = (filters or {}).get("sort")
    return (
        Membership.objects.for_org(org)
        .select_related("user", "organization")
        .order_by(*MEMBERSHIP_SORTS.get(sort, MEMBERSHIP_SORTS["name"]))
    )


def membership_get(*, org, pk: int) -> Membership:
    """Raises ``Membership.DoesNotExist`` for a missing member and another organisation's alike."""
    return get_for_org(membership_list(org=org), org, pk=pk)


def invitation_pending_list(*, org) -> QuerySet[Invitation]:
    return Invitation.objects.for_org(org).pending().select_related("invited_by")


def invitation_pending_get(*, org, pk: int) -> Invitation:
    """Raises ``Invitation.DoesNotExist`` unless ``org`` has this invitation pending."""
    return get_for_org(Invitation.objects.pending(), org, pk=pk)


def user_get_by_email(*, email: str):
    """The account with this e-mail address (any case), or None."""
    return get_user_model().objects.filter(email__iexact=email).first()


def invitation_find_by_token(*, token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organization")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )


def membership_sole_admin_pk(*, org: Organization) -> int | None:
    """The membership of the organisation's only administrator, or None when it has several.

    The rule the membership services enforce (an organisation keeps an administrator), read
    without a lock so that pages do not offer what the service would refuse.
    """
    pks = list(
        Membership.objects.for_org(org).filter(role=Role.ADMIN).values_list("pk", flat=True)[:2]
    )
    return pks[0] if len(pks) == 1 else None


def invitation_superseded(*, invitation: Invitation) -> bool:
    """Whether a newer invitation was sent to the same address in the same organisation
    (sending one withdraws the pending one, whose link then says so)."""
    return (
        Invitation.objects.for_org(invitation.organization)
        .filter(email__iexact=invitation.email, created_at__gt=invitation.created_at)
        .exists()
    )


def activity_list(*, org) -> QuerySet[ActivityEntry]:
    return ActivityEntry.objects.for_org(org).select_related("actor")


def notification_list(*, org, user) -> QuerySet[Notification]:
    """``user``'s notifications in ``org`` (nobody else's), unread first, newest first."""
    return (
        Notification.objects.for_org(org)
        .filter(recipient=user)
        .select_related("actor")
        .annotate(unread=ExpressionWrapper(Q(read_at__isnull=True), output_field=BooleanField()))
        .order_by("-unread", "-created_at", "-pk")
    )


def notification_get(*, org, user, pk: int) -> Notification:
    """Raises ``Notification.DoesNotExist`` for a missing one, another organisation's and
    another person's alike."""
    return get_for_org(Notification.objects.filter(recipient=user), org, pk=pk)


def notification_of_org_get(*, org, pk: int) -> Notification:
    """One notification of ``org``, whoever it is for (the tenancy check of a refused method)."""
    return get_for_org(Notification, org, pk=pk)


def notification_unread_count(*, org, user) -> int:
    return Notification.objects.for_org(org).filter(recipient=user, read_at__isnull=True).count()


def member_user_list(*, org):
    """The organisation's members as users, by name: who may own a plan, a risk or a goal."""
    return (
        get_user_model()
        .objects.filter(memberships__organization=org)
        .order_by("first_name", "last_name", "email")
    )


def user_is_member(*, org_id: int, user_id: int) -> bool:
    return Membership.objects.filter(organization_id=org_id, user_id=user_id).exists()
