"""A real Celery worker over Redis (run by `make test-services`)."""

import os

import pytest

from core.tasks import ping_task
from tests.worker import celery_worker

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL"), reason="needs CELERY_BROKER_URL (Redis)"
    ),
]


@pytest.fixture(scope="module")
def worker():
    with celery_worker() as process:
        yield process


def test_task_goes_through_redis_to_a_worker_and_back(worker):
    result = ping_task.delay("hello")
    assert result.get(timeout=30) == "hello"
    assert result.successful()


@pytest.mark.django_db
def test_healthz_sees_the_worker(client, worker):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "broker": "ok"}
