"""The upload form of the statistics import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from platforms.models import Channel

from ..importing.readers import MAX_BYTES
from ..models import ImportBatch

ACCEPTED_TYPES = (
    ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)


class ChannelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, channel):
        return f"{channel.name} ({channel.platform.name})"


class ImportUploadForm(CrispyFormMixin, forms.Form):
    file = forms.FileField(
        label=_("File"),
        # An empty file reaches the check, which says so like any other problem of the file.
        allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_TYPES}),
    )
    kind = forms.ChoiceField(
        label=_("Kind of statistics"),
        required=False,
        choices=[("", _("Recognise it from the columns")), *ImportBatch.Kind.choices],
        help_text=_("Leave it to Vitrine unless the file’s columns could be either."),
    )
    channel = ChannelChoiceField(
        label=_("Channel (for a file downloaded from a network)"),
        required=False,
        queryset=Channel.objects.none(),
        empty_label=_("— the file names the channel on each row —"),
        help_text=_(
            "Needed for a post export from Meta Business Suite (Facebook, Instagram), YouTube "
            "Studio or TikTok Studio: these files do not say whose statistics they are. Leave "
            "empty for Vitrine’s own files, which name the channel on each row."
        ),
    )

    submit_label = _("Upload and preview")
    submit_name = "upload"
    form_attrs = {"enctype": "multipart/form-data"}

    def __init__(self, *args, org=None, **kwargs):
        super().__init__(*args, **kwargs)
        if org is not None:
            self.fields["channel"].queryset = (
                Channel.objects.for_org(org)
                .filter(is_active=True)
                .select_related("platform")
                .order_by("platform__position", "name")
            )
        self.fields["file"].help_text = _(
            "CSV (comma, semicolon or tab; UTF-8) or Excel .xlsx, up to %(size)s MB. Nothing "
            "is written before you confirm the preview."
        ) % {"size": MAX_BYTES // (1024 * 1024)}
