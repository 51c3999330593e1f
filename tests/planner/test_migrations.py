"""planner/0007: "active" plans become "approved", with their history and activity entries."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_active_plans_become_approved_and_their_history_follows(migrate_to):
    old = migrate_to(("planner", "0006_plan_owner_and_review_statuses"))
    # Accounts as they are when 0007 runs (the state above holds only planner's dependencies).
    accounts = migrate_to(("accounts", "0009_notifications"))
    Organization = accounts.get_model("accounts", "Organization")
    Entry = accounts.get_model("accounts", "ActivityEntry")
    User = old.get_model("auth", "User")
    Plan = old.get_model("planner", "Plan")
    PlanTransition = old.get_model("planner", "PlanTransition")
    org = Organization.objects.create(name="O", slug="o", kind="library")
    author = User.objects.create(username="author")
    active = Plan.objects.create(
        organization_id=org.pk, title="Live", status="active", created_by=author
    )
    draft = Plan.objects.create(organization_id=org.pk, title="Draft", status="draft")
    PlanTransition.objects.create(
        plan=active, transition="activate", from_status="draft", to_status="active"
    )
    PlanTransition.objects.create(
        plan=active, transition="to_draft", from_status="active", to_status="draft"
    )
    activated = Entry.objects.create(
        organization=org, verb="plan.activate", params={"title": "Live", "status": "active"}
    )
    other = Entry.objects.create(
        organization=org, verb="channel.archive", params={"status": "active"}
    )

    new = migrate_to(("planner", "0007_active_plans_become_approved"))
    Plan = new.get_model("planner", "Plan")
    PlanTransition = new.get_model("planner", "PlanTransition")
    Entry = new.get_model("accounts", "ActivityEntry")
    assert Plan.objects.get(pk=active.pk).status == "approved"
    assert Plan.objects.get(pk=active.pk).owner_id == author.pk  # the creator
    assert (Plan.objects.get(pk=draft.pk).status, Plan.objects.get(pk=draft.pk).owner_id) == (
        "draft",
        None,
    )
    steps = PlanTransition.objects.order_by("pk").values_list("from_status", "to_status")
    assert list(steps) == [("draft", "approved"), ("approved", "draft")]
    assert Entry.objects.get(pk=activated.pk).params == {"title": "Live", "status": "approved"}
    assert Entry.objects.get(pk=other.pk).params == {"status": "active"}  # not a plan's


def test_the_old_activate_entries_still_render(db):
    from accounts.activity import activity

    assert activity.render("plan.activate", {"title": "Live", "status": "approved"}) == (
        "Plan “Live”: Approved"
    )
