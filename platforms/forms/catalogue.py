"""The organisation's note on a catalogue platform."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin

from ..models import PlatformNote


class PlatformNoteForm(CrispyFormMixin, forms.ModelForm):
    submit_label = _("Save our note")

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
