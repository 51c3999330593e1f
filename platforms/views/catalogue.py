"""The platform catalogue: the selection matrix and one platform's page with the local note."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.forms import apply_validation_error
from core.htmx import render_page_or_partial, toast
from core.integrity import integrity_errors
from core.permissions import OrgViewMixin
from core.tenancy import get_or_404, org_reverse

from ..forms.catalogue import PlatformNoteForm
from ..matrix import build_matrix
from ..selectors import catalogue as selectors
from ..selectors.channels import channel_list
from ..selectors.plan import plan_with_audience_list, segment_list
from ..services.catalogue import platform_note_update


class MatrixView(OrgViewMixin, TemplateView):
    """Platforms × age bands and content types, highlighting the chosen plan's audience."""

    template_name = "platforms/matrix.html"

    def get_context_data(self, **kwargs):
        plans = list(plan_with_audience_list(org=self.org))
        selected = self._selected_plan(plans)
        segments, content_types = [], []
        if selected is not None:
            segments = list(segment_list(plan=selected))
            content_types = selected.platform_brief.content_types
        matrix = build_matrix(
            platforms=selectors.platform_list(), segments=segments, content_types=content_types
        )
        return super().get_context_data(
            matrix=matrix,
            plans=plans,
            selected_plan=selected,
            segments=segments,
            notes=selectors.platform_note_by_code(org=self.org),
            **kwargs,
        )

    def _selected_plan(self, plans):
        wanted = self.request.GET.get("plan")
        if wanted == "none":
            return None
        for plan in plans:
            if str(plan.pk) == wanted:
                return plan
        return plans[0] if plans and not wanted else None


class PlatformDetailView(OrgViewMixin, TemplateView):
    """One platform: its figures with sources, image sizes, our channels and our own note."""

    template_name = "platforms/platform_detail.html"
    write_permission = "edit_catalogue_note"

    @cached_property
    def platform(self):
        return get_or_404(selectors.platform_get, code=self.kwargs["platform_code"])

    @cached_property
    def note(self):
        return selectors.platform_note_get(org=self.org, platform=self.platform)

    def get_breadcrumbs(self):
        matrix = org_reverse("platforms:matrix", self.org)
        return [(_("Platforms"), matrix), (self.platform.name, None)]

    def note_form(self, data=None) -> PlatformNoteForm:
        form = PlatformNoteForm(data, instance=self.note)
        # With htmx the card alone is swapped; without, the form posts and the page reloads.
        form.helper.attrs.update(
            {"hx-post": self.request.path, "hx-target": "#note-card", "hx-swap": "outerHTML"}
        )
        return form

    def render_note(self, form):
        context = self.get_context_data(form=form)
        return render_page_or_partial(self.request, self.template_name, context, partial="note")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.note_form())
        channels = channel_list(org=self.org, filters={"state": "all", "platform": self.platform})
        return super().get_context_data(
            platform=self.platform, note=self.note, channels=channels, **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = self.note_form(request.POST)
        if not form.is_valid():
            return self.render_note(form)
        try:
            with integrity_errors():
                self.note = platform_note_update(
                    org=self.org,
                    platform=self.platform,
                    text=form.cleaned_data["text"],
                    actor=request.user,
                )
        except ValidationError as error:
            apply_validation_error(form, error, "text")
            return self.render_note(form)
        message = _("Your note on %(platform)s was saved.") % {"platform": self.platform.name}
        if request.htmx:
            return toast(self.render_note(self.note_form()), message)
        messages.success(request, message)
        return redirect(
            "platforms:platform_detail", org_slug=self.org.slug, platform_code=self.platform.code
        )
