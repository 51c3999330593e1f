"""The platform catalogue: the selection matrix and one platform's page with the local note."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from accounts.models import Role
from core.permissions import OrgViewMixin

from .. import selectors, services
from ..forms import PlatformNoteForm


class MatrixView(OrgViewMixin, TemplateView):
    """Platforms × age bands and content types, highlighting the chosen plan's audience."""

    template_name = "platforms/matrix.html"

    def get_context_data(self, **kwargs):
        plans = list(selectors.plans_with_audience(org=self.org))
        selected = self._selected_plan(plans)
        segments, content_types = [], []
        if selected is not None:
            segments = list(selectors.plan_segments(plan=selected))
            content_types = selected.platform_brief.content_types
        matrix = selectors.build_matrix(
            platforms=selectors.platform_list(), segments=segments, content_types=content_types
        )
        return super().get_context_data(
            matrix=matrix,
            plans=plans,
            selected_plan=selected,
            segments=segments,
            notes=selectors.platform_notes_by_code(org=self.org),
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
    write_role = Role.EDITOR

    @cached_property
    def platform(self):
        return selectors.platform_get(code=self.kwargs["platform_code"])

    @cached_property
    def note(self):
        return selectors.platform_note_get(org=self.org, platform=self.platform)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", PlatformNoteForm(instance=self.note))
        channels = selectors.channel_list(org=self.org, active=None).filter(platform=self.platform)
        return super().get_context_data(
            platform=self.platform, note=self.note, channels=channels, **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = PlatformNoteForm(request.POST, instance=self.note)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        services.platform_note_save(
            org=self.org,
            platform=self.platform,
            text=form.cleaned_data["text"],
            actor=request.user,
        )
        messages.success(
            request, _("Your note on %(platform)s was saved.") % {"platform": self.platform.name}
        )
        return redirect(
            "platforms:platform_detail", org_slug=self.org.slug, platform_code=self.platform.code
        )
