"""Access to one plan, for the views of every step (``/o/<org>/plans/<plan_pk>/...``).

Each step's views import this module, never another step's views, so steps depend on the
plan and not on each other.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from core.permissions import OrgObjectMixin
from core.tenancy import get_or_404, org_reverse

from .models import Plan
from .selectors.plan import plan_get


class PlanObjectMixin(OrgObjectMixin):
    """``self.plan`` is the URL's plan of the organisation (else a 404, whatever the method)."""

    @cached_property
    def plan(self) -> Plan:
        return get_or_404(plan_get, org=self.org, pk=self.kwargs["plan_pk"])

    def get_org_object(self):
        return self.plan

    def get_breadcrumbs(self):
        """Plans › this plan; a step's page adds itself after them."""
        plans = org_reverse("planner:plan_list", self.org)
        return [(_("Plans"), plans), (self.plan.title, self.plan.get_absolute_url())]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("plan", self.plan)
        return super().get_context_data(**kwargs)
