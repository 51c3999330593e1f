"""The organisation's channels: its own accounts and the partner accounts it publishes through.

Channels are archived rather than deleted: later steps hang posts and statistics on them.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import FormView, ListView

from core.forms import ServiceFormMixin
from core.generic import ConfirmView
from core.listing import ChoiceFilter, ListingMixin
from core.permissions import OrgObjectMixin, OrgViewMixin
from core.tenancy import get_or_404, org_reverse

from ..forms.channels import ChannelForm
from ..models import Channel
from ..selectors import channels as selectors
from ..selectors.catalogue import platform_find
from ..services import channels as services


def channels_url(org) -> str:
    return org_reverse("platforms:channel_list", org)


class ChannelListView(ListingMixin, OrgViewMixin, ListView):
    template_name = "platforms/channel_list.html"
    context_object_name = "channels"
    paginate_by = 25
    list_filters = (
        ChoiceFilter(
            "state",
            "",
            (
                ("", pgettext_lazy("channels", "Active")),
                ("archived", pgettext_lazy("channels", "Archived")),
            ),
        ),
        ChoiceFilter("kind", gettext_lazy("Kind"), Channel.Kind.choices, gettext_lazy("All")),
    )
    sorts = {
        "platform": gettext_lazy("Platform"),
        "name": gettext_lazy("Name"),
        "kind": gettext_lazy("Kind"),
        "updated": gettext_lazy("Last updated"),
    }

    def get_queryset(self):
        return selectors.channel_list(org=self.org, filters=self.filters)

    def filter_counts(self):
        counts = selectors.channel_counts(org=self.org)
        return {"state": {"": counts["active"], "archived": counts["archived"]}}

    def get_context_data(self, **kwargs):
        return super().get_context_data(tab="channels", **kwargs)


class ChannelObjectMixin(OrgObjectMixin):
    @cached_property
    def channel(self) -> Channel:
        return get_or_404(selectors.channel_get, org=self.org, pk=self.kwargs["channel_pk"])

    def get_org_object(self):
        return self.channel

    def get_breadcrumbs(self):
        return [(_("Our channels"), channels_url(self.org)), (self.channel.name, None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(channel=self.channel, tab="channels", **kwargs)


class ChannelFormMixin(ServiceFormMixin):
    form_class = ChannelForm
    template_name = "platforms/channel_form.html"
    permission = "edit_channel"

    def success_message(self, channel):
        return _("The channel “%(name)s” was saved.") % {"name": channel.name}

    def get_success_url(self, channel):
        return channels_url(self.org)


class ChannelCreateView(ChannelFormMixin, OrgViewMixin, FormView):
    def get_breadcrumbs(self):
        return [(_("Our channels"), channels_url(self.org))]

    def get_initial(self):
        # "Add a channel" from a platform's page arrives with ?platform=<code>.
        platform = platform_find(code=self.request.GET.get("platform"))
        return {"platform": platform} if platform else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(tab="channels", **kwargs)

    def perform(self, form):
        return services.channel_create(org=self.org, actor=self.request.user, **form.cleaned_data)


class ChannelUpdateView(ChannelFormMixin, ChannelObjectMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.channel}

    def perform(self, form):
        return services.channel_update(
            channel=self.channel, actor=self.request.user, **form.cleaned_data
        )


class ChannelArchiveView(ChannelObjectMixin, ConfirmView):
    """Archive after a confirmation page; the list's buttons post directly."""

    permission = "edit_channel"
    confirm_title = gettext_lazy("Archive the channel")
    confirm_label = gettext_lazy("Archive")
    active = False
    done_message = gettext_lazy("The channel “%(name)s” was archived. Its history is kept.")

    def confirm_subject(self):
        return self.channel.name

    def confirm_message(self):
        return _(
            "“%(name)s” will no longer be offered for new posts. Its history (posts, "
            "statistics) is kept and you can restore it at any time."
        ) % {"name": self.channel.name}

    def get_cancel_url(self):
        return channels_url(self.org)

    def perform(self):
        channel = services.channel_set_active(
            channel=self.channel, active=self.active, actor=self.request.user
        )
        return self.done_message % {"name": channel.name}


class ChannelRestoreView(ChannelArchiveView):
    confirm_title = gettext_lazy("Restore the channel")
    confirm_label = gettext_lazy("Restore")
    confirm_style = "primary"
    active = True
    done_message = gettext_lazy("The channel “%(name)s” is active again.")

    def confirm_message(self):
        return _("“%(name)s” will be listed with the active channels again.") % {
            "name": self.channel.name
        }
