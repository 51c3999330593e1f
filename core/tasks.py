from celery import shared_task


@shared_task(acks_late=True, name="core.ping")
def ping_task(value: str = "pong") -> str:
    """Round-trip task used by /healthz and the services tests: pure, so idempotent."""
    return value
