"""Step 7's pages: statistics entry, imports, the dashboard, exports and a plan's evaluation."""

from core.urls import org_path

from .views import dashboard

app_name = "analytics"

urlpatterns: list = [
    org_path("stats/", dashboard.DashboardView.as_view(), name="dashboard"),
    org_path("stats/charts/<str:chart>.csv", dashboard.ChartCsvView.as_view(), name="chart_csv"),
]
