"""Step 3 of a plan: describe the audience, see the explained ranking live, record choices."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View

from core.forms import ServiceFormMixin
from core.generic import ConfirmView
from core.htmx import render_page_or_partial
from core.integrity import integrity_errors
from core.tenancy import get_or_404, org_reverse
from planner.access import PlanObjectMixin

from .. import recommender
from ..forms.plan import BriefForm, ChoiceForm, segment_formset
from ..models import PlatformBrief, PlatformChoice
from ..selectors import catalogue as catalogue_selectors
from ..selectors import plan as selectors
from ..services import plan as services


def audience_errors(formset, brief_form) -> list[str]:
    """The form's errors as sentences, for the live ranking (which swaps only the results)."""
    if not formset.is_bound or (formset.is_valid() and brief_form.is_valid()):
        return []
    errors = [str(e) for e in formset.non_form_errors()]
    for number, form in enumerate(formset.forms, start=1):
        for error in [e for field_errors in form.errors.values() for e in field_errors]:
            errors.append(_("Audience %(n)d: %(error)s") % {"n": number, "error": error})
    errors += [e for field_errors in brief_form.errors.values() for e in field_errors]
    return errors


def shared_warnings(ranking) -> list[str]:
    """The warnings that every platform of a ranking (of two or more) carries."""
    if len(ranking) < 2:
        return []
    others = [set(r.warnings) for r in ranking[1:]]
    return [w for w in ranking[0].warnings if all(w in o for o in others)]


class PlanStepThreeMixin(PlanObjectMixin):
    """The plan's saved audience and the ranking it gives, for every page of step 3."""

    @cached_property
    def brief(self) -> PlatformBrief | None:
        return selectors.audience_get(plan=self.plan)

    @cached_property
    def saved_segments(self) -> list[dict]:
        return [
            {"label": s.label, "age_min": s.age_min, "age_max": s.age_max, "weight": s.weight}
            for s in selectors.segment_list(plan=self.plan)
        ]

    @cached_property
    def platforms(self):
        return list(catalogue_selectors.platform_list())

    def advise(self, segments, content_types, goal) -> recommender.Advice | None:
        if not segments or not content_types:
            return None
        return selectors.advice_get(
            platforms=self.platforms,
            segments=segments,
            content_types=content_types,
            goal=goal,
            today_year=timezone.localdate().year,
        )

    @cached_property
    def saved_advice(self) -> recommender.Advice | None:
        """What the saved audience gives (choices are recorded against it, never a draft)."""
        if self.brief is None:
            return None
        return self.advise(self.saved_segments, self.brief.content_types, self.brief.goal)

    def saved_recommendation(self, code: str) -> recommender.Recommendation | None:
        ranking = self.saved_advice.ranking if self.saved_advice else []
        return next((r for r in ranking if r.platform == code), None)

    def step_url(self) -> str:
        return org_reverse("platforms:plan_platforms", self.org, plan_pk=self.plan.pk)

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (_("Step 3: platforms"), self.step_url())]


