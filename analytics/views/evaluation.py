"""A plan's evaluation (step 7 in a plan): goals measured, channels compared, top posts, the
lessons learned; and the same as a printable report."""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from core.forms import ServiceFormMixin
from core.tenancy import org_reverse
from planner.access import PlanObjectMixin

from ..forms.evaluation import LessonsForm
from ..months import month_code
from ..selectors import evaluation as selectors
from ..services import evaluation as services


class EvaluationMixin(PlanObjectMixin):
    @cached_property
    def evaluation(self) -> selectors.PlanEvaluation:
        return selectors.plan_evaluation(org=self.org, plan=self.plan)

    def evaluation_url(self) -> str:
        return org_reverse("analytics:plan_evaluation", self.org, plan_pk=self.plan.pk)

    def export_query(self) -> str:
        period = self.evaluation.period
        return f"from={month_code(period.first_month)}&to={month_code(period.last_month)}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            data=self.evaluation,
            export_url=org_reverse("analytics:stats_export", self.org),
            export_query=self.export_query(),
            **kwargs,
        )


class PlanEvaluationView(ServiceFormMixin, EvaluationMixin, FormView):
    """Every member reads the evaluation; editors write the lessons learned."""

    template_name = "analytics/plan_evaluation.html"
    form_class = LessonsForm
    permission = "view"
    write_permission = "edit_plan"
    error_field = "lessons"

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (_("Evaluation"), None)]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.evaluation.evaluation}

    def perform(self, form):
        return services.evaluation_save(
            plan=self.plan, lessons=form.cleaned_data["lessons"], actor=self.request.user
        )

    def success_message(self, evaluation):
        return _("The lessons learned were saved.")

    def get_success_url(self, evaluation):
        return self.evaluation_url() + "#lessons"


class PlanReportView(EvaluationMixin, TemplateView):
    """The evaluation as a report to print (or save as PDF) for a board or a funder."""

    template_name = "analytics/plan_report.html"
    permission = "view"

    def get_breadcrumbs(self):
        return [
            *super().get_breadcrumbs(),
            (_("Evaluation"), self.evaluation_url()),
            (_("Report"), None),
        ]
