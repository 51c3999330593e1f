"""Fixtures shared by the whole suite: organisations, members by role, logged-in clients."""

from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Role

from .factories import MembershipFactory, OrganizationFactory


def pytest_sessionfinish(session):
    """On SQLite the test database is a file (``config/settings.py``). Django removes it, but
    a connection closed after that (the live server's) leaves its WAL files behind."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    name = database.get("TEST", {}).get("NAME")
    if name and database["ENGINE"].endswith("sqlite3") and not Path(name).exists():
        for suffix in ("-wal", "-shm"):
            Path(f"{name}{suffix}").unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def _english_and_fast(settings, tmp_path):
    # Tests assert English messages; production default stays French.
    settings.LANGUAGE_CODE = "en"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """The throttles count in the cache: every test starts with no hits."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _celery_eager_unless_services(request):
    """Tasks run in-process, except in tests marked ``services`` (a real worker over Redis)."""
    from config.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = request.node.get_closest_marker("services") is None
    yield
    app.conf.task_always_eager = before


@pytest.fixture
def org(db):
    return OrganizationFactory(name="Bibliothèque A", slug="bib-a", language="en")


@pytest.fixture
def other_org(db):
    return OrganizationFactory(name="Archives B", slug="arch-b", language="en")


@pytest.fixture
def member(org):
    """``member(role)`` → a Membership of ``org`` with that role (a new user each call)."""

    def make(role: str = Role.EDITOR, organization=None):
        return MembershipFactory(organization=organization or org, role=role)

    return make


@pytest.fixture
def client_as(client, member):
    """``client_as(role)`` → the test client logged in as a new member of ``org``."""

    def make(role: str = Role.EDITOR, organization=None):
        membership = member(role, organization)
        client.force_login(membership.user)
        client.membership = membership
        return client

    return make


@pytest.fixture
def migrate_to():
    """``migrate_to(target)`` → the apps of that state; the schema is brought back after.

    For data-migration tests (``@pytest.mark.django_db(transaction=True)``)."""

    def migrate(target=None):
        """To ``(app, migration)``, or to the latest schema when ``None``."""
        executor = MigrationExecutor(connection)
        targets = [target] if target else executor.loader.graph.leaf_nodes()
        executor.migrate(targets)
        return MigrationExecutor(connection).loader.project_state(targets).apps

    yield migrate
    migrate()
