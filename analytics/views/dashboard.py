"""The statistics dashboard and its charts' CSV downloads (read only, every member)."""

from urllib.parse import urlencode

from django.http import Http404
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.exports import table_response
from core.permissions import OrgViewMixin
from core.tenancy import org_reverse

from .. import charts
from ..months import month_code
from ..selectors import dashboard as selectors


class DashboardMixin(OrgViewMixin):
    def get_filters(self) -> selectors.DashboardFilters:
        return selectors.dashboard_filters(org=self.org, params=self.request.GET)

    def get_dashboard(self, filters) -> selectors.Dashboard:
        return selectors.dashboard_data(
            self.org,
            period=filters.period,
            platform_code=filters.platform_code,
            channel_id=filters.channel_id,
        )


class DashboardView(DashboardMixin, TemplateView):
    template_name = "analytics/dashboard.html"

    def get_breadcrumbs(self):
        return [(_("Statistics"), None)]

    def get_context_data(self, **kwargs):
        filters = self.get_filters()
        has_figures = selectors.rollups_exist(org=self.org)
        dashboard = self.get_dashboard(filters) if has_figures else None
        query = urlencode(filters.query())
        tables = charts.chart_tables(dashboard) if dashboard else []
        for table in tables:
            url = org_reverse("analytics:chart_csv", self.org, chart=table.code)
            table.csv_url = f"{url}?{query}"
        return super().get_context_data(
            filters=filters,
            has_figures=has_figures,
            dashboard=dashboard,
            tables=tables,
            chart_data={t.code: t.chart for t in tables},
            from_value=month_code(filters.period.first),
            to_value=month_code(filters.period.last),
            monthly_grid_url=org_reverse("analytics:monthly_grid", self.org),
            **kwargs,
        )


class ChartCsvView(DashboardMixin, View):
    """``/stats/charts/<chart>.csv?<the dashboard's filters>``: one chart's data table."""

    def get(self, request, *args, **kwargs):
        build = charts.BUILDERS.get(kwargs["chart"])
        if build is None:
            raise Http404("No such chart")
        filters = self.get_filters()
        table = build(self.get_dashboard(filters))
        period = filters.period
        name = f"{table.code}-{month_code(period.first)}-{month_code(period.last)}"
        return table_response(name, table.header, table.csv_rows())
