from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextFormMixin, CrispyFormMixin

from ..models import Plan, PlanTransition


class PlanForm(CrispyFormMixin, forms.ModelForm):
    """Title, description and period; the status changes through the plan page's actions."""

    submit_label = _("Save the plan")

    class Meta:
        model = Plan
        fields = ["title", "description", "starts_on", "ends_on"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def layout(self):
        return Layout("title", "description", Row(Column("starts_on"), Column("ends_on")))


class TransitionForm(CleanTextFormMixin, forms.Form):
    """The plan page's status buttons: which transition (the workflow checks the name) and an
    optional comment, cleaned and bounded like any text before it reaches the history."""

    transition = forms.CharField(required=False, max_length=30)
    comment = forms.CharField(
        required=False,
        max_length=PlanTransition._meta.get_field("comment").max_length,
        widget=forms.Textarea,
    )
