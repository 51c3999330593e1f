"""Count failures per key in the cache and refuse once a limit is reached, until the window ends.

Logins are django-axes' job (attempts in the database, an admin page and reset commands); this
covers the other doors a script can knock on: password-reset e-mails and invitation links. A
fixed window is enough here: the aim is to make guessing and mail-bombing slow, not to meter.
``cache.add`` and ``cache.incr`` are atomic on Redis, which production uses (``CACHE_URL``);
the in-process default suits the one-process `make run`.
"""

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from axes.helpers import get_client_ip_address
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    """At most ``limit`` hits per ``window`` for each key of ``scope``."""

    scope: str
    limit: int
    window: timedelta

    def key(self, ident: str) -> str:
        return f"throttle:{self.scope}:{ident.strip().lower()}"

    @property
    def seconds(self) -> int:
        return int(self.window.total_seconds())


def throttle_hit(limit: Limit, ident: str) -> None:
    """Count one hit for ``ident``; the first hit opens a window of ``limit.window``."""
    key = limit.key(ident)
    if cache.add(key, 1, limit.seconds):
        cache.set(f"{key}:until", time.time() + limit.seconds, limit.seconds)
        return
    try:
        cache.incr(key)
    except ValueError:  # the window closed between add() and incr()
        throttle_hit(limit, ident)


def throttle_blocked_until(limit: Limit, ident: str) -> datetime | None:
    """When ``ident`` may try again, or ``None`` when it is under the limit."""
    key = limit.key(ident)
    if (cache.get(key) or 0) < limit.limit:
        return None
    until = cache.get(f"{key}:until") or time.time() + limit.seconds
    return datetime.fromtimestamp(until, tz=UTC)


def throttle_reset(limit: Limit, ident: str) -> None:
    key = limit.key(ident)
    cache.delete_many([key, f"{key}:until"])


def client_ip(request) -> str:
    """The client address as django-axes reads it (same proxy settings for every throttle)."""
    return get_client_ip_address(request) or "unknown"
