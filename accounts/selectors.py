"""Reads for organisations and people. Selectors own select_related/prefetch_related."""

from django.db.models import QuerySet

from .models import ActivityEntry, Invitation, Membership, Organization


def membership_for(*, user, org_slug: str) -> Membership | None:
    return (
        Membership.objects.select_related("organization", "user")
        .filter(user=user, organization__slug=org_slug)
        .first()
    )


def organization_list_for_user(*, user) -> QuerySet[Organization]:
    return Organization.objects.filter(memberships__user=user).order_by("name")


def membership_list(*, org, sort: str = "name") -> QuerySet[Membership]:
    orderings = {
        "name": ["user__last_name", "user__first_name", "user__email"],
        "role": ["role", "user__last_name", "user__email"],
        "joined": ["-created_at"],
    }
    return (
        Membership.objects.for_org(org)
        .select_related("user")
        .order_by(*orderings.get(sort, orderings["name"]))
    )


def invitation_pending_list(*, org) -> QuerySet[Invitation]:
    return Invitation.objects.for_org(org).pending().select_related("invited_by")


def invitation_get_by_token(*, token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organization")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )


def activity_list(*, org) -> QuerySet[ActivityEntry]:
    return ActivityEntry.objects.for_org(org).select_related("actor")
