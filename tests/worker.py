"""A real Celery worker process for the tests of ``make test-services`` (Redis broker)."""

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.db import connection

from config.celery import app

ROOT = Path(__file__).resolve().parents[1]


def test_database_url() -> str:
    """The URL of the test database, for a worker that must see the test's rows."""
    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    user = quote(s.get("USER") or "")
    password = f":{quote(s['PASSWORD'])}" if s.get("PASSWORD") else ""
    host = s.get("HOST") or "127.0.0.1"
    port = f":{s['PORT']}" if s.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{s['NAME']}"


test_database_url.__test__ = False  # a helper, not a test


@contextlib.contextmanager
def celery_worker(**env):
    """Start a solo-pool worker with ``env`` added to the environment; stop it after."""
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
        env={**os.environ, **env},
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not app.control.ping(timeout=1):
            assert process.poll() is None, "the Celery worker exited at start-up"
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)
