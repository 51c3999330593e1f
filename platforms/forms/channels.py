"""An account of the organisation, own or partner."""

from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin

from ..models import Channel, Platform


class ChannelForm(CrispyFormMixin, forms.ModelForm):
    """An account of the organisation; the partner fields only matter for partner accounts."""

    submit_label = _("Save the channel")
    submit_name = "save"

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

    def layout(self):
        return Layout(
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
