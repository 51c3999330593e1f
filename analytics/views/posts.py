"""Per-post figures: the list (filters, sorts, pages), add, edit and delete."""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView

from core.forms import ServiceFormMixin
from core.generic import ConfirmView
from core.listing import ChoiceFilter, ListingMixin
from core.permissions import OrgObjectMixin, OrgViewMixin
from core.tenancy import get_or_404, org_reverse
from platforms.models import Channel

from ..forms.posts import PostStatForm
from ..models import PostStat
from ..selectors import posts as selectors
from ..services import stats as services


def poststats_url(org) -> str:
    return org_reverse("analytics:poststat_list", org)


def list_crumbs(org) -> list:
    return [
        (_("Statistics"), org_reverse("analytics:dashboard", org)),
        (_("Post figures"), poststats_url(org)),
    ]


class PostStatListView(ListingMixin, OrgViewMixin, ListView):
    template_name = "analytics/poststat_list.html"
    context_object_name = "poststats"
    paginate_by = 25
    list_filters = (
        ChoiceFilter(
            "kind", gettext_lazy("Channel"), Channel.Kind.choices, gettext_lazy("All channels")
        ),
        ChoiceFilter(
            "format", gettext_lazy("Format"), PostStat.Format.choices, gettext_lazy("All formats")
        ),
    )
    sorts = {
        "date": gettext_lazy("Date"),
        "views": gettext_lazy("Views"),
        "interactions": gettext_lazy("Interactions"),
        "title": gettext_lazy("Title"),
    }

    def get_queryset(self):
        return selectors.poststat_list(org=self.org, filters=self.filters)

    def get_breadcrumbs(self):
        return [
            (_("Statistics"), org_reverse("analytics:dashboard", self.org)),
            (_("Post figures"), None),
        ]


class PostStatObjectMixin(OrgObjectMixin):
    @cached_property
    def poststat(self) -> PostStat:
        return get_or_404(selectors.poststat_get, org=self.org, pk=self.kwargs["poststat_pk"])

    def get_org_object(self):
        return self.poststat

    def get_breadcrumbs(self):
        return [*list_crumbs(self.org), (self.poststat.title, None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(poststat=self.poststat, **kwargs)


class PostStatFormMixin(ServiceFormMixin):
    form_class = PostStatForm
    template_name = "analytics/poststat_form.html"
    permission = "enter_statistics"

    def success_message(self, poststat):
        return _("The figures of “%(title)s” were saved.") % {"title": poststat.title}

    def get_success_url(self, poststat):
        return poststats_url(self.org)


class PostStatCreateView(PostStatFormMixin, OrgViewMixin, FormView):
    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "channels": selectors.poststat_channel_choices(org=self.org),
        }

    def get_breadcrumbs(self):
        return [*list_crumbs(self.org), (_("Add a post’s figures"), None)]

    def perform(self, form):
        return services.poststat_create(org=self.org, actor=self.request.user, **form.cleaned_data)


class PostStatUpdateView(PostStatFormMixin, PostStatObjectMixin, FormView):
    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "channels": selectors.poststat_channel_choices(
                org=self.org, include=self.poststat.channel
            ),
        }

    def get_initial(self):
        stat = self.poststat
        return {
            "published_on": stat.published_on,
            "channel": stat.channel,
            "title": stat.title,
            "url": stat.url,
            "format": stat.format,
            "views": stat.views,
            "interactions": stat.interactions,
            "avg_watch_seconds": stat.avg_watch_seconds,
        }

    def perform(self, form):
        return services.poststat_update(
            poststat=self.poststat, actor=self.request.user, **form.cleaned_data
        )


class PostStatDeleteView(PostStatObjectMixin, ConfirmView):
    permission = "enter_statistics"
    confirm_title = gettext_lazy("Delete the post’s figures")
    confirm_label = gettext_lazy("Delete")

    def confirm_subject(self):
        return self.poststat.title

    def confirm_message(self):
        return _(
            "The figures of “%(title)s” (%(channel)s, %(date)s) will be deleted, and the "
            "statistics recomputed without them. This cannot be undone."
        ) % {
            "title": self.poststat.title,
            "channel": self.poststat.channel.name,
            "date": self.poststat.published_on.isoformat(),
        }

    def get_cancel_url(self):
        return poststats_url(self.org)

    def perform(self):
        title = self.poststat.title
        services.poststat_delete(poststat=self.poststat, actor=self.request.user)
        return _("The figures of “%(title)s” were deleted.") % {"title": title}
