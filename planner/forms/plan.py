from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import MemberChoiceField
from accounts.selectors import member_user_list
from core.forms import CleanTextFormMixin, CrispyFormMixin

from ..models import Plan, PlanTransition

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(CrispyFormMixin, forms.ModelForm):
    """Title, description, period and owner; the status changes through the plan page's
    actions. ``org`` limits the owner to the organisation's members."""

    submit_label = _("Save the plan")

    class Meta:
        model = Plan
        fields = ["title", "description", "starts_on", "ends_on", "owner"]
        field_classes = {"owner": MemberChoiceField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
        }
        help_texts = {"owner": _("Who answers for the plan.")}

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = member_user_list(org=org)

    def layout(self):
        return Layout("title", "description", Row(Column("starts_on"), Column("ends_on")), "owner")


class PlanDuplicateForm(CrispyFormMixin, forms.Form):
    """The new plan's title and period (the plan page's "Duplicate")."""

    submit_label = _("Duplicate the plan")

    title = forms.CharField(label=_("title"), max_length=Plan._meta.get_field("title").max_length)
    starts_on = forms.DateField(label=_("start"), required=False, widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("end"), required=False, widget=DATE_WIDGET)

    def layout(self):
        return Layout("title", Row(Column("starts_on"), Column("ends_on")))


class TransitionForm(CleanTextFormMixin, forms.Form):
    """The plan page's status buttons: which transition (the workflow checks the name) and an
    optional comment, cleaned and bounded like any text before it reaches the history."""

    transition = forms.CharField(required=False, max_length=30)
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=PlanTransition._meta.get_field("comment").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
