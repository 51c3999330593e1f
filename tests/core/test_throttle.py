"""core.throttle: a fixed window of hits per key, in the cache."""

from datetime import timedelta
from unittest import mock

from core.throttle import Limit, throttle_blocked_until, throttle_hit, throttle_reset

LIMIT = Limit("test", 2, timedelta(minutes=10))


def test_blocks_at_the_limit_until_the_window_ends():
    with mock.patch("core.throttle.time.time", return_value=1_000_000.0):
        throttle_hit(LIMIT, "Someone@Example.org")
        assert throttle_blocked_until(LIMIT, "someone@example.org") is None
        throttle_hit(LIMIT, "someone@example.org ")
        until = throttle_blocked_until(LIMIT, "someone@example.org")
    assert until is not None
    assert until.timestamp() == 1_000_600.0
    assert throttle_blocked_until(LIMIT, "other@example.org") is None


def test_reset_lifts_the_block():
    for _ in range(3):
        throttle_hit(LIMIT, "x")
    assert throttle_blocked_until(LIMIT, "x") is not None
    throttle_reset(LIMIT, "x")
    assert throttle_blocked_until(LIMIT, "x") is None
