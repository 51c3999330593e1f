"""Helpers shared by the apps' services (writes)."""

from collections.abc import Iterable

from django.db import models


def model_update(*, instance: models.Model, fields: Iterable[str], data: dict) -> bool:
    """Set ``data`` on ``instance`` (only the declared ``fields``), validate, save.

    Returns whether anything changed. A key outside ``fields`` is a programming error, so a
    form that grows a field cannot write a column its service did not mean to expose.
    """
    unknown = set(data) - set(fields)
    if unknown:
        raise TypeError(f"{type(instance).__name__} cannot update {sorted(unknown)}")
    changed = [name for name, value in data.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, data[name])
    instance.full_clean()
    instance.save()
    return bool(changed)
