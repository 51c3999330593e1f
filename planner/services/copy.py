"""Copying a step's content into another plan (``plan_duplicate``, through ``Step.copy``).

A step's copy function is ``copy(*, source, target, shift, actor)``: it copies the rows
``source`` holds for the step into ``target`` in bulk (a constant number of queries), moving
dates with ``shift(date)`` and crediting ``actor`` as their author. Review state, history and
revisions are not copied.
"""

from django.db import models

from ..models import BenefitRisk, Goal, Objective


def clone(obj: models.Model, **overrides) -> models.Model:
    """An unsaved copy of ``obj`` (every stored field but the key and the automatic dates),
    with ``overrides`` (by field name) applied."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in overrides:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        data[field.attname] = getattr(obj, field.attname)
    return type(obj)(**data, **overrides)


def benefits_risks_copy(*, source, target, shift, actor) -> None:
    """Step 1: the register, review dates moved to the new period."""
    lines = BenefitRisk.objects.filter(plan=source)
    BenefitRisk.objects.bulk_create(
        clone(line, plan=target, review_on=shift(line.review_on), created_by=actor)
        for line in lines
    )


def objectives_copy(*, source, target, shift, actor) -> None:
    """Step 2: the cascade level by level (each copy under its parent's copy), then the goals
    under their objective's copy, as first drafts with their dates moved."""
    copies: dict[int, Objective] = {}
    objectives = list(Objective.objects.filter(plan=source).order_by("pk"))
    for level in Objective.Level.values:
        rows = [o for o in objectives if o.level == level]
        new = [
            clone(o, plan=target, parent=copies.get(o.parent_id), created_by=actor) for o in rows
        ]
        if new:
            Objective.objects.bulk_create(new)  # sets the new keys, for the level below
        copies.update(zip((o.pk for o in rows), new, strict=True))
    goals = [
        clone(
            goal,
            plan=target,
            objective=copies[goal.objective_id],
            starts_on=shift(goal.starts_on),
            deadline=shift(goal.deadline),
            status=Goal.Status.DRAFT,
            revision=1,
            version=1,
            created_by=actor,
        )
        for goal in Goal.objects.filter(plan=source)
        if goal.objective_id in copies
    ]
    Goal.objects.bulk_create(goals)
