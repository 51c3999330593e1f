"""A real Celery worker over Redis (run by `make test-services`)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from config.celery import app
from core.tasks import ping_task

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL"), reason="needs CELERY_BROKER_URL (Redis)"
    ),
]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def worker():
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool",
            "solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env={**os.environ},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not app.control.ping(timeout=1):
        assert process.poll() is None, "the Celery worker exited at start-up"
    yield process
    process.terminate()
    process.wait(timeout=20)


def test_task_goes_through_redis_to_a_worker_and_back(worker):
    result = ping_task.delay("hello")
    assert result.get(timeout=30) == "hello"
    assert result.successful()


@pytest.mark.django_db
def test_healthz_sees_the_worker(client, worker):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "broker": "ok"}
