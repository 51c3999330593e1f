"""Forms of step 1: a line of the register (a benefit or a risk) and a one-click suggestion."""

from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.forms import MemberChoiceField
from accounts.selectors import member_user_list
from core.forms import CleanTextFormMixin, CrispyFormMixin

from ..models import BenefitRisk
from ..suggestions import IMPACT_LABELS, LIKELIHOOD_LABELS, suggestion_get


def _scale_choices(labels) -> list:
    # Lazy: built when the module is imported, read in each request's language.
    return [("", "—"), *((n, format_lazy("{} · {}", n, label)) for n, label in labels.items())]


class BenefitRiskForm(CrispyFormMixin, forms.ModelForm):
    """One form for both kinds. Creating, the kind is a choice (preset by ``?kind=``) and the
    risk's fields hide for a benefit (``data-show-when``, static/js/vitrine.js); editing, the
    kind is fixed and a benefit's form has no risk fields.

    The rules a risk must meet (a scale from 1 to 5, an owner who is a member) are the
    service's; the form only offers the organisation's members and the scale's steps.
    """

    kind = forms.ChoiceField(
        label=_("This line is"), choices=BenefitRisk.Kind.choices, widget=forms.RadioSelect
    )
    likelihood = forms.TypedChoiceField(
        label=_("Likelihood"),
        choices=_scale_choices(LIKELIHOOD_LABELS),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("How likely is it to happen this year?"),
    )
    impact = forms.TypedChoiceField(
        label=_("Impact"),
        choices=_scale_choices(IMPACT_LABELS),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("How much would it hurt if it happened?"),
    )

    class Meta:
        model = BenefitRisk
        fields = ["title", "why", "likelihood", "impact", "mitigation", "owner", "review_on"]
        field_classes = {"owner": MemberChoiceField}
        labels = {
            "title": _("Title"),
            "why": _("Why it matters here"),
            "mitigation": _("How you will reduce it"),
            "owner": _("Owner"),
            "review_on": _("Review date"),
        }
        help_texts = {
            "owner": _("The member of your team who keeps an eye on this risk."),
            "review_on": _("Optional: when you will look at it again."),
        }
        widgets = {
            "why": forms.Textarea(attrs={"rows": 3}),
            "mitigation": forms.Textarea(attrs={"rows": 3}),
            "review_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, org=None, kind: str | None = None, **kwargs):
        instance = kwargs.get("instance")
        self.creating = instance is None or instance.pk is None
        self.line_kind = instance.kind if not self.creating else kind
        super().__init__(*args, **kwargs)
        if self.creating:
            self.fields["kind"].initial = kind or BenefitRisk.Kind.BENEFIT
        else:
            del self.fields["kind"]
        if not self.creating and self.line_kind == BenefitRisk.Kind.BENEFIT:
            for name in ("likelihood", "impact", "mitigation", "owner", "review_on"):
                del self.fields[name]
        if "owner" in self.fields:
            # Only the organisation's members (none without one): the service checks it too.
            self.fields["owner"].queryset = (
                member_user_list(org=org) if org is not None else get_user_model().objects.none()
            )
        suggestion = instance and suggestion_get(instance.kind, instance.suggestion)
        if suggestion:
            self.fields["title"].help_text = _(
                "Leave empty to keep the suggested name: %(label)s."
            ) % {"label": suggestion.label}
        else:
            self.fields["title"].required = True
            self.fields["title"].error_messages["required"] = _("Give this line a title.")

    @property
    def submit_label(self):
        if self.creating:
            return _("Add to the register")
        return _("Save the changes")

    def layout(self):
        risk = [
            Row(Column("likelihood"), Column("impact")),
            "mitigation",
            Row(Column("owner"), Column("review_on")),
        ]
        if self.creating:
            return Layout(
                "kind",
                "title",
                "why",
                Fieldset(_("The risk"), *risk, data_show_when="kind=risk"),
            )
        if self.line_kind == BenefitRisk.Kind.RISK:
            return Layout("title", "why", *risk)
        return Layout("title", "why")

    def line_data(self, kind: str) -> dict:
        """The cleaned fields that a line of ``kind`` holds (the service refuses others)."""
        from ..services.benefits import BENEFIT_FIELDS, RISK_FIELDS

        names = RISK_FIELDS if kind == BenefitRisk.Kind.RISK else BENEFIT_FIELDS
        return {name: self.cleaned_data.get(name) for name in names}


class SuggestionForm(CleanTextFormMixin, forms.Form):
    """A suggestion button: its kind and code (the service checks that the code exists)."""

    kind = forms.ChoiceField(choices=BenefitRisk.Kind.choices)
    code = forms.CharField(max_length=40)
