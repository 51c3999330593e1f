"""One row of the monthly entry grid: a channel's four figures for a month."""

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextFormMixin

from ..models import MonthlyStat
from .fields import CountField

#: A figure more than this many times the previous month's asks for a confirmation.
JUMP_FACTOR = 10

JUMP_MESSAGE = _("That is more than ten times last month’s figure (%(previous)s). Save anyway?")


class MonthlyRowForm(CleanTextFormMixin, forms.Form):
    """The four figures of one channel's month, each optional.

    The inputs sit in the table's cells and belong to the row's ``<form id="row-<pk>">``
    through their ``form`` attribute; ids are ``row-<pk>-<figure>``, and each input is
    described by its hint (last month's figure), then its error or warning.

    A figure more than ten times last month's (when last month's is above zero) is not an
    error but needs ``confirm``: ``needs_confirmation`` is then true and ``warnings`` names
    the figures, and the view stores nothing.
    """

    views = CountField(label=_("Views"))
    interactions = CountField(label=_("Interactions"))
    followers = CountField(label=_("Followers"))
    posts_published = CountField(label=_("Posts published"))
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    FIGURES = MonthlyStat.FIGURES

    def __init__(self, *args, channel=None, previous: MonthlyStat | None = None, **kwargs):
        self.row_id = f"row-{channel.pk if channel else 'new'}"
        kwargs.setdefault("auto_id", f"{self.row_id}-%s")
        super().__init__(*args, **kwargs)
        self.channel = channel
        self.previous = previous
        self.warnings: dict[str, str] = {}
        for name in self.FIGURES:
            widget = self.fields[name].widget
            widget.attrs.update(
                {
                    "form": self.row_id,
                    "class": "form-control form-control-sm grid-cell",
                    "data-col": name,
                    "aria-describedby": self.hint_id(name),
                }
            )

    def hint_id(self, name: str) -> str:
        return f"{self.row_id}-{name}-hint"

    def message_id(self, name: str) -> str:
        return f"{self.row_id}-{name}-message"

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.warnings)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("confirm") or self.previous is None:
            return cleaned
        for name in self.FIGURES:
            value, before = cleaned.get(name), getattr(self.previous, name)
            if value is not None and before and value > JUMP_FACTOR * before:
                self.warnings[name] = JUMP_MESSAGE % {
                    "previous": number_format(before, force_grouping=True)
                }
        return cleaned

    def full_clean(self):
        super().full_clean()
        # The cell's message (error or warning) is read with its hint.
        for name in self.FIGURES:
            if name in self.errors or name in self.warnings:
                attrs = self.fields[name].widget.attrs
                attrs["aria-describedby"] = f"{self.hint_id(name)} {self.message_id(name)}"
                if name in self.errors:
                    attrs["class"] += " is-invalid"

    def figures(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.FIGURES}
