import json

import pytest
from django.core.management import call_command

from accounts.models import Membership, Organization, Role

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


def test_seed_demo_twice_creates_everything_once(capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    assert Organization.objects.count() == 3
    first = Organization.objects.get(slug="bm-des-ecoles")
    roles = set(Membership.objects.for_org(first).values_list("role", flat=True))
    assert roles == set(Role.values)
    assert "admin@demo.vitrine.example" in capsys.readouterr().out


def test_error_pages_render_without_org(client, member):
    client.force_login(member(Role.VIEWER).user)
    response = client.get("/o/missing/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
