"""Logging filters."""

import logging


class OneLineForbidden(logging.Filter):
    """A 403 is a refusal the app chose (a role or an organisation check), not a fault: log it
    as one line, without the traceback that Django attaches to every PermissionDenied."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
