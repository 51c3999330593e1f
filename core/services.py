"""Helpers shared by the apps' services (writes)."""

from collections.abc import Callable, Iterable

from django.db import models

_UNSET = object()


def model_update(
    *, instance: models.Model, fields: Iterable[str], data: dict, clean: Callable | None = None
) -> bool:
    """Set ``data`` on ``instance`` (only the declared ``fields``), validate, save.

    Returns whether anything changed. A key outside ``fields`` is a programming error, so a
    form that grows a field cannot write a column its service did not mean to expose.
    ``clean(instance)`` replaces ``full_clean()`` when the entity has rules of its own.
    """
    unknown = set(data) - set(fields)
    if unknown:
        raise TypeError(f"{type(instance).__name__} cannot update {sorted(unknown)}")
    # getattr's default: an unset foreign key of a new row raises AttributeError.
    changed = [name for name, value in data.items() if getattr(instance, name, _UNSET) != value]
    for name in changed:
        setattr(instance, name, data[name])
    if clean is None:
        instance.full_clean()
    else:
        clean(instance)
    instance.save()
    return bool(changed)
