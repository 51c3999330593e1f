"""The organisation's channels: its own accounts and the partner accounts it publishes through.

Channels are archived rather than deleted: later steps hang posts and statistics on them.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import FormView, ListView, TemplateView

from accounts.models import Role
from core.forms import apply_validation_error
from core.listing import SortedListMixin, chosen, filter_group
from core.permissions import OrgObjectMixin, OrgViewMixin
from core.tenancy import get_for_org

from .. import selectors, services
from ..forms import ChannelForm
from ..models import Channel, Platform


class ChannelListView(SortedListMixin, OrgViewMixin, ListView):
    template_name = "platforms/channel_list.html"
    context_object_name = "channels"
    paginate_by = 25
    sorts = {
        "platform": gettext_lazy("Platform"),
        "name": gettext_lazy("Name"),
        "kind": gettext_lazy("Kind"),
        "updated": gettext_lazy("Last updated"),
    }

    def get_queryset(self):
        self.archived = self.request.GET.get("state") == "archived"
        self.kind = chosen(self.request, "kind", Channel.Kind.values)
        channels = selectors.channel_list(org=self.org, active=not self.archived, sort=self.sort)
        return channels.filter(kind=self.kind) if self.kind else channels

    def get_context_data(self, **kwargs):
        counts = Channel.objects.for_org(self.org).aggregate(
            active=Count("pk", filter=Q(is_active=True)),
            archived=Count("pk", filter=Q(is_active=False)),
        )
        states = [
            ("", pgettext_lazy("channels", "Active")),
            ("archived", pgettext_lazy("channels", "Archived")),
        ]
        request = self.request
        groups = [
            filter_group(
                request,
                "",
                "state",
                states,
                "archived" if self.archived else "",
                counts={"": counts["active"], "archived": counts["archived"]},
            ),
            filter_group(
                request,
                gettext_lazy("Kind"),
                "kind",
                Channel.Kind.choices,
                self.kind,
                all_label=gettext_lazy("All"),
            ),
            self.sort_group(),
        ]
        return super().get_context_data(
            archived=self.archived, kind=self.kind, filter_groups=groups, tab="channels", **kwargs
        )


class ChannelObjectMixin(OrgObjectMixin):
    @cached_property
    def channel(self) -> Channel:
        return get_for_org(
            Channel.objects.select_related("platform"), self.org, pk=self.kwargs["channel_pk"]
        )

    def get_org_object(self):
        return self.channel

    def get_context_data(self, **kwargs):
        return super().get_context_data(channel=self.channel, tab="channels", **kwargs)


class ChannelFormMixin:
    form_class = ChannelForm
    template_name = "platforms/channel_form.html"
    required_role = Role.EDITOR

    def form_valid(self, form):
        try:
            channel = self.save(form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("The channel “%(name)s” was saved.") % {"name": channel.name}
        )
        return redirect("platforms:channel_list", org_slug=self.org.slug)


class ChannelCreateView(ChannelFormMixin, OrgViewMixin, FormView):
    def get_initial(self):
        # "Add a channel" from a platform's page arrives with ?platform=<code>.
        code = self.request.GET.get("platform")
        platform = Platform.objects.active().filter(code=code).first() if code else None
        return {"platform": platform} if platform else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(tab="channels", **kwargs)

    def save(self, data):
        return services.channel_create(org=self.org, actor=self.request.user, **data)


class ChannelUpdateView(ChannelFormMixin, ChannelObjectMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.channel}

    def save(self, data):
        return services.channel_update(channel=self.channel, actor=self.request.user, **data)


class ChannelStateView(ChannelObjectMixin, TemplateView):
    """Archive (or restore) after a confirmation page; the list's buttons post directly."""

    required_role = Role.EDITOR
    template_name = "platforms/channel_confirm_state.html"
    active = False

    def get_context_data(self, **kwargs):
        return super().get_context_data(restoring=self.active, **kwargs)

    def post(self, request, *args, **kwargs):
        channel = services.channel_set_active(
            channel=self.channel, active=self.active, actor=request.user
        )
        if self.active:
            message = _("The channel “%(name)s” is active again.")
        else:
            message = _("The channel “%(name)s” was archived. Its history is kept.")
        messages.success(request, message % {"name": channel.name})
        return redirect("platforms:channel_list", org_slug=self.org.slug)


class ChannelArchiveView(ChannelStateView):
    active = False


class ChannelRestoreView(ChannelStateView):
    active = True
