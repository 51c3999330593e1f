"""Writes for step 1: the plan's register of benefits and risks."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from accounts.selectors import user_is_member
from accounts.services import activity_log
from core.services import model_update

from ..models import BenefitRisk, Plan
from ..suggestions import DEFAULT_SCALE, suggestion_get

#: What a line's form may change, by kind; the kind and the suggestion never change.
BENEFIT_FIELDS = ("title", "why")
RISK_FIELDS = (*BENEFIT_FIELDS, "likelihood", "impact", "mitigation", "owner", "review_on")


def _fields(kind: str) -> tuple[str, ...]:
    return RISK_FIELDS if kind == BenefitRisk.Kind.RISK else BENEFIT_FIELDS


def _clean(item: BenefitRisk) -> None:
    """The model's rules, each said under its field before ``full_clean`` says them above the
    form (its check constraints name no field)."""
    errors = {}
    if not item.suggestion and not item.title:
        errors["title"] = ValidationError(
            _("Write a title, or pick one of the suggestions."), code="title_required"
        )
    if item.kind == BenefitRisk.Kind.RISK:
        scale = {
            "likelihood": _("Say how likely this risk is, from 1 (rare) to 5 (almost certain)."),
            "impact": _("Say how serious this risk would be, from 1 (negligible) to 5 (severe)."),
        }
        for name, message in scale.items():
            if getattr(item, name) not in (1, 2, 3, 4, 5):
                errors[name] = ValidationError(message, code="risk_scale")
    if item.owner_id is not None and not user_is_member(
        org_id=item.plan.organization_id, user_id=item.owner_id
    ):
        errors["owner"] = ValidationError(
            _("The owner must be a member of the organisation."), code="owner_not_member"
        )
    if errors:
        raise ValidationError(errors)
    item.full_clean()


def _next_position(plan: Plan, kind: str) -> int:
    top = plan.benefits_risks.filter(kind=kind).aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


def _is_benefit(item: BenefitRisk) -> bool:
    return item.kind == BenefitRisk.Kind.BENEFIT


@transaction.atomic
def benefit_risk_create(*, plan: Plan, kind: str, actor, **fields) -> BenefitRisk:
    """Add a line in the team's own words (``fields``: those of its kind, see ``_fields``)."""
    if kind not in BenefitRisk.Kind.values:
        raise ValidationError({"kind": ValidationError(_("Unknown kind."), code="invalid_kind")})
    item = BenefitRisk(plan=plan, kind=kind, created_by=actor, position=_next_position(plan, kind))
    model_update(instance=item, fields=_fields(kind), data=fields, clean=_clean)
    activity_log(
        org=item.plan.organization,
        actor=actor,
        verb="benefit.create" if _is_benefit(item) else "risk.create",
        # A suggestion is stored as its code: the sentence names it in the reader's language.
        params={"label": item.title, "suggestion": item.suggestion, "plan": item.plan.title},
    )
    return item


@transaction.atomic
def benefit_risk_add_suggestion(*, plan: Plan, kind: str, code: str, actor) -> BenefitRisk:
    """Add one of the deck's suggestions, once per plan, its hint as a first "why".

    A risk starts at likelihood and impact 3 (the middle of the scale): the team adjusts them
    in the line's form, which the page opens next.
    """
    suggestion = suggestion_get(kind, code)
    if suggestion is None:
        raise ValidationError(_("This suggestion does not exist."), code="unknown_suggestion")
    if plan.benefits_risks.filter(kind=kind, suggestion=code).exists():
        raise ValidationError(
            {
                "suggestion": ValidationError(
                    _("“%(label)s” is already in the plan's register.")
                    % {"label": suggestion.label},
                    code="duplicate_suggestion",
                )
            }
        )
    item = BenefitRisk(
        plan=plan,
        kind=kind,
        suggestion=code,
        why=str(suggestion.hint),
        created_by=actor,
        position=_next_position(plan, kind),
    )
    if kind == BenefitRisk.Kind.RISK:
        item.likelihood = item.impact = DEFAULT_SCALE
    _clean(item)
    item.save()
    activity_log(
        org=item.plan.organization,
        actor=actor,
        verb="benefit.create" if _is_benefit(item) else "risk.create",
        # A suggestion is stored as its code: the sentence names it in the reader's language.
        params={"label": item.title, "suggestion": item.suggestion, "plan": item.plan.title},
    )
    return item


@transaction.atomic
def benefit_risk_update(*, item: BenefitRisk, actor, **fields) -> BenefitRisk:
    model_update(instance=item, fields=_fields(item.kind), data=fields, clean=_clean)
    activity_log(
        org=item.plan.organization,
        actor=actor,
        verb="benefit.update" if _is_benefit(item) else "risk.update",
        # A suggestion is stored as its code: the sentence names it in the reader's language.
        params={"label": item.title, "suggestion": item.suggestion, "plan": item.plan.title},
    )
    return item


@transaction.atomic
def benefit_risk_delete(*, item: BenefitRisk, actor) -> None:
    activity_log(
        org=item.plan.organization,
        actor=actor,
        verb="benefit.delete" if _is_benefit(item) else "risk.delete",
        # A suggestion is stored as its code: the sentence names it in the reader's language.
        params={"label": item.title, "suggestion": item.suggestion, "plan": item.plan.title},
    )
    item.delete()
