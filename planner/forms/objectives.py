"""Forms of step 2: an objective of the cascade, and a SMART goal with structured fields.

Both are built from their model's fields but never bound to a row (``initial`` instead of
``instance``): the service compares what was sent with what is stored, and decides. The
cascade's and the goal's rules live in ``planner.services.objectives``, whose errors come back
on these fields with what was typed (``core.forms.ServiceFormMixin``).
"""

from crispy_forms.layout import Column, Field, Fieldset, Layout, Row, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.forms import MemberChoiceField
from accounts.selectors import member_user_list
from core.forms import CrispyFormMixin, LocalizedDecimalField

from ..models import Goal, Objective
from ..models.objectives import GOAL_FIELDS

DATE_WIDGET = {"type": "date"}


class ParentChoiceField(forms.ModelChoiceField):
    """An objective named with its level, so a list of two levels reads clearly."""

    def label_from_instance(self, obj):
        return _("%(level)s: %(title)s") % {"level": obj.get_level_display(), "title": obj.title}


class ObjectiveForm(CrispyFormMixin, forms.ModelForm):
    """Level (at creation), the objective it contributes to, its title and details."""

    parent = ParentChoiceField(
        queryset=Objective.objects.none(),
        required=False,
        label=_("Contributes to"),
        empty_label=_("— Nothing (organisational objective) —"),
    )

    class Meta:
        model = Objective
        fields = ["level", "parent", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "title": _(
                "One sentence: what the organisation, its marketing or its social media "
                "want to achieve."
            ),
        }

    def __init__(self, *args, plan=None, creating: bool = True, level: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        label = _("Add the objective") if creating else _("Save the objective")
        self.helper.add_input(Submit("submit", label))
        if plan is not None:
            from ..selectors.objectives import objective_parent_choices

            self.fields["parent"].queryset = objective_parent_choices(plan=plan)
        if not creating:
            # The level stays; the parent can only change within the level above.
            del self.fields["level"]
            if level == Objective.Level.ORGANISATION:
                del self.fields["parent"]
            elif level == Objective.Level.MARKETING:
                self.fields["parent"].queryset = self.fields["parent"].queryset.filter(
                    level=Objective.Level.ORGANISATION
                )
            elif level == Objective.Level.SOCIAL_MEDIA:
                self.fields["parent"].queryset = self.fields["parent"].queryset.filter(
                    level=Objective.Level.MARKETING
                )

    def _post_clean(self):
        # The cascade's rules are the service's (with the plan); the form checks the fields.
        pass


class GoalForm(CrispyFormMixin, forms.ModelForm):
    """A SMART goal's structured fields; ``version`` travels with the update form."""

    objective = forms.ModelChoiceField(
        queryset=Objective.objects.none(),
        label=_("Social-media objective"),
        empty_label=None,
        error_messages={"required": _("Choose the social-media objective the goal serves.")},
    )
    owner = MemberChoiceField(
        queryset=get_user_model().objects.none(), required=False, label=_("Owner")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    class Meta:
        model = Goal
        fields = list(GOAL_FIELDS)
        field_classes = {"baseline": LocalizedDecimalField, "target": LocalizedDecimalField}
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 2}),
            "baseline": forms.NumberInput(attrs={"step": "any"}),
            "target": forms.NumberInput(attrs={"step": "any"}),
            "starts_on": forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d"),
            "deadline": forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d"),
        }
        help_texts = {
            "statement": _("What will be done, and where: “Create 5 events a month on Facebook”."),
            "custom_metric": _("Only for “Other”: the name of what you will count."),
            "platform": _("The platform, a channel of yours, or both."),
            "baseline": _("Today's figure, to measure the change from."),
            "unit": _("What the numbers count, e.g. “events a month”."),
        }
        error_messages = {
            "metric": {"required": _("Choose the metric that measures the goal.")},
            "target": {
                "required": _("Give the target as a number."),
                "invalid": _("The target must be a number, e.g. 5 or 2.5."),
            },
            "baseline": {"invalid": _("The baseline must be a number, e.g. 0 or 120.")},
            "starts_on": {
                "required": _("Give the start date."),
                "invalid": _("Enter the start as a date."),
            },
            "deadline": {
                "required": _("Give the deadline."),
                "invalid": _("Enter the deadline as a date."),
            },
        }

    def __init__(self, *args, plan=None, org=None, updating: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is not None:
            from platforms.selectors.catalogue import platform_list
            from platforms.selectors.channels import channel_list

            from ..selectors.objectives import social_objective_list

            self.fields["objective"].queryset = social_objective_list(plan=plan)
            self.fields["platform"].queryset = platform_list()
            self.fields["channel"].queryset = channel_list(org=org, filters={"state": "all"})
            self.fields["owner"].queryset = member_user_list(org=org)
        self.fields["platform"].empty_label = _("— Any platform —")
        self.fields["channel"].empty_label = _("— No particular channel —")
        self.fields["owner"].empty_label = _("— Nobody yet —")
        self.fields["version"].required = updating
        self.helper.inputs = []
        self.helper.form_tag = False

    def layout(self):
        return Layout(
            Fieldset(_("What"), "objective", "statement"),
            Fieldset(
                _("Measure"),
                Row(Column("metric"), Column("custom_metric")),
                Row(
                    Column(Field("baseline"), css_class="col-6 col-xxl-3"),
                    Column(Field("target"), css_class="col-6 col-xxl-3"),
                    Column(Field("unit"), css_class="col-12 col-xxl-6"),
                ),
            ),
            Fieldset(_("Scope"), Row(Column("platform"), Column("channel"))),
            Fieldset(
                _("When and who"),
                Row(Column("starts_on"), Column("deadline")),
                "owner",
            ),
            "version",
        )

    def clean(self):
        data = super().clean()
        # What parsed, kept for the SMART checklist: a service error added to a field later
        # removes it from ``cleaned_data``, but the checklist still judges the typed value.
        self.parsed = dict(data)
        return data

    def _post_clean(self):
        # The goal's rules are the service's (they need the plan); the form parses the fields.
        pass

    def goal_fields(self) -> dict:
        """The cleaned values the service takes (``version`` apart)."""
        return {name: self.cleaned_data.get(name) for name in self._meta.fields}
