"""Writes for step 2: the objective cascade and its SMART goals, and the deck's example.

The cascade's rules (which level hangs under which) and a goal's rules (a measurable target,
dates inside the plan, a scope of the organisation) are checked here, so a form, a command or
the demo data meet the same messages and codes. The review of a goal (submit, approve…) is the
review's module; editing an approved goal here keeps the approved version as a revision.
"""

import calendar
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.selectors import user_is_member
from accounts.services import activity_log
from core.services import model_update

from .. import goal_templates
from ..models import Goal, GoalRevision, GoalTransition, Objective, Plan
from ..models.objectives import GOAL_FIELDS
from ..review import REOPEN

#: What an objective's form may change; the level is chosen once, at creation.
OBJECTIVE_FIELDS = ("parent", "title", "description", "position")
#: The level each level hangs under (``None``: at the top).
PARENT_LEVEL = {
    Objective.Level.ORGANISATION: None,
    Objective.Level.MARKETING: Objective.Level.ORGANISATION,
    Objective.Level.SOCIAL_MEDIA: Objective.Level.MARKETING,
}


# Objectives ------------------------------------------------------------------------------------


def objective_clean(objective: Objective) -> None:
    """``full_clean`` plus the cascade: organisational objectives have no parent, a marketing
    objective hangs under an organisational one, a social-media objective under a marketing
    one, always of the same plan."""
    objective.full_clean()
    parent, expected = objective.parent, PARENT_LEVEL[objective.level]
    if expected is None:
        if parent is not None:
            raise ValidationError(
                {
                    "parent": ValidationError(
                        _("An organisational objective is at the top: it has no parent."),
                        code="parent_not_allowed",
                    )
                }
            )
        return
    messages = {
        Objective.Level.MARKETING: _(
            "A marketing objective contributes to an organisational objective: choose one."
        ),
        Objective.Level.SOCIAL_MEDIA: _(
            "A social-media objective contributes to a marketing objective: choose one."
        ),
    }
    if parent is None:
        raise ValidationError(
            {"parent": ValidationError(messages[objective.level], code="parent_required")}
        )
    if parent.plan_id != objective.plan_id:
        raise ValidationError(
            {
                "parent": ValidationError(
                    _("The objective it contributes to belongs to another plan."),
                    code="parent_plan",
                )
            }
        )
    if parent.level != expected:
        raise ValidationError(
            {"parent": ValidationError(messages[objective.level], code="parent_level")}
        )


def _objective_new(*, plan: Plan, level: str, actor, **fields) -> Objective:
    objective = Objective(plan=plan, level=level, created_by=actor)
    model_update(instance=objective, fields=OBJECTIVE_FIELDS, data=fields, clean=objective_clean)
    return objective


@transaction.atomic
def objective_create(*, plan: Plan, level: str, actor, **fields) -> Objective:
    """Add an objective at ``level`` of the plan's cascade (under ``parent`` below the top)."""
    objective = _objective_new(plan=plan, level=level, actor=actor, **fields)
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="objective.create",
        params={"objective": objective.title[:80], "plan": plan.title},
    )
    return objective


@transaction.atomic
def objective_update(*, objective: Objective, actor, **fields) -> Objective:
    model_update(instance=objective, fields=OBJECTIVE_FIELDS, data=fields, clean=objective_clean)
    activity_log(
        org=objective.plan.organization,
        actor=actor,
        verb="objective.update",
        params={"objective": objective.title[:80], "plan": objective.plan.title},
    )
    return objective


@transaction.atomic
def objective_delete(*, objective: Objective, actor) -> None:
    """Delete the objective with everything below it (objectives and goals: the cascade)."""
    plan, title = objective.plan, objective.title
    objective.delete()
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="objective.delete",
        params={"objective": title[:80], "plan": plan.title},
    )


# Goals -----------------------------------------------------------------------------------------


def _error(field: str, message, code: str, errors: dict) -> None:
    errors.setdefault(field, []).append(ValidationError(message, code=code))


