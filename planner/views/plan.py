"""Plans: list, create, view, edit, change status, delete. The seven steps hang off its page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from core.forms import ServiceFormMixin
from core.generic import ConfirmView
from core.listing import ChoiceFilter, ListingMixin
from core.permissions import OrgViewMixin
from core.steps import STEPS
from core.tenancy import get_or_404, org_reverse

from ..access import PlanObjectMixin
from ..forms.plan import PlanDuplicateForm, PlanForm, TransitionForm
from ..models import PLAN_WORKFLOW, Plan
from ..selectors import plan as selectors
from ..services import plan as services
from ..services.plan import shift_years


def plans_url(org) -> str:
    return org_reverse("planner:plan_list", org)


class PlanListView(ListingMixin, OrgViewMixin, ListView):
    template_name = "planner/plan_list.html"
    context_object_name = "plans"
    paginate_by = 20
    list_filters = (
        ChoiceFilter("status", gettext_lazy("Status"), Plan.Status.choices, gettext_lazy("All")),
    )
    sorts = {
        "updated": gettext_lazy("Last updated"),
        "title": gettext_lazy("Title"),
        "start": gettext_lazy("Start"),
    }

    def get_queryset(self):
        return selectors.plan_list(org=self.org, filters=self.filters)


class PlanFormMixin(ServiceFormMixin):
    form_class = PlanForm
    template_name = "planner/plan_form.html"
    permission = "edit_plan"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "org": self.org}

    def success_message(self, plan):
        return _("The plan “%(title)s” was saved.") % {"title": plan.title}


class PlanCreateView(PlanFormMixin, OrgViewMixin, FormView):
    def get_initial(self):
        return {"owner": self.request.user.pk}

    def get_breadcrumbs(self):
        return [(_("Plans"), plans_url(self.org))]

    def perform(self, form):
        return services.plan_create(org=self.org, actor=self.request.user, **form.cleaned_data)


class PlanUpdateView(PlanFormMixin, PlanObjectMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.plan}

    def perform(self, form):
        return services.plan_update(plan=self.plan, actor=self.request.user, **form.cleaned_data)


class PlanDetailView(PlanObjectMixin, TemplateView):
    template_name = "planner/plan_detail.html"

    @cached_property
    def plan(self) -> Plan:
        # With what its steps hold (step 3's audience and choices), for any number of them.
        return get_or_404(selectors.plan_overview_get, org=self.org, pk=self.kwargs["plan_pk"])

    def get_breadcrumbs(self):
        plans, _here = super().get_breadcrumbs()
        return [plans, (self.plan.title, None)]

    def get_context_data(self, **kwargs):
        completion, next_step = selectors.plan_overview(self.plan)
        transitions = PLAN_WORKFLOW.available(self.plan, self.membership)
        return super().get_context_data(
            plan_steps=[
                (step, step.url_for_plan(self.plan), completion[step.number]) for step in STEPS
            ],
            next_step=next_step,
            transitions=transitions,
            # A decision that needs a reason shows the comment box with the buttons.
            transition_comment=any(t.comment_required for _name, t in transitions),
            history=selectors.plan_transition_list(plan=self.plan),
            **kwargs,
        )


class PlanDuplicateView(ServiceFormMixin, PlanObjectMixin, FormView):
    """Start a new plan from this one: its steps' content, moved to a new period."""

    form_class = PlanDuplicateForm
    template_name = "planner/plan_duplicate.html"
    permission = "edit_plan"

    def get_initial(self):
        plan = self.plan
        return {
            "title": _("%(title)s (copy)") % {"title": plan.title},
            "starts_on": plan.starts_on and shift_years(plan.starts_on, 1),
            "ends_on": plan.ends_on and shift_years(plan.ends_on, 1),
        }

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (_("Duplicate"), None)]

    def perform(self, form):
        return services.plan_duplicate(plan=self.plan, actor=self.request.user, **form.cleaned_data)

    def success_message(self, plan):
        return _("The plan “%(title)s” was created from “%(source)s”.") % {
            "title": plan.title,
            "source": self.plan.title,
        }


class PlanTransitionView(PlanObjectMixin, View):
    """Apply one of the plan's workflow transitions (the buttons on the plan page)."""

    http_method_names = ["post"]
    permission = "edit_plan"

    def post(self, request, *args, **kwargs):
        form = TransitionForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(form.errors.as_data())
            services.plan_transition(
                plan=self.plan,
                name=form.cleaned_data["transition"],
                member=self.membership,
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The plan is now “%(status)s”.") % {"status": self.plan.get_status_display()},
            )
        return redirect(self.plan.get_absolute_url())


class PlanDeleteView(PlanObjectMixin, ConfirmView):
    permission = "edit_plan"
    confirm_title = gettext_lazy("Delete the plan")
    confirm_label = gettext_lazy("Delete")

    def confirm_subject(self):
        return self.plan.title

    def confirm_message(self):
        return _(
            "“%(title)s” and everything in it (benefits and risks, objectives and goals, "
            "audience, chosen platforms) will be deleted. "
            "This cannot be undone."
        ) % {"title": self.plan.title}

    def get_cancel_url(self):
        return self.plan.get_absolute_url()

    def get_success_url(self):
        return plans_url(self.org)

    def perform(self):
        title = self.plan.title
        services.plan_delete(plan=self.plan, actor=self.request.user)
        return _("The plan “%(title)s” was deleted.") % {"title": title}
