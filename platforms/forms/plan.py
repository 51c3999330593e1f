"""Forms of step 3 of a plan: the audience (segments, content types, goal) and a choice."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import CrispyFormMixin

from ..models import ContentType, Goal, PlatformChoice

MAX_SEGMENTS = 8
BLANK_SEGMENT_ROWS = 2


SMALL_INPUT = {"class": "form-control form-control-sm"}


class SegmentForm(forms.Form):
    """One audience row; the template renders its widgets, whose limits come from the fields."""

    label = forms.CharField(
        label=_("Audience"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={**SMALL_INPUT, "placeholder": _("e.g. Families")}),
    )
    # Short labels: the row sits under the legend "Audiences (age ranges)".
    age_min = forms.IntegerField(
        label=pgettext_lazy("age range", "From"),
        min_value=0,
        max_value=120,
        required=False,
        widget=forms.NumberInput(attrs=SMALL_INPUT),
    )
    age_max = forms.IntegerField(
        label=pgettext_lazy("age range", "To"),
        min_value=0,
        max_value=120,
        required=False,
        widget=forms.NumberInput(attrs=SMALL_INPUT),
    )
    weight = forms.DecimalField(
        label=_("Weight"),
        min_value=0.1,
        max_value=10,
        decimal_places=1,
        initial=1,
        required=False,
        help_text=_("1 = normal, 2 = twice as important"),
        widget=forms.NumberInput(attrs=SMALL_INPUT),
    )

    def full_clean(self):
        super().full_clean()
        # Mark the invalid inputs for Bootstrap and screen readers (fields are per-form copies).
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid"
                attrs["aria-describedby"] = f"{self[name].auto_id}-error"

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
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    preset = forms.CharField(required=False, widget=forms.HiddenInput)


def segment_formset(data=None, initial=None) -> SegmentFormSet:
    """A formset with the given rows plus blank ones to add audiences without JavaScript."""
    rows = list(initial or [])
    extra = max(BLANK_SEGMENT_ROWS, 3 - len(rows))
    rows += [{"weight": 1}] * min(extra, MAX_SEGMENTS - len(rows))
    formset = SegmentFormSet(data, initial=None if data is not None else rows, prefix="seg")
    return formset


class ChoiceForm(CrispyFormMixin, forms.ModelForm):
    submit_label = _("Record this choice")

    class Meta:
        model = PlatformChoice
        fields = ["priority", "rationale"]
        widgets = {
            "priority": forms.RadioSelect,
            "rationale": forms.Textarea(attrs={"rows": 5}),
        }
