"""Every page's <title> says what it shows (WCAG 2.4.2), driven by the URL walker.

Two pages with different URL names never share a title, and a page about an object (an edit,
detail or confirmation page) names that object: built twice with two objects, its titles
differ. A page added later is checked as soon as its URL exists.
"""

import re
from html import unescape

import pytest

from accounts.models import Role
from tests.tenancy import ORG_URLS

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
PAGES = [u for u in ORG_URLS if u.accepts_get]


def title_of(client, url: str) -> str | None:
    """The page's title, or None for a response that is not a page (a download)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if not response["Content-Type"].startswith("text/html"):
        return None
    match = TITLE.search(response.content.decode())
    assert match, f"{url} has no <title>"
    return " ".join(unescape(match.group(1)).split())


@pytest.fixture
def admin_client(client_as, settings):
    settings.LANGUAGE_CODE = "en"
    return client_as(Role.ADMIN)


def test_pages_with_different_url_names_have_different_titles(admin_client):
    org = admin_client.membership.organization
    seen: dict[str, str] = {}
    shared = []
    for page in PAGES:
        title = title_of(admin_client, page.build(org))
        if title is None:
            continue
        if title in seen:
            shared.append(f"{seen[title]} and {page} are both titled “{title}”")
        seen[title] = str(page)
    assert not shared, "\n".join(shared)


@pytest.mark.parametrize("page", [u for u in PAGES if u.owned_keywords], ids=str)
def test_a_page_about_an_object_names_it_in_its_title(admin_client, page):
    org = admin_client.membership.organization
    first, second = title_of(admin_client, page.build(org)), title_of(admin_client, page.build(org))
    if first is None:  # a download has no title, but it must arrive as a named file
        response = admin_client.get(page.build(org))
        assert response["Content-Disposition"].startswith("attachment; filename=")
        return
    assert first != second, f"{page}: two objects, one title “{first}”"
