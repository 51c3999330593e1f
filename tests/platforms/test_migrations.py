"""Migrations that add a rule to existing data first make the data follow it."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("platforms", "0004_bounded_text_and_clean_stored_text")
AFTER = ("platforms", "0005_unique_rules_in_the_database")


def test_channel_names_differing_only_in_case_are_numbered(migrate_to):
    old = migrate_to(BEFORE)
    Organization = old.get_model("accounts", "Organization")
    Platform = old.get_model("platforms", "Platform")
    Channel = old.get_model("platforms", "Channel")
    org, other = (Organization.objects.create(name=n, slug=n) for n in ("a", "b"))
    platform = Platform.objects.create(
        code="fb", name="Fb", age_min=13, age_max=99, source="s", source_year=2025
    )
    for owner, name in [
        (org, "Library"),
        (org, "LIBRARY"),
        (org, "library"),
        (org, "Library (2)"),
        (other, "library"),
    ]:
        Channel.objects.create(organization=owner, platform=platform, name=name)

    new = migrate_to(AFTER)
    names = new.get_model("platforms", "Channel").objects.order_by("pk")
    assert [(c.organization.slug, c.name) for c in names] == [
        ("a", "Library"),
        ("a", "LIBRARY (3)"),
        ("a", "library (4)"),
        ("a", "Library (2)"),
        ("b", "library"),
    ]
