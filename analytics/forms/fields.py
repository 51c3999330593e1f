"""Form fields for figures as people type them: "12 345", "1,250", "2:30"."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ..figures import FigureError, format_duration, parse_count, parse_duration
from ..models.stats import MAX_FIGURE, MAX_WATCH_SECONDS

COUNT_MESSAGES = {
    "not_a_number": _("Enter a whole number, such as 1234 or 12 345."),
    "negative": _("Figures cannot be negative."),
    "decimal": _("Enter a whole number, without decimals."),
    "too_large": _("This figure is too large: at most %(limit)s."),
}
DURATION_MESSAGES = {
    "bad_duration": _("Enter a duration as m:ss (2:30), h:mm:ss (1:02:03) or seconds (150)."),
    "negative": _("A duration cannot be negative."),
    "too_large": _("An average watch time cannot be longer than %(limit)s."),
}


class CountField(forms.CharField):
    """An optional count typed as text (spaces or commas between thousands allowed): a
    non-negative whole number, or None when empty."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}
            ),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        try:
            return parse_count(text)
        except FigureError as error:
            raise ValidationError(
                COUNT_MESSAGES.get(error.code, COUNT_MESSAGES["not_a_number"]),
                code=error.code,
                params={"limit": number_format(MAX_FIGURE, force_grouping=True)},
            ) from None


class DurationField(forms.CharField):
    """An optional duration typed as m:ss, h:mm:ss or seconds; cleaned to seconds."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "off"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return format_duration(value) if isinstance(value, int) else value

    def clean(self, value):
        text = super().clean(value)
        try:
            return parse_duration(text)
        except FigureError as error:
            raise ValidationError(
                DURATION_MESSAGES.get(error.code, DURATION_MESSAGES["bad_duration"]),
                code=error.code,
                params={"limit": format_duration(MAX_WATCH_SECONDS)},
            ) from None
