"""Forms and form views, one shape for all.

Forms inherit ``CrispyFormMixin`` and declare ``submit_label`` (plus ``layout()`` when the
fields need arranging) instead of building a ``FormHelper`` each. Views that write through a
service inherit ``ServiceFormMixin``: ``perform(form)`` calls the service; a ``ValidationError``
it raises comes back as the form's error, with everything the user typed kept, and so does a
uniqueness constraint the database enforced against a request made at the same moment.
"""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.formats import number_format

from .integrity import integrity_errors


def apply_validation_error(form, error: ValidationError, field: str | None = None) -> None:
    """Show a service's ValidationError on the form: on the fields it names, else on ``field``
    (the one the rule is about, e.g. the e-mail of an invitation), else above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(field, error)


def normalize_newlines(value: str) -> str:
    """Line breaks as ``\\n``: browsers count one character per break (``maxlength``) but send
    ``\\r\\n``, so a text that fits in the textarea must fit on the server too."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


class CleanCharField(forms.CharField):
    """A ``CharField`` whose text is cleaned before validation (line breaks normalised).

    ModelForms use it with ``Meta.field_classes = {"rationale": CleanCharField}``; the text
    cleaning every form will share goes here.
    """

    def to_python(self, value):
        return normalize_newlines(super().to_python(value))


class LocalizedDecimalField(forms.DecimalField):
    """A ``DecimalField`` whose error messages write numbers the reader's way (« 0,1 » in
    French). The input keeps the dot: ``<input type=number>`` needs it."""

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except ValidationError as error:
            for item in error.error_list:
                if item.params:
                    item.params = {
                        key: number_format(param) if isinstance(param, float | Decimal) else param
                        for key, param in item.params.items()
                    }
            raise


class CrispyFormMixin:
    """A crispy ``FormHelper`` with one submit button; ``layout()`` may arrange the fields."""

    submit_label = None
    submit_name = "submit"
    form_attrs: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = dict(self.form_attrs)
        layout = self.layout()
        if layout is not None:
            self.helper.layout = layout
        if self.submit_label:
            self.helper.add_input(Submit(self.submit_name, self.submit_label))

    def layout(self):
        return None


class ServiceFormMixin:
    """``form_valid`` calls ``perform(form)`` (the service) and redirects with a message.

    ``error_field`` names the field that a service error naming no field is shown under.
    ``perform`` runs in a savepoint: when a request made at the same moment won the race for
    a unique row, its ``IntegrityError`` is the form's error (``core.integrity``), not a 500.
    """

    error_field: str | None = None

    def perform(self, form):
        raise NotImplementedError

    def success_message(self, result) -> str | None:
        return None

    def get_success_url(self, result) -> str:
        return result.get_absolute_url()

    def form_valid(self, form):
        try:
            with integrity_errors():
                result = self.perform(form)
        except ValidationError as error:
            apply_validation_error(form, error, self.error_field)
            return self.form_invalid(form)
        message = self.success_message(result)
        if message:
            messages.success(self.request, message)
        return redirect(self.get_success_url(result))
