"""Step 1 of a plan: the register of benefits and risks, its suggestions and the heat map."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from core.forms import ServiceFormMixin
from core.generic import ConfirmView
from core.htmx import render_page_or_partial, toast
from core.integrity import integrity_errors
from core.tenancy import get_or_404, org_reverse

from ..access import PlanObjectMixin
from ..forms.benefits import BenefitRiskForm, SuggestionForm
from ..models import BenefitRisk
from ..selectors import benefits as selectors
from ..services import benefits as services
from ..suggestions import IMPACT_LABELS, band_ranges

TEMPLATE = "planner/benefits/register.html"


class StepOneMixin(PlanObjectMixin):
    def step_url(self) -> str:
        return org_reverse("planner:benefits", self.org, plan_pk=self.plan.pk)

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (_("Step 1: benefits and risks"), self.step_url())]

    def register_context(self) -> dict:
        """What the register page (and its htmx fragment) shows."""
        return {
            "register": selectors.register_get(plan=self.plan),
            "impact_scale": list(IMPACT_LABELS.items()),
            "bands": band_ranges(),
        }


class BenefitsView(StepOneMixin, TemplateView):
    """The register: benefits, risks by severity and their heat map; read-only for viewers."""

    template_name = TEMPLATE

    def get_breadcrumbs(self):
        *trail, (label, _url) = super().get_breadcrumbs()
        return [*trail, (label, None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.register_context(), **kwargs)


class BenefitSuggestView(StepOneMixin, View):
    """One click adds a suggestion. A benefit stays on the register (the fragment is swapped
    over htmx); a risk opens its form, since its scale of 3 × 3 is only a starting point."""

    http_method_names = ["post"]
    permission = "edit_plan"

    def post(self, request, *args, **kwargs):
        form = SuggestionForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("This suggestion does not exist."), code="invalid")
            with integrity_errors():
                item = services.benefit_risk_add_suggestion(
                    plan=self.plan,
                    kind=form.cleaned_data["kind"],
                    code=form.cleaned_data["code"],
                    actor=request.user,
                )
        except ValidationError as error:
            return self.answer(" ".join(error.messages), level=messages.ERROR)
        if item.kind == BenefitRisk.Kind.RISK:
            messages.success(
                request,
                _(
                    "“%(label)s” was added with a likelihood and an impact of 3: adjust them "
                    "and say how you will reduce it."
                )
                % {"label": item.label},
            )
            edit = org_reverse(
                "planner:benefit_update", self.org, plan_pk=self.plan.pk, item_pk=item.pk
            )
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = edit
                return response
            return redirect(edit)
        return self.answer(_("“%(label)s” was added to the benefits.") % {"label": item.label})

    def answer(self, message: str, level=messages.SUCCESS):
        if self.request.htmx:
            context = {"plan": self.plan, "org": self.org, **self.register_context()}
            response = render_page_or_partial(self.request, TEMPLATE, context, partial="register")
            return toast(response, message)
        messages.add_message(self.request, level, message)
        return redirect(self.step_url())


class BenefitFormMixin(ServiceFormMixin, StepOneMixin):
    form_class = BenefitRiskForm
    template_name = "planner/benefits/form.html"
    permission = "edit_plan"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "org": self.org}

    def get_success_url(self, item):
        return self.step_url() + ("#risks" if item.kind == BenefitRisk.Kind.RISK else "#benefits")


class BenefitCreateView(BenefitFormMixin, FormView):
    """A line in the team's own words; ``?kind=risk`` opens it as a risk."""

    @cached_property
    def kind(self) -> str:
        wanted = self.request.GET.get("kind")
        return wanted if wanted in BenefitRisk.Kind.values else BenefitRisk.Kind.BENEFIT

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kind": self.kind}

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (self.heading(), None)]

    def heading(self) -> str:
        if self.kind == BenefitRisk.Kind.RISK:
            return _("Add a risk")
        return _("Add a benefit")

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading(), **kwargs)

    def perform(self, form):
        kind = form.cleaned_data["kind"]
        return services.benefit_risk_create(
            plan=self.plan, kind=kind, actor=self.request.user, **form.line_data(kind)
        )

    def success_message(self, item):
        return _("“%(label)s” was added to the register.") % {"label": item.label}


class BenefitItemMixin(StepOneMixin):
    @cached_property
    def item(self) -> BenefitRisk:
        return get_or_404(selectors.benefit_risk_get, plan=self.plan, pk=self.kwargs["item_pk"])


class BenefitUpdateView(BenefitItemMixin, BenefitFormMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.item}

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (self.item.label, None)]

    def get_context_data(self, **kwargs):
        if self.item.kind == BenefitRisk.Kind.RISK:
            heading = _("Risk: %(label)s") % {"label": self.item.label}
        else:
            heading = _("Benefit: %(label)s") % {"label": self.item.label}
        return super().get_context_data(heading=heading, item=self.item, **kwargs)

    def perform(self, form):
        return services.benefit_risk_update(
            item=self.item, actor=self.request.user, **form.line_data(self.item.kind)
        )

    def success_message(self, item):
        return _("“%(label)s” was saved.") % {"label": item.label}


class BenefitDeleteView(BenefitItemMixin, ConfirmView):
    permission = "edit_plan"
    confirm_label = gettext_lazy("Remove")

    @property
    def confirm_title(self):
        if self.item.kind == BenefitRisk.Kind.RISK:
            return _("Remove a risk")
        return _("Remove a benefit")

    def confirm_subject(self):
        return f"{self.item.label} · {self.plan.title}"

    def confirm_message(self):
        return _("“%(label)s” will be removed from the register of “%(title)s”.") % {
            "label": self.item.label,
            "title": self.plan.title,
        }

    def get_cancel_url(self):
        return self.step_url()

    def perform(self):
        label = self.item.label
        services.benefit_risk_delete(item=self.item, actor=self.request.user)
        return _("“%(label)s” was removed from the register.") % {"label": label}
