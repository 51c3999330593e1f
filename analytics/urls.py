"""Step 7's pages: statistics entry, imports, the dashboard, exports and a plan's evaluation."""

from core.urls import org_path

from .views import evaluation, exports

app_name = "analytics"

urlpatterns: list = []

# A plan's evaluation, its printable report, and the statistics downloads.
urlpatterns += [
    org_path(
        "plans/<int:plan_pk>/evaluation/",
        evaluation.PlanEvaluationView.as_view(),
        "plan_evaluation",
    ),
    org_path(
        "plans/<int:plan_pk>/evaluation/report/",
        evaluation.PlanReportView.as_view(),
        "plan_report",
    ),
    org_path("stats/export/", exports.StatsExportView.as_view(), "stats_export"),
]
