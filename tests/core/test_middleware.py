"""OrganizationMiddleware: remembering the last organisation visited without saving every page."""

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.middleware import SessionMiddleware

from accounts.models import Membership, Role
from core.middleware import OrganizationMiddleware


def _request_with_session(rf, user, session_key=None):
    request = rf.get("/o/somewhere/")
    request.user = user
    if session_key:
        request.COOKIES[settings.SESSION_COOKIE_NAME] = session_key
    SessionMiddleware(lambda r: None).process_request(request)
    return request


def _visit(request, slug):
    OrganizationMiddleware(lambda r: None).process_view(request, None, (), {"org_slug": slug})


def test_first_visit_remembers_the_org(rf, member, org):
    request = _request_with_session(rf, member(Role.VIEWER).user)
    _visit(request, org.slug)
    assert request.session["last_org"] == org.slug
    assert request.session.modified


def test_visiting_the_same_org_again_leaves_the_session_untouched(rf, member, org):
    session = SessionStore()
    session["last_org"] = org.slug
    session.create()
    request = _request_with_session(rf, member(Role.VIEWER).user, session.session_key)
    _visit(request, org.slug)
    assert request.session["last_org"] == org.slug
    assert not request.session.modified


def test_switching_org_updates_the_session(rf, member, org, other_org):
    membership = member(Role.VIEWER)
    Membership.objects.create(organization=other_org, user=membership.user, role=Role.VIEWER)
    session = SessionStore()
    session["last_org"] = org.slug
    session.create()
    request = _request_with_session(rf, membership.user, session.session_key)
    _visit(request, other_org.slug)
    assert request.session["last_org"] == other_org.slug
    assert request.session.modified


def test_a_second_page_of_the_same_org_sets_no_session_cookie(client, member, org):
    client.force_login(member(Role.VIEWER).user)
    client.get(f"/o/{org.slug}/")
    response = client.get(f"/o/{org.slug}/")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_a_refused_write_logs_one_line_without_traceback(client, member, org, caplog):
    client.force_login(member(Role.VIEWER).user)
    with caplog.at_level("WARNING", logger="django.request"):
        response = client.get(f"/o/{org.slug}/members/invite/")
    assert response.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    assert records[0].exc_info is None
    assert "Forbidden" in records[0].getMessage()
