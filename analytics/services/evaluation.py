"""Writes on a plan's evaluation: the lessons learned (the figures come from the statistics)."""

from django.db import transaction

from accounts.services import activity_log
from core.services import model_update

from ..models import Evaluation

#: What the lessons form may change.
EVALUATION_FIELDS = ("lessons",)


@transaction.atomic
def evaluation_save(*, plan, lessons: str, actor) -> Evaluation:
    """Write the plan's lessons learned (creating its evaluation the first time).

    One row per plan: the row is locked while it changes, and created with ``get_or_create``
    so that two first saves at the same moment keep one evaluation. Logged as
    "evaluation.update" when the text changed.
    """
    evaluation, _created = Evaluation.objects.select_for_update().get_or_create(plan=plan)
    changed = evaluation.lessons != lessons
    if changed:
        evaluation.updated_by = actor
    model_update(instance=evaluation, fields=EVALUATION_FIELDS, data={"lessons": lessons})
    if changed:
        activity_log(
            org=plan.organization,
            actor=actor,
            verb="evaluation.update",
            params={"plan": plan.title},
        )
    return evaluation