class PlanPlatformsView(PlanStepThreeMixin, TemplateView):
    """One view for the page and, for htmx live updates, only its ``ranking`` partial."""

    template_name = "platforms/plan_platforms.html"
    write_permission = "edit_plan"

    def get_breadcrumbs(self):
        *trail, (label, _url) = super().get_breadcrumbs()
        return [*trail, (label, None)]

    def get(self, request, *args, **kwargs):
        # The preset links say ``?load=``; the form's hidden ``preset`` field only records
        # where the audience came from, so the live requests (the whole form) never reload it.
        loaded = None if request.htmx else recommender.PRESETS.get(request.GET.get("load", ""))
        if loaded is not None:
            formset, brief_form = self._forms_from_preset(loaded)
        elif "seg-TOTAL_FORMS" in request.GET:
            formset = segment_formset(request.GET, add_row="add_row" in request.GET)
            brief_form = BriefForm(request.GET)
        else:
            formset, brief_form = self._forms_from_saved()
        context = self.get_context_data(
            formset=formset,
            brief_form=brief_form,
            unsaved=loaded is not None or formset.is_bound,
            loaded_preset=loaded,
        )
        return render_page_or_partial(
            request, self.template_name, context, partial="ranking", target="ranking"
        )

    def post(self, request, *args, **kwargs):
        # Without JavaScript, "Add an audience" and "Update the ranking" post the form (so the
        # CSRF token never travels in a URL): the page comes back with what was typed.
        add_row = "add_row" in request.POST
        formset = segment_formset(request.POST, add_row=add_row)
        brief_form = BriefForm(request.POST)
        if add_row or "preview" in request.POST:
            return self.render_to_response(
                self.get_context_data(formset=formset, brief_form=brief_form, unsaved=True)
            )
        if not (formset.is_valid() and brief_form.is_valid()):
            messages.error(request, _("The audience could not be saved: see the errors below."))
            return self.render_to_response(
                self.get_context_data(formset=formset, brief_form=brief_form, unsaved=True)
            )
        services.audience_update(
            plan=self.plan,
            segments=formset.segments(),
            content_types=brief_form.cleaned_data["content_types"],
            goal=brief_form.cleaned_data["goal"],
            preset=brief_form.cleaned_data["preset"],
            actor=request.user,
        )
        messages.success(request, _("The audience of the plan was saved."))
        return redirect(self.step_url())

    def _forms_from_preset(self, preset):
        segments = [
            {"label": str(s.label), "age_min": s.age_min, "age_max": s.age_max, "weight": s.weight}
            for s in preset.segments
        ]
        brief_form = BriefForm(
            initial={
                "content_types": list(preset.content_types),
                "goal": preset.goal or "",
                "preset": preset.code,
            }
        )
        return segment_formset(initial=segments), brief_form

    def _forms_from_saved(self):
        initial = {}
        if self.brief is not None:
            initial = {
                "content_types": self.brief.content_types,
                "goal": self.brief.goal,
                "preset": self.brief.preset,
            }
        return segment_formset(initial=self.saved_segments), BriefForm(initial=initial)

    def _current_audience(self, formset, brief_form):
        """Segments, content types and goal of the form as shown, or None while incomplete."""
        if formset.is_bound:
            if not (formset.is_valid() and brief_form.is_valid()):
                return None
            data = brief_form.cleaned_data
            return formset.segments(), data["content_types"], data["goal"]
        segments = [row for row in formset.initial or [] if row.get("age_min") is not None]
        initial = brief_form.initial
        return segments, initial.get("content_types", []), initial.get("goal", "")

    def get_context_data(self, *, formset, brief_form, unsaved=False, **kwargs):
        audience = self._current_audience(formset, brief_form)
        advice = self.advise(*audience) if audience else None
        ranking = advice.ranking if advice else []
        choices = list(selectors.choice_list(plan=self.plan))
        chosen = {c.platform.code: c for c in choices}
        members = advice.set.members if advice else ()
        shared = shared_warnings(ranking)
        return super().get_context_data(
            formset=formset,
            brief_form=brief_form,
            incomplete=audience is None or not ranking,
            # A warning every platform shares (e.g. old figures) is said once, above them.
            ranking=[
                (r, chosen.get(r.platform), [w for w in r.warnings if w not in shared])
                for r in ranking
            ],
            shared_warnings=shared,
            advice_set=advice.set if advice else None,
            set_members=[(m, chosen.get(m.platform)) for m in members],
            set_missing=[m.platform for m in members if m.platform not in chosen],
            choices=choices,
            presets=recommender.PRESETS.values(),
            # Choices are recorded against the saved audience: an unsaved one is saved first.
            is_dirty=unsaved,
            audience_errors=audience_errors(formset, brief_form),
            **kwargs,
        )


