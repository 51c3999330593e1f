"""Step 2 of a plan: the objective cascade, and SMART goals with their live checklist."""

from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView

from core.forms import ServiceFormMixin
from core.generic import ConfirmView
from core.htmx import render_page_or_partial
from core.steps import STEPS
from core.tenancy import get_or_404, org_reverse

from .. import goal_templates
from ..access import PlanObjectMixin
from ..forms.objectives import GoalForm, ObjectiveForm
from ..models import Goal, Objective
from ..models.objectives import GOAL_FIELDS
from ..selectors import objectives as selectors
from ..services import objectives as services
from ..smart import smart_checklist


class StepTwoMixin(PlanObjectMixin):
    """Breadcrumbs and links of every step-2 page: Plans › the plan › Step 2: objectives."""

    def step_url(self, anchor: str = "") -> str:
        url = org_reverse("planner:objectives", self.org, plan_pk=self.plan.pk)
        return f"{url}#{anchor}" if anchor else url

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (_("Step 2: objectives"), self.step_url())]


class ObjectiveTreeView(StepTwoMixin, TemplateView):
    """The four levels of the plan's cascade, as a tree."""

    template_name = "planner/objectives/tree.html"

    def get_breadcrumbs(self):
        *trail, (label, _url) = super().get_breadcrumbs()
        return [*trail, (label, None)]

    def get_context_data(self, **kwargs):
        tree = selectors.objective_tree(self.plan)
        return super().get_context_data(
            tree=tree,
            level=Objective.Level,
            templates=goal_templates,
            **kwargs,
        )


# Objectives ------------------------------------------------------------------------------------


class ObjectiveFormMixin(ServiceFormMixin, StepTwoMixin):
    form_class = ObjectiveForm
    template_name = "planner/objectives/objective_form.html"
    permission = "edit_plan"

    def success_message(self, objective):
        return _("The objective “%(title)s” was saved.") % {"title": objective.title}

    def get_success_url(self, objective):
        return self.step_url(f"objective-{objective.pk}")


class ObjectiveCreateView(ObjectiveFormMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan, "creating": True}

    def get_initial(self):
        level = self.request.GET.get("level", "")
        parent = selectors.objective_find(plan=self.plan, pk=self.request.GET.get("parent"))
        if level not in Objective.Level.values:
            level = Objective.Level.ORGANISATION
        return {"level": level, "parent": parent.pk if parent else None}

    def get_context_data(self, **kwargs):
        return super().get_context_data(creating=True, **kwargs)

    def perform(self, form):
        data = dict(form.cleaned_data)
        level = data.pop("level")
        return services.objective_create(
            plan=self.plan, level=level, actor=self.request.user, **data
        )


class ObjectiveObjectMixin(StepTwoMixin):
    @cached_property
    def objective(self) -> Objective:
        return get_or_404(
            selectors.objective_get, org=self.org, plan=self.plan, pk=self.kwargs["objective_pk"]
        )


