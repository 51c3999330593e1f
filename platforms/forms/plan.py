"""Forms of step 3 of a plan: the audience (segments, content types, goal) and a choice."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from core.forms import CleanTextFormMixin, CrispyFormMixin, LocalizedDecimalField

from ..models import ContentType, Goal, PlatformChoice
from ..recommender import PRESETS

# A generous bound (the formset needs one); rows are added with the "Add an audience" button.
MAX_SEGMENTS = 20
BLANK_SEGMENT_ROWS = 2


SMALL_INPUT = {"class": "form-control form-control-sm"}


class WeightField(LocalizedDecimalField):
    """A weight shows as « 3 », not « 3.0 » (a number input cannot show « 3,0 » in French)."""

    def prepare_value(self, value):
        if isinstance(value, float | Decimal) and value == int(value):
            return int(value)
        return value


class SegmentForm(CleanTextFormMixin, forms.Form):
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
    weight = WeightField(
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

    default_error_messages = {
        "too_many_forms": ngettext_lazy(
            "Describe at most %(num)d audience: merge or remove some rows.",
            "Describe at most %(num)d audiences: merge or remove some rows.",
            "num",
        ),
    }

    @property
    def can_add_row(self) -> bool:
        return self.total_form_count() < self.max_num

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


class KnownCodeField(forms.CharField):
    """A hidden code: one of ``codes`` or nothing. A forged value is dropped rather than
    refused (the person could not see the error) and never reaches the column."""

    widget = forms.HiddenInput

    def __init__(self, *, codes, **kwargs):
        super().__init__(required=False, **kwargs)
        self.codes = codes

    def to_python(self, value):
        code = super().to_python(value)
        return code if code in self.codes else ""


class BriefForm(CleanTextFormMixin, forms.Form):
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
    # Which of the deck's examples the audience started from: a known code or nothing.
    preset = KnownCodeField(codes=PRESETS, max_length=40)


def segment_formset(data=None, initial=None, *, add_row=False) -> SegmentFormSet:
    """A formset with the given rows plus blank ones; ``add_row`` adds one more blank row to
    what was typed (the "Add an audience" button without JavaScript), up to the bound."""
    if data is not None:
        if add_row:
            data = with_blank_row(data)
        return SegmentFormSet(data, prefix="seg")
    rows = list(initial or [])
    extra = max(BLANK_SEGMENT_ROWS, 3 - len(rows))
    rows += [{"weight": 1}] * min(extra, MAX_SEGMENTS - len(rows))
    return SegmentFormSet(initial=rows, prefix="seg")


def with_blank_row(data):
    """A copy of the submitted data with one more (blank) audience row, below the bound."""
    data = data.copy()
    try:
        total = int(data.get("seg-TOTAL_FORMS", ""))
    except ValueError:
        return data
    if 0 <= total < MAX_SEGMENTS:
        data["seg-TOTAL_FORMS"] = str(total + 1)
        data[f"seg-{total}-weight"] = "1"
    return data


class ChoiceForm(CrispyFormMixin, forms.ModelForm):
    submit_label = _("Record this choice")

    class Meta:
        model = PlatformChoice
        fields = ["priority", "rationale"]
        widgets = {
            "priority": forms.RadioSelect,
            "rationale": forms.Textarea(attrs={"rows": 5}),
        }
