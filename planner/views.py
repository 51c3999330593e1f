"""Plans: list, create, view, edit, delete. The seven steps of a plan hang off its page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView

from accounts.models import Role
from core.forms import apply_validation_error
from core.listing import SortedListMixin, chosen, filter_group
from core.permissions import OrgObjectMixin, OrgViewMixin
from core.steps import STEPS

from . import selectors, services
from .forms import PlanForm
from .models import Plan


class PlanListView(SortedListMixin, OrgViewMixin, ListView):
    template_name = "planner/plan_list.html"
    context_object_name = "plans"
    paginate_by = 20
    sorts = {
        "updated": gettext_lazy("Last updated"),
        "title": gettext_lazy("Title"),
        "start": gettext_lazy("Start"),
    }

    def get_queryset(self):
        self.status = chosen(self.request, "status", Plan.Status.values)
        return selectors.plan_list(org=self.org, status=self.status or None, sort=self.sort)

    def get_context_data(self, **kwargs):
        statuses = filter_group(
            self.request,
            gettext_lazy("Status"),
            "status",
            Plan.Status.choices,
            self.status,
            all_label=gettext_lazy("All"),
        )
        return super().get_context_data(
            status=self.status, filter_groups=[statuses, self.sort_group()], **kwargs
        )


class PlanObjectMixin(OrgObjectMixin):
    @cached_property
    def plan(self) -> Plan:
        return selectors.plan_get(org=self.org, pk=self.kwargs["plan_pk"])

    def get_org_object(self):
        return self.plan


class PlanFormMixin:
    form_class = PlanForm
    template_name = "planner/plan_form.html"

    def form_valid(self, form):
        try:
            plan = self.save(form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The plan “%(title)s” was saved.") % {"title": plan.title})
        return redirect(plan.get_absolute_url())


class PlanCreateView(PlanFormMixin, OrgViewMixin, FormView):
    required_role = Role.EDITOR

    def save(self, data):
        return services.plan_create(org=self.org, actor=self.request.user, **data)


class PlanUpdateView(PlanFormMixin, PlanObjectMixin, FormView):
    required_role = Role.EDITOR

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.plan}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)

    def save(self, data):
        return services.plan_update(plan=self.plan, actor=self.request.user, **data)


class PlanDetailView(PlanObjectMixin, TemplateView):
    template_name = "planner/plan_detail.html"

    def get_context_data(self, **kwargs):
        steps = [(step, step.url_for_plan(self.plan)) for step in STEPS]
        return super().get_context_data(plan=self.plan, plan_steps=steps, **kwargs)


class PlanDeleteView(PlanObjectMixin, TemplateView):
    required_role = Role.EDITOR
    template_name = "planner/plan_confirm_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)

    def post(self, request, *args, **kwargs):
        title = self.plan.title
        services.plan_delete(plan=self.plan, actor=request.user)
        messages.success(request, _("The plan “%(title)s” was deleted.") % {"title": title})
        return redirect("planner:plan_list", org_slug=self.org.slug)