class PlatformChooseView(ServiceFormMixin, PlanStepThreeMixin, FormView):
    """Record a platform for the plan, with a priority and the team's rationale."""

    permission = "edit_plan"
    form_class = ChoiceForm
    template_name = "platforms/plan_choose.html"

    @cached_property
    def platform(self):
        return get_or_404(catalogue_selectors.platform_get, code=self.kwargs["platform_code"])

    @cached_property
    def recommendation(self):
        return self.saved_recommendation(self.platform.code)

    @cached_property
    def existing(self) -> PlatformChoice | None:
        return selectors.choice_find(plan=self.plan, platform=self.platform)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.existing}

    def get_initial(self):
        if self.existing is not None:
            return {}
        reasons = self.recommendation.reasons if self.recommendation else ()
        return {"rationale": "\n".join(f"- {r}" for r in reasons)}

    def get_breadcrumbs(self):
        return super().get_breadcrumbs()[1:]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            platform=self.platform,
            recommendation=self.recommendation,
            existing=self.existing,
            **kwargs,
        )

    def perform(self, form):
        return services.choice_save(
            plan=self.plan,
            platform=self.platform,
            priority=form.cleaned_data["priority"],
            rationale=form.cleaned_data["rationale"],
            actor=self.request.user,
            recommendation=self.recommendation,
        )

    def success_message(self, choice):
        if choice.demoted is not None:
            return _("%(platform)s is now the main platform; %(previous)s became secondary.") % {
                "platform": self.platform.name,
                "previous": choice.demoted.platform_name,
            }
        return _("%(platform)s is in the plan.") % {"platform": self.platform.name}

    def get_success_url(self, choice):
        return self.step_url()


class PlatformSetChooseView(PlanStepThreeMixin, View):
    """Choose the recommended set of the saved audience in one click (the step-3 button)."""

    http_method_names = ["post"]
    permission = "edit_plan"

    def post(self, request, *args, **kwargs):
        advice = self.saved_advice
        # The button names the set it showed: if the audience changed since, show the new one.
        if advice is None or tuple(request.POST.getlist("platform")) != advice.set.codes:
            messages.warning(
                request,
                _("The recommended set has changed since the page was loaded: check it again."),
            )
            return redirect(self.step_url())
        try:
            with integrity_errors():
                created = services.choice_save_set(
                    plan=self.plan, advice=advice, actor=request.user
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.step_url())
        if not created:
            messages.info(request, _("Every platform of the set was already in the plan."))
        else:
            main = [
                c.platform_name for c in created if c.priority == PlatformChoice.Priority.PRIMARY
            ]
            message = ngettext(
                "%(names)s added to the plan: review its priority and rationale below.",
                "%(names)s added to the plan: review their priorities and rationales below.",
                len(created),
            ) % {"names": ", ".join(c.platform_name for c in created)}
            if main:
                message += " " + _("%(name)s is the main platform.") % {"name": main[0]}
            messages.success(request, message)
        return redirect(self.step_url())


class PlatformChoiceRemoveView(PlanStepThreeMixin, ConfirmView):
    permission = "edit_plan"
    confirm_title = gettext_lazy("Remove a platform from the plan")
    confirm_label = gettext_lazy("Remove")

    @cached_property
    def choice(self) -> PlatformChoice:
        return get_or_404(selectors.choice_get, plan=self.plan, pk=self.kwargs["choice_pk"])

    def confirm_subject(self):
        return f"{self.choice.platform_name} · {self.plan.title}"

    def confirm_message(self):
        return _("%(name)s and its rationale will be removed from “%(title)s”.") % {
            "name": self.choice.platform_name,
            "title": self.plan.title,
        }

    def get_cancel_url(self):
        return self.step_url()

    def perform(self):
        name = self.choice.platform_name
        services.choice_delete(choice=self.choice, actor=self.request.user)
        return _("%(platform)s was removed from the plan.") % {"platform": name}
