import json

import pytest

from accounts.models import Role

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_eager_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "broker": "eager"}


def test_healthz_is_degraded_when_broker_is_unreachable(client, monkeypatch):
    from core import views

    monkeypatch.setattr(views, "_broker_status", lambda: "unreachable")
    body = client.get("/healthz").json()
    assert body["status"] == "degraded" and body["database"] == "ok"


def test_error_pages_render_without_org(client, member):
    client.force_login(member(Role.VIEWER).user)
    response = client.get("/o/missing/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
