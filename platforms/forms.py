"""Forms of step 3: a plan's audience, choices, local notes, and the organisation's channels."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import Channel, ContentType, Goal, Platform, PlatformChoice, PlatformNote

MAX_SEGMENTS = 8
BLANK_SEGMENT_ROWS = 2


class SegmentForm(forms.Form):
    label = forms.CharField(
        label=_("Audience"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. Families")}),
    )
    # Short labels: the row sits under the legend "Audiences (age ranges)".
    age_min = forms.IntegerField(
        label=pgettext_lazy("age range", "From"), min_value=0, max_value=120, required=False
    )
    age_max = forms.IntegerField(
        label=pgettext_lazy("age range", "To"), min_value=0, max_value=120, required=False
    )
    weight = forms.DecimalField(
        label=_("Weight"),
        min_value=0.1,
        max_value=10,
        decimal_places=1,
        initial=1,
        required=False,
        help_text=_("1 = normal, 2 = twice as important"),
    )

    def clean(self):
        cleaned = super().clean()
        age_min, age_max = cleaned.get("age_min"), cleaned.get("age_max")
        if age_min is None or age_max is None:
            if not self.has_error("age_min") and not self.has_error("age_max"):
                raise ValidationError(_("Give both ages of the range."), code="age_missing")
            return cleaned
        if age_min > age_max:
            self.add_error(
                "age_max", ValidationError(_("The range ends before it starts."), code="age_range")
            )
        if not cleaned.get("label"):
            cleaned["label"] = f"{age_min}–{age_max}"
        if cleaned.get("weight") is None:
            cleaned["weight"] = 1
        return cleaned


class BaseSegmentFormSet(forms.BaseFormSet):
    """Rows left blank are ignored, so clearing a row removes that audience."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.empty_permitted = True
        form.use_required_attribute = False
        return form

    def clean(self):
        if any(self.errors):
            return
        if not self.segments():
            raise ValidationError(
                _("Describe at least one audience (an age range)."), code="no_segment"
            )

    def segments(self) -> list[dict]:
        return [
            {k: form.cleaned_data[k] for k in ("label", "age_min", "age_max", "weight")}
            for form in self.forms
            if form.cleaned_data and form.cleaned_data.get("age_min") is not None
        ]


SegmentFormSet = forms.formset_factory(
    SegmentForm, formset=BaseSegmentFormSet, extra=0, max_num=MAX_SEGMENTS, validate_max=True
)


class BriefForm(forms.Form):
    content_types = forms.MultipleChoiceField(
        label=_("What you want to publish"),
        choices=ContentType.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"required": _("Choose at least one type of content.")},
    )
    goal = forms.ChoiceField(
        label=_("Main goal"),
        choices=[("", _("No particular goal")), *Goal.choices],
        required=False,
    )
    preset = forms.CharField(required=False, widget=forms.HiddenInput)


def segment_formset(data=None, initial=None) -> SegmentFormSet:
    """A formset with the given rows plus blank ones to add audiences without JavaScript."""
    rows = list(initial or [])
    extra = max(BLANK_SEGMENT_ROWS, 3 - len(rows))
    rows += [{"weight": 1}] * min(extra, MAX_SEGMENTS - len(rows))
    formset = SegmentFormSet(data, initial=None if data is not None else rows, prefix="seg")
    return formset


class ChoiceForm(forms.ModelForm):
    class Meta:
        model = PlatformChoice
        fields = ["priority", "rationale"]
        widgets = {
            "priority": forms.RadioSelect,
            "rationale": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Record this choice")))


class PlatformNoteForm(forms.ModelForm):
    text = forms.CharField(
        label=_("Our note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What your team knows about this platform locally. Leave empty to remove."),
    )

    class Meta:
        model = PlatformNote
        fields = ["text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Save our note")))


class ChannelForm(forms.ModelForm):
    """An account of the organisation; the partner fields only matter for partner accounts."""

    class Meta:
        model = Channel
        fields = ["platform", "name", "handle", "url", "kind", "partner_contact", "lead_time_days"]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["platform"].queryset = Platform.objects.filter(is_active=True)
        self.fields["platform"].empty_label = _("Choose a platform")
        self.fields["name"].help_text = _("What your team calls it, e.g. “Library – Instagram”.")
        self.fields["url"].widget.attrs["placeholder"] = "https://"
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("platform", css_class="col-md-5"), Column("name", css_class="col-md-7")),
            Row(Column("handle", css_class="col-md-5"), Column("url", css_class="col-md-7")),
            "kind",
            Fieldset(
                _("Partner account"),
                HTML(
                    '<p class="small text-body-secondary">'
                    + str(_("Only for an account you publish through, such as the city’s."))
                    + "</p>"
                ),
                Row(
                    Column("partner_contact", css_class="col-md-8"),
                    Column("lead_time_days", css_class="col-md-4"),
                ),
                css_class="partner-fields",
                data_show_when="kind=partner",
            ),
        )
        self.helper.add_input(Submit("save", _("Save the channel")))

    def validate_unique(self):
        """The service checks the name, case-insensitively and with a clearer message."""

    validate_constraints = validate_unique

    def clean(self):
        cleaned = super().clean()
        # The partner fields are hidden for an own account: what they held no longer applies.
        if cleaned.get("kind") == Channel.Kind.OWN:
            cleaned["partner_contact"] = ""
            cleaned["lead_time_days"] = 0
        return cleaned