class ObjectiveUpdateView(ObjectiveFormMixin, ObjectiveObjectMixin, FormView):
    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "plan": self.plan,
            "creating": False,
            "level": self.objective.level,
        }

    def get_initial(self):
        return model_to_dict(self.objective, fields=["parent", "title", "description"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(objective=self.objective, creating=False, **kwargs)

    def perform(self, form):
        return services.objective_update(
            objective=self.objective, actor=self.request.user, **form.cleaned_data
        )


class ObjectiveDeleteView(ObjectiveObjectMixin, ConfirmView):
    permission = "edit_plan"
    confirm_title = gettext_lazy("Delete an objective")
    confirm_label = gettext_lazy("Delete")

    def confirm_subject(self):
        return f"{self.objective.title} · {self.plan.title}"

    def confirm_message(self):
        counts = selectors.objective_deletion_counts(self.objective)
        below = ngettext(
            "%(n)d objective below it", "%(n)d objectives below it", counts.objectives
        ) % {"n": counts.objectives}
        goals = ngettext("%(n)d SMART goal", "%(n)d SMART goals", counts.goals) % {
            "n": counts.goals
        }
        return _(
            "“%(title)s” will be deleted with everything that hangs under it: %(below)s and "
            "%(goals)s. This cannot be undone."
        ) % {"title": self.objective.title, "below": below, "goals": goals}

    def get_cancel_url(self):
        return self.step_url(f"objective-{self.objective.pk}")

    def get_success_url(self):
        return self.step_url()

    def perform(self):
        title = self.objective.title
        services.objective_delete(objective=self.objective, actor=self.request.user)
        return _("The objective “%(title)s” was deleted.") % {"title": title}


class ObjectiveExampleView(StepTwoMixin, ConfirmView):
    """ "Use the deck's example": the marketing objective, its social-media objectives and
    the deck's SMART goals, as drafts to adapt."""

    permission = "edit_plan"
    confirm_title = gettext_lazy("Use the deck's example")
    confirm_label = gettext_lazy("Add the example")
    confirm_style = "primary"

    def confirm_subject(self):
        return self.plan.title

    @cached_property
    def parent(self) -> Objective | None:
        return self.plan.objectives.filter(level=Objective.Level.ORGANISATION).first()

    def confirm_message(self):
        values = {
            "marketing": goal_templates.MARKETING_OBJECTIVE,
            "n": len(goal_templates.SOCIAL_OBJECTIVES),
            "goals": len(goal_templates.GOAL_TEMPLATES),
        }
        if self.parent is not None:
            values["parent"] = self.parent.title
            return (
                _(
                    "The marketing objective “%(marketing)s” will be added under “%(parent)s”, "
                    "with %(n)d social-media objectives (Facebook, Instagram, YouTube) and the "
                    "deck's %(goals)d SMART goals as drafts, for you to adapt."
                )
                % values
            )
        values["parent"] = goal_templates.ORGANISATION_OBJECTIVE
        return (
            _(
                "The organisational objective “%(parent)s” and, under it, the marketing objective "
                "“%(marketing)s” will be added, with %(n)d social-media objectives (Facebook, "
                "Instagram, YouTube) and the deck's %(goals)d SMART goals as drafts, for you to "
                "adapt."
            )
            % values
        )

    def get_cancel_url(self):
        return self.step_url()

    def perform(self):
        marketing = services.goal_template_apply(
            plan=self.plan, actor=self.request.user, parent=self.parent
        )
        self.marketing = marketing
        return _("The deck's example was added: adapt its goals to your figures.")

    def get_success_url(self):
        return self.step_url(f"objective-{self.marketing.pk}")


# Goals -----------------------------------------------------------------------------------------


class GoalFormMixin(ServiceFormMixin, StepTwoMixin):
    """Goal form pages: the form and, beside it, the live SMART checklist.

    A post with ``preview`` (typed in the form over htmx, or the "Check" button without
    JavaScript) saves nothing: it answers the checklist for what was typed, as the page's
    ``checklist`` partial for htmx, else the whole page with the form as typed.
    """

    form_class = GoalForm
    template_name = "planner/goals/goal_form.html"
    permission = "edit_plan"
    updating = False

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "plan": self.plan,
            "org": self.org,
            "updating": self.updating,
        }

    def post(self, request, *args, **kwargs):
        if "preview" not in request.POST:
            return super().post(request, *args, **kwargs)
        form = self.get_form()
        form.is_valid()
        context = self.get_context_data(form=form, previewed=True)
        return render_page_or_partial(
            request, self.template_name, context, partial="checklist", target="smart-checklist"
        )

    def checklist(self, form):
        """The checklist of what the form holds: typed values, else the initial ones."""
        if form.is_bound:
            values = dict(getattr(form, "parsed", {}))
        else:
            values = {name: form[name].initial for name in form.fields}
            for name in ("objective", "platform", "channel"):
                values[name] = _instance(form.fields[name].queryset, values.get(name))
        values.pop("version", None)
        values.pop("owner", None)
        objective = values.pop("objective", None)
        facts = selectors.goal_facts(plan=self.plan, objective=objective, **values)
        return smart_checklist(facts)

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or self.get_form()
        kwargs.setdefault("form", form)
        return super().get_context_data(
            checklist=self.checklist(form),
            templates=goal_templates.GOAL_TEMPLATES,
            has_objectives=form.fields["objective"].queryset.exists(),
            form_url=self.request.get_full_path(),
            **kwargs,
        )

    def success_message(self, goal):
        return _("The SMART goal “%(statement)s” was saved.") % {"statement": goal.statement}

    def get_success_url(self, goal):
        return org_reverse("planner:goal_detail", self.org, plan_pk=self.plan.pk, goal_pk=goal.pk)


def _instance(queryset, value):
    """The row of ``queryset`` an initial value names (a row or a pk), else ``None``."""
    if value is None or value == "":
        return None
    if hasattr(value, "pk"):
        return value
    try:
        return queryset.filter(pk=int(value)).first()
    except (TypeError, ValueError):
        return None


class GoalCreateView(GoalFormMixin, FormView):
    """A new goal, under ``?objective=`` and from ``?template=`` when given."""

    def get_initial(self):
        from platforms.selectors.catalogue import platform_find

        objective = selectors.objective_find(plan=self.plan, pk=self.request.GET.get("objective"))
        today = timezone.localdate()
        start, deadline = services.template_dates(self.plan, today)
        initial = {"starts_on": start, "deadline": deadline, "owner": self.request.user.pk}
        if objective is not None and objective.level == Objective.Level.SOCIAL_MEDIA:
            initial["objective"] = objective.pk
        template = goal_templates.goal_template_find(self.request.GET.get("template"))
        if template is not None:
            platform = platform_find(code=template.platform)
            fields = services.goal_template_fields(template, platform=platform)
            initial.update(fields, platform=platform.pk if platform else None)
        return initial

    def get_context_data(self, **kwargs):
        template = goal_templates.goal_template_find(self.request.GET.get("template"))
        return super().get_context_data(creating=True, template=template, **kwargs)

    def perform(self, form):
        return services.goal_create(plan=self.plan, actor=self.request.user, **form.goal_fields())


class GoalObjectMixin(StepTwoMixin):
    @cached_property
    def goal(self) -> Goal:
        return get_or_404(
            selectors.goal_get, org=self.org, plan=self.plan, pk=self.kwargs["goal_pk"]
        )

    def goal_url(self) -> str:
        return org_reverse(
            "planner:goal_detail", self.org, plan_pk=self.plan.pk, goal_pk=self.goal.pk
        )


class GoalDetailView(GoalObjectMixin, TemplateView):
    template_name = "planner/goals/goal_detail.html"

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (capfirst(_("SMART goal")), None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            goal=self.goal,
            checklist=selectors.goal_checklist(self.goal),
            progress=selectors.objective_progress(self.goal),
            progress_url=self.progress_url(),
            **kwargs,
        )

    def progress_url(self) -> str | None:
        """The plan's page of the step that measures goals (step 7's evaluation), if any."""
        step = next((step for step in STEPS if step.progress), None)
        return step.url_for_plan(self.plan) if step else None


class GoalUpdateView(GoalFormMixin, GoalObjectMixin, FormView):
    updating = True

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (capfirst(_("SMART goal")), self.goal_url())]

    def get_initial(self):
        initial = model_to_dict(self.goal, fields=GOAL_FIELDS)
        return {**initial, "version": self.goal.version}

    def get_context_data(self, **kwargs):
        return super().get_context_data(goal=self.goal, creating=False, **kwargs)

    def perform(self, form):
        return services.goal_update(
            goal=self.goal,
            actor=self.request.user,
            version=form.cleaned_data["version"],
            **form.goal_fields(),
        )

    def success_message(self, goal):
        if goal.revision > self.revision_before:
            return _(
                "The goal was saved as revision %(n)d, back to draft: the approved version is "
                "kept for comparison."
            ) % {"n": goal.revision}
        return super().success_message(goal)

    def form_valid(self, form):
        self.revision_before = self.goal.revision
        return super().form_valid(form)


class GoalDeleteView(GoalObjectMixin, ConfirmView):
    permission = "edit_plan"
    confirm_title = gettext_lazy("Delete a SMART goal")
    confirm_label = gettext_lazy("Delete")

    def confirm_subject(self):
        return f"{self.goal.statement[:80]} · {self.plan.title}"

    def confirm_message(self):
        return _("The SMART goal “%(statement)s” and its review history will be deleted.") % {
            "statement": self.goal.statement
        }

    def get_cancel_url(self):
        return self.goal_url()

    def get_success_url(self):
        return self.step_url(f"objective-{self.objective_pk}")

    def perform(self):
        self.objective_pk = self.goal.objective_id
        statement = self.goal.statement
        services.goal_delete(goal=self.goal, actor=self.request.user)
        return _("The SMART goal “%(statement)s” was deleted.") % {"statement": statement}
