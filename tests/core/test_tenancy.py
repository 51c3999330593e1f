"""Every organisation URL: login required, other organisations are a 404, viewers cannot write,
each role opens exactly the pages its role allows."""

import pytest
from django.apps import apps

from accounts.models import Membership, Role
from core.permissions import PREDICATES
from tests.tenancy import ORG_URLS, PROVIDERS, REQUIRED_ROLE, roles_below

pytestmark = pytest.mark.django_db


def test_every_org_url_has_providers():
    missing = {k for u in ORG_URLS for k in u.keywords if k not in PROVIDERS}
    assert not missing, f"add providers for {missing} in tests/tenancy.py"
    assert len(ORG_URLS) >= 7


def test_walker_finds_the_pages_of_every_app():
    names = {u.name for u in ORG_URLS}
    assert {"core:home", "accounts:member_list", "accounts:member_role"} <= names
    rules = {u.name: u.permission for u in ORG_URLS}
    assert (rules["core:home"], rules["planner:plan_create"]) == ("view", "edit_plan")
    assert rules["accounts:organization_settings"] == "manage_organization"


@pytest.mark.parametrize("url", ORG_URLS, ids=str)
def test_anonymous_is_sent_to_login(client, org, url):
    response = client.get(url.build(org))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("url", ORG_URLS, ids=str)
def test_member_of_another_org_gets_404(client, member, org, other_org, url, method):
    client.force_login(member(Role.ADMIN).user)
    response = getattr(client, method)(url.build(other_org))
    assert response.status_code == 404


@pytest.mark.parametrize("url", [u for u in ORG_URLS if u.owned_keywords], ids=str)
def test_object_of_another_org_is_404_in_own_org(client, member, org, other_org, url):
    client.force_login(member(Role.ADMIN).user)
    assert client.get(url.build(org, objects_org=other_org)).status_code == 404
    assert client.post(url.build(org, objects_org=other_org)).status_code == 404


def test_unknown_org_slug_is_404(client, member):
    client.force_login(member(Role.ADMIN).user)
    assert client.get("/o/no-such-org/").status_code == 404


@pytest.mark.parametrize("url", ORG_URLS, ids=str)
def test_viewer_cannot_write_anywhere(client, member, org, url):
    client.force_login(member(Role.VIEWER).user)
    response = client.post(url.build(org), {"name": "x", "role": Role.ADMIN})
    assert response.status_code in (403, 405)


@pytest.mark.parametrize("url", ORG_URLS, ids=str)
def test_every_role_opens_exactly_the_pages_its_role_allows(client, member, org, url):
    """GET as each role: where the view's permission predicate allows the role the page
    renders (a view error fails the test), elsewhere it is a 403; a view without GET is a
    405; never a 404."""
    path = url.build(org)
    ok = 200 if url.accepts_get else 405
    wrong = {}
    for role in Role.values:
        if url.permission is not None:
            allowed = {ok} if url.allows(role) else {403}
        else:  # a function view: its role cannot be read, but an admin always gets in
            allowed = {ok} if role == Role.ADMIN else {ok, 403}
        client.force_login(member(role).user)
        status = client.get(path).status_code
        if status not in allowed:
            wrong[role] = (status, allowed)
    assert not wrong, wrong


def test_each_permission_admits_exactly_its_roles():
    """The predicates against the stated table: a manager treated as an admin fails here."""
    assert set(PREDICATES) == set(REQUIRED_ROLE), "state the least role of a new predicate"
    wrong = {
        (name, role)
        for name, predicate in PREDICATES.items()
        for role in Role.values
        if predicate(Membership(role=role)) != (Role.rank(role) >= Role.rank(REQUIRED_ROLE[name]))
    }
    assert not wrong
    assert not any(predicate(None) for predicate in PREDICATES.values())


def _row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


WRITE_PAYLOAD = {"name": "x", "role": Role.ADMIN, "email": "new@example.org", "title": "x"}


@pytest.mark.parametrize("url", [u for u in ORG_URLS if u.write_role], ids=str)
def test_every_role_below_a_page_is_refused_on_get_and_post_and_nothing_changes(
    client, member, org, url
):
    path = url.build(org)
    before = _row_counts()
    wrong = {}
    for role in roles_below(url.write_role):
        client.force_login(member(role).user)
        expected_get = 403 if not url.allows(role) else (200 if url.accepts_get else 405)
        statuses = (client.get(path).status_code, client.post(path, WRITE_PAYLOAD).status_code)
        if statuses != (expected_get, 403):
            wrong[role] = statuses
    assert not wrong, wrong
    after = _row_counts()
    # Only the members this test logged in (users, memberships, sessions, login log) are new.
    ignored = {"auth.User", "accounts.Membership", "sessions.Session", "axes.AccessLog"}
    changed = {k for k in before if before[k] != after[k] and k not in ignored}
    assert not changed, changed
