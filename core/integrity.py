"""A database uniqueness constraint, violated by a request racing another, as the form's error.

A service checks its rules before it writes, but two identical requests at the same moment
both pass the check; the database constraint then refuses the second. ``integrity_errors()``
runs the write in a savepoint (the request's connection stays usable) and turns a unique
violation into the ``ValidationError`` the check would have raised: the violated constraint is
looked up among the models' ``Meta.constraints`` and gives its ``violation_error_message`` and
``violation_error_code``, on the field it is about.

Convention: a ``UniqueConstraint`` lists its scope first and what must be unique last
(``"organization", Lower("name")``), so the error goes on that last field.
"""

import re
from contextlib import contextmanager
from functools import cache

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, UniqueConstraint
from django.utils.translation import gettext_lazy as _

#: Said when a unique violation names no constraint we know (e.g. a ``unique=True`` field).
CONFLICT_MESSAGE = _(
    "Someone saved the same thing at the same moment. Reload the page to see it, then try again."
)

# SQLite names an index ("index 'name'"), or the columns of a table constraint ("t.a, t.b").
_SQLITE_INDEX = re.compile(r"UNIQUE constraint failed: index '(?P<name>[^']+)'")
_SQLITE_COLUMNS = re.compile(r"UNIQUE constraint failed: (?P<columns>.+)$")


@cache
def _unique_constraints() -> list[tuple]:
    """(model, constraint, table, columns) for every declared UniqueConstraint."""
    found = []
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if isinstance(constraint, UniqueConstraint):
                columns = frozenset(
                    model._meta.get_field(name).column for name in constraint.fields
                )
                found.append((model, constraint, model._meta.db_table, columns))
    return found


def _violated(error: IntegrityError) -> tuple | None:
    """The (model, constraint) a unique violation names, None when it names no known one."""
    cause = error.__cause__
    name = getattr(getattr(cause, "diag", None), "constraint_name", None)  # PostgreSQL
    table = columns = None
    if name is None:
        text = str(error)
        if match := _SQLITE_INDEX.search(text):
            name = match["name"]
        elif match := _SQLITE_COLUMNS.search(text):
            pairs = [item.strip().rsplit(".", 1) for item in match["columns"].split(",")]
            table = pairs[0][0]
            columns = frozenset(column for _table, column in pairs)
    for model, constraint, db_table, db_columns in _unique_constraints():
        if constraint.name == name or (db_table == table and db_columns == columns):
            return model, constraint
    return None


def _is_unique_violation(error: IntegrityError) -> bool:
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) is not None:  # psycopg
        return cause.sqlstate == "23505"
    return str(error).startswith("UNIQUE constraint failed")


def _error_field(model, constraint: UniqueConstraint) -> str | None:
    """The field the constraint is about: its last field, or the field its last expression
    reads (``Lower("name")`` → ``name``)."""
    if constraint.fields:
        return constraint.fields[-1]
    refs = [expr.name for expr in constraint.expressions[-1].flatten() if isinstance(expr, F)]
    return refs[0] if refs else None


def constraint_error_field(code: str | None) -> str | None:
    """The field a declared constraint's violation (by its ``violation_error_code``) is about.

    ``full_clean()`` reports a constraint over expressions (``Lower("email")``) above the form;
    this puts it back under its field, where the database's refusal of a race shows it too.
    """
    if code:
        for model, constraint, _table, _columns in _unique_constraints():
            if constraint.violation_error_code == code:
                return _error_field(model, constraint)
    return None


def unique_violation_error(error: IntegrityError) -> ValidationError | None:
    """The ValidationError a unique violation stands for; None for any other IntegrityError
    (a missing value or a broken reference is a bug, not a race)."""
    if not _is_unique_violation(error):
        return None
    violated = _violated(error)
    if violated is None:
        return ValidationError(CONFLICT_MESSAGE, code="conflict")
    model, constraint = violated
    if constraint.violation_error_message == constraint.default_violation_error_message:
        message, code = CONFLICT_MESSAGE, "conflict"
    else:
        message = constraint.get_violation_error_message()
        code = constraint.violation_error_code or "unique"
    field = _error_field(model, constraint)
    item = ValidationError(message, code=code)
    return ValidationError({field: item}) if field else item


@contextmanager
def integrity_errors():
    """Run the block in a savepoint; a unique violation comes out as a ValidationError."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        validation_error = unique_violation_error(error)
        if validation_error is None:
            raise
        raise validation_error from error
