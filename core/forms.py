"""Forms and form views, one shape for all.

Forms inherit ``CrispyFormMixin`` and declare ``submit_label`` (plus ``layout()`` when the
fields need arranging) instead of building a ``FormHelper`` each. Views that write through a
service inherit ``ServiceFormMixin``: ``perform(form)`` calls the service; a ``ValidationError``
it raises comes back as the form's error, with everything the user typed kept, and so does a
uniqueness constraint the database enforced against a request made at the same moment.

Every text field of every form cleans its text the same way (``CleanTextFormMixin``, which
``CrispyFormMixin`` includes): invisible characters removed by ``core.text.clean_text``, the
direction overrides refused. ``tests/core/test_conventions.py`` checks that every form of the
project has it and bounds every text field.
"""

from decimal import Decimal
from functools import cache

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .integrity import constraint_error_field, integrity_errors
from .text import clean_text, has_bidi_override


def apply_validation_error(form, error: ValidationError, field: str | None = None) -> None:
    """Show a service's ValidationError on the form: on the fields it names, else on ``field``
    (the one the rule is about, e.g. the e-mail of an invitation), else above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            if name in form.fields:
                form.add_error(name, errors)
                continue
            for item in errors:
                target = constraint_error_field(item.code)
                form.add_error(target if target in form.fields else None, item)
    else:
        form.add_error(field, error)


BIDI_OVERRIDE_MESSAGE = _(
    "This text contains an invisible character that shows its letters in another order than "
    "they are written (a right-to-left or left-to-right override). Type the text again rather "
    "than pasting it."
)


class TextCleaningMixin:
    """Cleans a text field's value before validation (see ``core.text``).

    Invisible characters are removed silently: they arrive by pasting, the person cannot see
    them, so an error naming them could not be acted on, and what is stored reads exactly as
    what was shown. A direction override is refused instead: it makes the text *show* something
    else than what it holds ("evil<U+202E>txt.exe" reads "evilexe.txt"), so removing it would
    store a text the person never saw; retyping fixes it. Line breaks and tabs are kept only in
    a ``Textarea``; line breaks become ``\\n``, which the browser's ``maxlength`` also counts as
    one character.
    """

    def to_python(self, value):
        if isinstance(value, str):
            if has_bidi_override(value):
                raise ValidationError(BIDI_OVERRIDE_MESSAGE, code="bidi_override")
            value = clean_text(value, multiline=isinstance(self.widget, forms.Textarea))
        return super().to_python(value)


class CleanCharField(TextCleaningMixin, forms.CharField):
    """A ``CharField`` whose text is cleaned before validation.

    Forms need not declare it: ``CleanTextFormMixin`` gives every ``CharField`` (e-mail and URL
    fields included) the same cleaning. It remains the explicit choice for a field declared on
    its own, e.g. ``Meta.field_classes = {"rationale": CleanCharField}``.
    """


@cache
def _cleaning_class(field_class: type) -> type:
    """``field_class`` with ``TextCleaningMixin`` first (one subclass per field class)."""
    if issubclass(field_class, TextCleaningMixin):
        return field_class
    if field_class is forms.CharField:
        return CleanCharField
    return type(f"Clean{field_class.__name__}", (TextCleaningMixin, field_class), {})


def install_text_cleaning(field: forms.Field) -> None:
    """Make a form's (copied) field clean its text; a password is left as typed, since it is
    never shown and must match what was set character for character."""
    if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput):
        field.__class__ = _cleaning_class(type(field))


class CleanTextFormMixin:
    """Every text field of the form (declared or from the model) cleans its text.

    Applied to the form's own copies of its fields once they are built: declared fields,
    fields of a parent form (``AuthenticationForm``) and model fields alike, without each form
    naming them. A field added later (in a subclass's ``__init__``) is not covered, which the
    convention test reports.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            install_text_cleaning(field)


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


class CrispyFormMixin(CleanTextFormMixin):
    """A crispy ``FormHelper`` with one submit button; ``layout()`` may arrange the fields.

    Includes ``CleanTextFormMixin``: every form drawn by crispy cleans its text."""

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
