"""Reads of the goal review: one goal's panel, its revisions compared, and the review queue."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.template.defaultfilters import floatformat
from django.utils.dateparse import parse_date
from django.utils.formats import date_format

from core.tenancy import get_for_org

from ..models import Goal, GoalRevision, GoalTransition, Plan
from ..models.objectives import GOAL_FIELDS
from ..review import (
    GOAL_WORKFLOW,
    REOPEN_LABEL,
    goal_page_url,
    goal_transitions_available,
    status_label,
)

#: Statuses a goal waits in for someone: the reviewer (submitted) or the author (changes).
OPEN_STATUSES = (Goal.Status.SUBMITTED, Goal.Status.CHANGES_REQUESTED)
#: The plan status a plan under review has (``Plan.Status.IN_REVIEW``, added with the plan's
#: review; a string, so this reads nothing until it exists).
PLAN_IN_REVIEW = "in_review"

QUEUE_SORTS = {
    "oldest": ["submitted_at", "pk"],
    "newest": ["-submitted_at", "-pk"],
    "deadline": ["deadline", "pk"],
    "plan": ["plan__title", "plan_id", "submitted_at", "pk"],
}
QUEUE_STATUSES = {
    "": (Goal.Status.SUBMITTED,),
    "changes_requested": (Goal.Status.CHANGES_REQUESTED,),
    "open": OPEN_STATUSES,
}


def _goals(qs: QuerySet[Goal]) -> QuerySet[Goal]:
    return qs.select_related("plan__organization", "objective", "created_by", "owner")


def goal_review_get(*, org, plan: Plan, pk: int) -> Goal:
    """A goal of ``plan``; raises ``Goal.DoesNotExist`` for another plan's or organisation's."""
    return get_for_org(_goals(Goal.objects.filter(plan=plan)), org, pk=pk)


def goal_transition_list(*, goal: Goal) -> QuerySet[GoalTransition]:
    """Every review step of the goal, across its revisions, oldest first."""
    return goal.transitions.select_related("actor").order_by("created_at", "pk")


@dataclass(frozen=True)
class TimelineStep:
    """A review step as the timeline shows it (labels in the active language)."""

    record: GoalTransition
    label: str
    from_label: str
    to_label: str


def goal_timeline(goal: Goal) -> list[TimelineStep]:
    steps = []
    for record in goal_transition_list(goal=goal):
        transition = GOAL_WORKFLOW.transitions.get(record.transition)
        steps.append(
            TimelineStep(
                record,
                str(transition.label if transition else REOPEN_LABEL),
                status_label(record.from_status),
                status_label(record.to_status),
            )
        )
    return steps


def goal_review_context(goal: Goal, member) -> dict:
    """What the review panel shows: the member's buttons, the timeline, the revisions.

    Two queries whatever the history's length (the steps with their actors, the number of
    kept revisions); ``goal`` should come with its plan and organisation (``goal_review_get``).
    """
    revisions = GoalRevision.objects.filter(goal=goal).count()
    return {
        "goal": goal,
        "actions": goal_transitions_available(goal, member),
        "timeline": goal_timeline(goal),
        "revision_count": revisions,
        "goal_url": goal_page_url(goal),
    }


# Revisions compared ------------------------------------------------------------------------------

#: The fields of a goal a revision keeps and the comparison shows, in the form's order.
COMPARED_FIELDS = GOAL_FIELDS
_RELATIONS = {"objective", "platform", "channel", "owner"}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class RevisionComparison:
    revision: GoalRevision
    rows: list[FieldChange]

    @property
    def changes(self) -> int:
        return sum(row.changed for row in self.rows)


def _related_pk(value):
    """A relation as a revision stores it: a primary key, or ``{"id": …}``."""
    if isinstance(value, dict):
        value = value.get("id") or value.get("pk")
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _stored(data: dict, name: str):
    """A relation by its primary key when the revision kept it (its name, e.g. a platform's
    code, otherwise), so an unchanged relation compares equal."""
    if name in _RELATIONS:
        return data.get(f"{name}_id") or data.get(name)
    return data.get(name)


def _display(name: str, value, names: dict) -> str:
    """A field's value as the reader reads it, in the active language."""
    if value in (None, ""):
        return ""
    if name in _RELATIONS:
        pk = _related_pk(value)
        return names.get((name, pk), str(value) if pk is None else f"#{pk}")
    if name == "metric":
        return str(Goal.Metric(value).label) if value in Goal.Metric.values else str(value)
    if name in ("baseline", "target"):
        try:
            return floatformat(Decimal(str(value)), -2)
        except (InvalidOperation, ValueError):
            return str(value)
    if name in ("starts_on", "deadline"):
        day = value if hasattr(value, "year") else parse_date(str(value))
        return date_format(day, "DATE_FORMAT") if day else str(value)
    return str(value)


