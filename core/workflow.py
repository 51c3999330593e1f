"""Status workflows: the allowed transitions declared once, each one applied with its history.

A model with a status declares a ``Workflow`` of named ``Transition``s and a history model
inheriting ``TransitionRecord``. ``workflow.apply(obj, name, member=..., comment=...)`` checks
that the transition is allowed from the current status (read under a row lock, so two clicks
at once cannot both apply) and that the member's role allows it, then changes the status and
writes the history row (who, when, from, to, comment) in one transaction. Plans use it today;
goal reviews and post statuses will.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from .fields import BoundedTextField, actor_field
from .permissions import PREDICATES, check


class TransitionRecord(models.Model):
    """One applied transition; concrete subclasses add the foreign key to their object."""

    transition = models.CharField(_("transition"), max_length=30)
    from_status = models.CharField(_("from"), max_length=30)
    to_status = models.CharField(_("to"), max_length=30)
    comment = BoundedTextField(_("comment"), max_length=2000, blank=True)
    actor = actor_field(_("by"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]


@dataclass(frozen=True)
class Transition:
    sources: tuple[str, ...]
    target: str
    label: str
    permission: str = "edit_plan"
    comment_required: bool = False


class Workflow:
    """The transitions of one model's ``field``; history rows go to ``history`` via ``fk``."""

    def __init__(self, *, transitions: dict[str, Transition], history, fk: str, field="status"):
        for name, transition in transitions.items():
            if transition.permission not in PREDICATES:
                raise ValueError(f"{name}: no predicate can_{transition.permission}")
        self.transitions = transitions
        self.history, self.fk, self.field = history, fk, field

    def available(self, obj, member) -> list[tuple[str, Transition]]:
        """The transitions this member may apply to ``obj`` in its current status."""
        status = getattr(obj, self.field)
        return [
            (name, t)
            for name, t in self.transitions.items()
            if status in t.sources and PREDICATES[t.permission](member, obj)
        ]

    @transaction.atomic
    def apply(self, obj, name: str, *, member, comment: str = ""):
        """Apply transition ``name``; raises ValidationError or PermissionDenied."""
        transition = self.transitions.get(name)
        if transition is None:
            raise ValidationError(_("Unknown action."), code="unknown_transition")
        check(PREDICATES[transition.permission], member, obj)
        locked = type(obj).objects.select_for_update().get(pk=obj.pk)
        current = getattr(locked, self.field)
        if current not in transition.sources:
            raise ValidationError(
                _("This action is no longer possible: the status changed in the meantime."),
                code="invalid_transition",
            )
        comment = comment.strip()
        if transition.comment_required and not comment:
            message = _("Say why in a comment.")
            raise ValidationError({"comment": ValidationError(message, code="comment_required")})
        record = self.history(
            **{self.fk: obj},
            transition=name,
            from_status=current,
            to_status=transition.target,
            comment=comment,
            actor=member.user,
        )
        # The comment's length, as full_clean() would (without querying the two foreign keys).
        record.clean_fields(exclude=[self.fk, "actor"])
        setattr(obj, self.field, transition.target)
        obj.save(update_fields=[self.field, *self._auto_now_fields(obj)])
        record.save()
        return record

    @staticmethod
    def _auto_now_fields(obj) -> list[str]:
        return [f.name for f in obj._meta.concrete_fields if getattr(f, "auto_now", False)]
