"""Migrations that add a rule to existing data first make the data follow it."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("accounts", "0006_bounded_text_and_clean_stored_text")
AFTER = ("accounts", "0007_unique_rules_in_the_database")


def test_only_the_newest_open_invitation_of_an_address_stays_open(migrate_to):
    old = migrate_to(BEFORE)
    Organization = old.get_model("accounts", "Organization")
    Invitation = old.get_model("accounts", "Invitation")
    org, other = (Organization.objects.create(name=n, slug=n) for n in ("a", "b"))
    now = timezone.now()
    rows = {}
    for key, owner, email, age, accepted in [
        ("oldest", org, "nina@example.org", 3, None),
        ("older", org, "NINA@example.org", 2, None),
        ("newest", org, "nina@example.org", 1, None),
        ("accepted", org, "nina@example.org", 0, now),
        ("elsewhere", other, "nina@example.org", 5, None),
    ]:
        rows[key] = Invitation.objects.create(
            organization=owner,
            email=email,
            token_hash=key,
            expires_at=now + timedelta(days=7),
            accepted_at=accepted,
        )
        Invitation.objects.filter(pk=rows[key].pk).update(created_at=now - timedelta(days=age))

    new = migrate_to(AFTER)
    revoked = new.get_model("accounts", "Invitation").objects.filter(revoked_at__isnull=False)
    assert sorted(revoked.values_list("token_hash", flat=True)) == ["older", "oldest"]