def _relation_names(goal: Goal, revisions: list[GoalRevision]) -> dict:
    """(field, pk) → name of every related row the comparison shows, one query per relation."""
    wanted: dict[str, set[int]] = {name: set() for name in _RELATIONS}
    for name in _RELATIONS:
        wanted[name].add(getattr(goal, f"{name}_id"))
        for revision in revisions:
            wanted[name].add(_related_pk(_stored(revision.data, name)))
    names = {}
    for name in _RELATIONS:
        pks = wanted[name] - {None}
        if not pks:
            continue
        model = Goal._meta.get_field(name).related_model
        for row in model._default_manager.filter(pk__in=pks):
            label = row.get_full_name() or row.email if name == "owner" else str(row)
            names[(name, row.pk)] = label
    return names


def goal_revision_compare(*, goal: Goal) -> list[RevisionComparison]:
    """Each kept (approved) revision against the goal as it is now, field by field, newest
    revision first; labels and values in the active language."""
    revisions = list(goal.revisions.select_related("created_by").order_by("-revision"))
    names = _relation_names(goal, revisions)
    current = {
        name: (getattr(goal, f"{name}_id") if name in _RELATIONS else getattr(goal, name))
        for name in COMPARED_FIELDS
    }
    comparisons = []
    for revision in revisions:
        rows = [
            FieldChange(
                label=str(Goal._meta.get_field(name).verbose_name).capitalize(),
                old=_display(name, _stored(revision.data, name), names),
                new=_display(name, current[name], names),
            )
            # A field the revision did not keep cannot be compared: not shown as a change.
            for name in COMPARED_FIELDS
            if name in revision.data or f"{name}_id" in revision.data
        ]
        comparisons.append(RevisionComparison(revision, rows))
    return comparisons


# The review queue --------------------------------------------------------------------------------


def review_queue_list(*, org, filters: dict | None = None) -> QuerySet[Goal]:
    """Goals of ``org``'s plans waiting in review, with ``submitted_at`` (their last submission).

    ``filters``: ``status`` (a key of ``QUEUE_STATUSES``: submitted by default), ``plan`` and
    ``owner`` (primary keys as strings), ``sort`` (a key of ``QUEUE_SORTS``, oldest first).
    """
    filters = filters or {}
    last_submission = (
        GoalTransition.objects.filter(goal=OuterRef("pk"), to_status=Goal.Status.SUBMITTED)
        .order_by("-created_at", "-pk")
        .values("created_at")[:1]
    )
    qs = _goals(Goal.objects.for_org(org)).filter(
        status__in=QUEUE_STATUSES.get(filters.get("status", ""), QUEUE_STATUSES[""])
    )
    if filters.get("plan"):
        qs = qs.filter(plan_id=filters["plan"])
    if filters.get("owner"):
        qs = qs.filter(owner_id=filters["owner"])
    qs = qs.annotate(submitted_at=Subquery(last_submission))
    return qs.order_by(*QUEUE_SORTS.get(filters.get("sort"), QUEUE_SORTS["oldest"]))


def review_queue_counts(*, org) -> dict[str, int]:
    """How many goals wait in each of the queue's status filters (one query)."""
    counts = Goal.objects.for_org(org).aggregate(
        submitted=Count("pk", filter=Q(status=Goal.Status.SUBMITTED)),
        changes_requested=Count("pk", filter=Q(status=Goal.Status.CHANGES_REQUESTED)),
    )
    return {
        "": counts["submitted"],
        "changes_requested": counts["changes_requested"],
        "open": counts["submitted"] + counts["changes_requested"],
    }


def review_queue_plans(*, org) -> QuerySet[Plan]:
    """The plans having goals in review (the plan filter's buttons)."""
    return (
        Plan.objects.for_org(org)
        .filter(goals__status__in=OPEN_STATUSES)
        .distinct()
        .order_by("title", "pk")
    )


def review_queue_owners(*, org) -> list[tuple[int, str]]:
    """(user pk, name) of the owners of goals in review (the owner filter's buttons)."""
    rows = (
        Goal.objects.for_org(org)
        .filter(status__in=OPEN_STATUSES, owner__isnull=False)
        .values_list("owner_id", "owner__first_name", "owner__last_name", "owner__email")
        .distinct()
    )
    owners = {pk: f"{first} {last}".strip() or email for pk, first, last, email in rows}
    return sorted(owners.items(), key=lambda item: item[1].lower())


def plans_in_review_list(*, org) -> QuerySet[Plan]:
    """Whole plans submitted for review (their status ``in_review``), oldest change first."""
    return (
        Plan.objects.for_org(org)
        .filter(status=PLAN_IN_REVIEW)
        .select_related("created_by")
        .annotate(goal_count=Count("goals"))
        .order_by("updated_at", "pk")
    )