def goal_clean(goal: Goal, *, creating: bool, today: date | None = None) -> None:
    """``full_clean`` plus a SMART goal's rules, every error at once, each with its code:

    the objective is a social-media objective of the same plan; a metric is chosen (a custom
    one named); the target differs from the baseline; the start and the deadline are in order
    and inside the plan's period when it has one; a new goal's deadline is in the future; the
    channel is the organisation's (and on the chosen platform); the owner is a member.
    """
    today = today or timezone.localdate()
    errors: dict[str, list[ValidationError]] = {}
    if goal.metric != Goal.Metric.CUSTOM:
        goal.custom_metric = ""
    try:
        goal.full_clean()
    except ValidationError as error:
        errors = error.error_dict
    plan = goal.plan
    if not goal.metric:
        errors.pop("metric", None)
        _error("metric", _("Choose the metric that measures the goal."), "metric_required", errors)
    elif goal.metric == Goal.Metric.CUSTOM and not goal.custom_metric:
        _error(
            "custom_metric",
            _("Say which metric: “other” needs a name."),
            "custom_metric_required",
            errors,
        )
    if goal.target is None and "target" in errors:
        errors["target"] = [
            ValidationError(_("Give the target as a number."), code="target_required")
        ]
    if goal.target is not None and goal.baseline is not None and goal.target == goal.baseline:
        _error(
            "target",
            _("The target equals the baseline: aim for a change you can measure."),
            "target_equals_baseline",
            errors,
        )
    objective = goal.objective if goal.objective_id else None
    if objective is not None:
        if objective.plan_id != goal.plan_id:
            _error(
                "objective",
                _("This objective belongs to another plan."),
                "objective_plan",
                errors,
            )
        elif objective.level != Objective.Level.SOCIAL_MEDIA:
            _error(
                "objective",
                _("A SMART goal belongs to a social-media objective."),
                "objective_level",
                errors,
            )
    start, deadline = goal.starts_on, goal.deadline
    if start and deadline and deadline < start:
        _error(
            "deadline", _("The deadline comes before the start."), "deadline_before_start", errors
        )
    period = _plan_period(plan)
    if start and not _within(start, plan):
        _error(
            "starts_on",
            _("The start is outside the plan's period (%(period)s).") % {"period": period},
            "start_outside_plan",
            errors,
        )
    if deadline and not _within(deadline, plan):
        _error(
            "deadline",
            _("The deadline is outside the plan's period (%(period)s).") % {"period": period},
            "deadline_outside_plan",
            errors,
        )
    if creating and deadline and deadline <= today:
        _error(
            "deadline",
            _("A new goal's deadline is in the future."),
            "deadline_past",
            errors,
        )
    if goal.channel_id:
        channel = goal.channel
        if channel.organization_id != plan.organization_id:
            _error(
                "channel",
                _("This channel is not one of the organisation's."),
                "channel_org",
                errors,
            )
        elif goal.platform_id and channel.platform_id != goal.platform_id:
            _error(
                "channel",
                _("This channel is on another platform than the one chosen."),
                "channel_platform",
                errors,
            )
    if goal.owner_id and not user_is_member(org_id=plan.organization_id, user_id=goal.owner_id):
        _error(
            "owner", _("The owner must be a member of the organisation."), "owner_member", errors
        )
    if errors:
        raise ValidationError(errors)


def _within(day: date, plan: Plan) -> bool:
    return not (plan.starts_on and day < plan.starts_on) and not (
        plan.ends_on and day > plan.ends_on
    )


def _plan_period(plan: Plan) -> str:
    start = date_format(plan.starts_on) if plan.starts_on else "…"
    end = date_format(plan.ends_on) if plan.ends_on else "…"
    return f"{start} – {end}"


def goal_snapshot(goal: Goal) -> dict:
    """The goal's fields as plain JSON values (codes, names, ISO dates, decimal strings), as
    kept in a ``GoalRevision``: readable after the platform, channel or owner is gone."""

    def decimal(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    return {
        "objective": goal.objective.title,
        "objective_id": goal.objective_id,
        "statement": goal.statement,
        "metric": goal.metric,
        "custom_metric": goal.custom_metric,
        "platform": goal.platform.code if goal.platform_id else None,
        "platform_id": goal.platform_id,
        "channel": goal.channel.name if goal.channel_id else None,
        "channel_id": goal.channel_id,
        "baseline": decimal(goal.baseline),
        "target": decimal(goal.target),
        "unit": goal.unit,
        "starts_on": goal.starts_on.isoformat() if goal.starts_on else None,
        "deadline": goal.deadline.isoformat() if goal.deadline else None,
        "owner": goal.owner.email if goal.owner_id else None,
        "owner_id": goal.owner_id,
        "status": goal.status,
        "revision": goal.revision,
    }


def _goal_new(*, plan: Plan, actor, today: date | None = None, **fields) -> Goal:
    goal = Goal(plan=plan, created_by=actor)
    model_update(
        instance=goal,
        fields=GOAL_FIELDS,
        data=fields,
        clean=lambda g: goal_clean(g, creating=True, today=today),
    )
    return goal


@transaction.atomic
def goal_create(*, plan: Plan, actor, today: date | None = None, **fields) -> Goal:
    """Write a SMART goal under a social-media objective of ``plan`` (as a draft)."""
    goal = _goal_new(plan=plan, actor=actor, today=today, **fields)
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="goal.create",
        params={"goal": goal.statement[:80], "plan": plan.title},
    )
    return goal


