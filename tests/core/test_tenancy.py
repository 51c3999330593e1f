"""Every organisation URL: login required, other organisations are a 404, viewers cannot write."""

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
def test_admin_can_open_every_page(client, member, org, url):
    client.force_login(member(Role.ADMIN).user)
    response = client.get(url.build(org))
    assert response.status_code in (200, 405), response.status_code
