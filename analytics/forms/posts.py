"""A post's figures, entered by hand (a post planned in Vitrine or not)."""

from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from platforms.models import Channel

from ..models import PostStat
from .fields import CountField, DurationField


class ChannelChoiceField(forms.ModelChoiceField):
    """Each channel named with its platform, and "partner" for a partner account."""

    def label_from_instance(self, channel):
        if channel.kind == Channel.Kind.PARTNER:
            return _("%(platform)s · %(name)s (partner)") % {
                "platform": channel.platform.name,
                "name": channel.name,
            }
        return f"{channel.platform.name} · {channel.name}"


class PostStatForm(CrispyFormMixin, forms.Form):
    submit_label = _("Save the figures")
    submit_name = "save"

    published_on = forms.DateField(
        label=_("Date published"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    channel = ChannelChoiceField(label=_("Channel"), queryset=Channel.objects.none())
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("The post’s first words, or the title of the video."),
    )
    url = forms.URLField(
        label=_("Address (URL)"),
        max_length=500,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    format = forms.ChoiceField(label=_("Format"), choices=PostStat.Format.choices)
    views = CountField(label=_("Views"))
    interactions = CountField(
        label=_("Interactions"), help_text=_("Reactions, comments and shares together.")
    )
    avg_watch_seconds = DurationField(
        label=_("Average watch time"),
        help_text=_("For a video: m:ss (2:30), h:mm:ss or a number of seconds."),
    )

    def __init__(self, *args, channels=None, **kwargs):
        super().__init__(*args, **kwargs)
        if channels is not None:
            self.fields["channel"].queryset = channels
        self.fields["channel"].empty_label = _("Choose a channel")

    def layout(self):
        return Layout(
            Row(
                Column("published_on", css_class="col-md-4"),
                Column("channel", css_class="col-md-8"),
            ),
            "title",
            Row(Column("url", css_class="col-md-8"), Column("format", css_class="col-md-4")),
            Row(
                Column("views", css_class="col-md-4"),
                Column("interactions", css_class="col-md-4"),
                Column("avg_watch_seconds", css_class="col-md-4"),
            ),
        )