STALE_MESSAGE = _(
    "This goal was changed by someone else since you opened the page. Your changes are below, "
    "not saved: open the goal again in a new tab to see the new version, then save again."
)


@transaction.atomic
def goal_update(*, goal: Goal, actor, version: int | None = None, **fields) -> Goal:
    """Change a goal. ``version`` is the one the form was loaded with: an older one is refused
    (code ``stale``), so nobody overwrites a change they have not seen.

    Every change adds 1 to ``version``. An approved goal that changes goes back to draft as a
    new revision, the approved one kept in ``GoalRevision`` (its fields as plain values).
    Saving without any change writes nothing.
    """
    # The row lock orders two saves of the same goal: the second sees the first's version.
    current = Goal.objects.select_for_update().get(pk=goal.pk)
    if version is not None and current.version != version:
        raise ValidationError(STALE_MESSAGE, code="stale")
    approved = goal_snapshot(current) if current.status == Goal.Status.APPROVED else None
    if not any(getattr(goal, name) != value for name, value in fields.items()):
        return goal
    goal.version = current.version + 1
    if approved is not None:
        goal.revision, goal.status = current.revision + 1, Goal.Status.DRAFT
    model_update(
        instance=goal,
        fields=GOAL_FIELDS,
        data=fields,
        clean=lambda g: goal_clean(g, creating=False),
    )
    if approved is not None:
        GoalRevision.objects.create(
            goal=goal, revision=current.revision, data=approved, created_by=actor
        )
        GoalTransition.objects.create(
            goal=goal,
            revision=goal.revision,
            transition=REOPEN,
            from_status=Goal.Status.APPROVED,
            to_status=Goal.Status.DRAFT,
            actor=actor,
        )
    activity_log(
        org=goal.plan.organization,
        actor=actor,
        verb="goal.update",
        params={"goal": goal.statement[:80], "plan": goal.plan.title},
    )
    return goal


@transaction.atomic
def goal_delete(*, goal: Goal, actor) -> None:
    plan, statement = goal.plan, goal.statement
    goal.delete()
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="goal.delete",
        params={"goal": statement[:80], "plan": plan.title},
    )


# The deck's example ----------------------------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def template_dates(plan: Plan, today: date) -> tuple[date, date]:
    """Start today (or when the plan starts, if later); end with the plan, else in 6 months."""
    start = max(today, plan.starts_on) if plan.starts_on else today
    return start, plan.ends_on or _add_months(start, 6)


@transaction.atomic
def goal_template_apply(
    *, plan: Plan, actor, parent: Objective | None = None, today: date | None = None
) -> Objective:
    """Create the deck's example in ``plan``: the marketing objective "Promote the programmes
    and increase the number of participants" (under ``parent``, else under the plan's first
    organisational objective, else under a new one), a social-media objective per platform
    and the deck's goals as drafts, owned by ``actor``. Returns the marketing objective."""
    from platforms.selectors.catalogue import platform_find

    today = today or timezone.localdate()
    if parent is None:
        parent = plan.objectives.filter(level=Objective.Level.ORGANISATION).first()
    if parent is None:
        parent = _objective_new(
            plan=plan,
            level=Objective.Level.ORGANISATION,
            actor=actor,
            title=str(goal_templates.ORGANISATION_OBJECTIVE),
        )
    marketing = _objective_new(
        plan=plan,
        level=Objective.Level.MARKETING,
        actor=actor,
        parent=parent,
        title=str(goal_templates.MARKETING_OBJECTIVE),
    )
    socials = {
        key: _objective_new(
            plan=plan,
            level=Objective.Level.SOCIAL_MEDIA,
            actor=actor,
            parent=marketing,
            title=str(title),
        )
        for key, title in goal_templates.SOCIAL_OBJECTIVES.items()
    }
    start, deadline = template_dates(plan, today)
    for template in goal_templates.GOAL_TEMPLATES:
        _goal_new(
            plan=plan,
            actor=actor,
            today=today,
            **goal_template_fields(template, platform=platform_find(code=template.platform)),
            objective=socials[template.objective],
            starts_on=start,
            deadline=deadline,
            owner=actor,
        )
    activity_log(
        org=plan.organization,
        actor=actor,
        verb="goal.template",
        params={"objective": marketing.title[:80], "plan": plan.title},
    )
    return marketing


def goal_template_fields(template: goal_templates.GoalTemplate, *, platform) -> dict:
    """A template's fields in the active language, for ``goal_create`` or the goal form."""
    return {
        "statement": str(template.statement),
        "metric": template.metric,
        "custom_metric": str(template.custom_metric),
        "platform": platform,
        "target": template.target,
        "unit": str(template.unit),
    }
