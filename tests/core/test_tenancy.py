"""Every organisation URL: login required, other organisations are a 404, viewers cannot write,
each role opens exactly the pages its role allows."""

import pytest

from accounts.models import Role
from tests.tenancy import ORG_URLS, PROVIDERS

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
