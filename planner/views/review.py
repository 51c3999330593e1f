"""The goal review: the panel's buttons, a goal's revisions compared, the review queue."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView

from core.listing import ChoiceFilter, ListingMixin
from core.permissions import OrgViewMixin
from core.tenancy import get_or_404, org_reverse

from ..access import PlanObjectMixin
from ..forms.review import GoalReviewForm
from ..models import Goal
from ..review import goal_page_url
from ..selectors import review as selectors
from ..services import review as services

#: What the panel says after each step.
DONE = {
    "submit": gettext_lazy("The goal was submitted for review."),
    "withdraw": gettext_lazy("The submission was withdrawn: the goal is a draft again."),
    "approve": gettext_lazy("The goal was approved."),
    "request_changes": gettext_lazy("Changes were requested; the author was told."),
}


class GoalObjectMixin(PlanObjectMixin):
    """``self.goal`` is the URL's goal of the URL's plan (else a 404, whatever the method)."""

    @cached_property
    def goal(self) -> Goal:
        pk = self.kwargs["goal_pk"]
        return get_or_404(selectors.goal_review_get, org=self.org, plan=self.plan, pk=pk)

    def get_org_object(self):
        return self.goal

    def get_breadcrumbs(self):
        statement = self.goal.statement
        label = statement if len(statement) <= 60 else statement[:59].rstrip() + "…"
        return [*super().get_breadcrumbs(), (label, goal_page_url(self.goal))]


class GoalReviewView(GoalObjectMixin, View):
    """Take a review step from the panel (submit, withdraw, approve, request changes).

    Any member may be refused here by the step's own rule (the workflow's predicate: a
    manager's for a decision); the least role of any step, an editor's, guards the method.
    Refusals are messages on the page the panel was on (``next``, same site only).
    """

    http_method_names = ["post"]
    permission = "view"
    write_permission = "edit_plan"

    def post(self, request, *args, **kwargs):
        form = GoalReviewForm(request.POST)
        name = ""
        try:
            if not form.is_valid():
                raise ValidationError(form.errors.as_data())
            name = form.cleaned_data["transition"]
            services.goal_review(
                goal=self.goal,
                name=name,
                member=self.membership,
                comment=form.cleaned_data["comment"],
                version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, DONE[name])
        return redirect(self.back_url())

    def back_url(self) -> str:
        target = self.request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return goal_page_url(self.goal)


class GoalRevisionsView(GoalObjectMixin, TemplateView):
    """Each approved revision kept of a goal against the goal as it is now."""

    template_name = "planner/review/goal_revisions.html"

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (_("Revisions"), None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            goal=self.goal,
            goal_url=goal_page_url(self.goal),
            comparisons=selectors.goal_revision_compare(goal=self.goal),
            **kwargs,
        )


class ReviewQueueView(ListingMixin, OrgViewMixin, ListView):
    """What awaits a review across the organisation's plans; managers act, others see it."""

    template_name = "planner/review/queue.html"
    context_object_name = "goals"
    paginate_by = 25
    sorts = {
        "oldest": gettext_lazy("Oldest submission"),
        "newest": gettext_lazy("Newest submission"),
        "deadline": gettext_lazy("Deadline"),
        "plan": gettext_lazy("Plan"),
    }

    @cached_property
    def list_filters(self):
        status = ChoiceFilter(
            "status",
            gettext_lazy("Review"),
            (
                ("", Goal.Status.SUBMITTED.label),
                ("changes_requested", Goal.Status.CHANGES_REQUESTED.label),
                ("open", gettext_lazy("All open")),
            ),
        )
        plans = [(str(p.pk), p.title) for p in selectors.review_queue_plans(org=self.org)]
        owners = [(str(pk), name) for pk, name in selectors.review_queue_owners(org=self.org)]
        filters = [status]
        # A filter with one choice filters nothing: shown from two plans or owners.
        if len(plans) > 1:
            filters.append(ChoiceFilter("plan", gettext_lazy("Plan"), tuple(plans), _("All")))
        if len(owners) > 1:
            filters.append(ChoiceFilter("owner", gettext_lazy("Owner"), tuple(owners), _("All")))
        return tuple(filters)

    def filter_counts(self):
        return {"status": selectors.review_queue_counts(org=self.org)}

    def get_queryset(self):
        return selectors.review_queue_list(org=self.org, filters=self.filters)

    def get_breadcrumbs(self):
        return [(_("Review queue"), None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            plans_in_review=list(selectors.plans_in_review_list(org=self.org)),
            filtered=any(self.filters.get(k) for k in ("status", "plan", "owner")),
            queue_url=org_reverse("planner:review_queue", self.org),
            **kwargs,
        )
