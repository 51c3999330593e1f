"""Step 7's pages: statistics entry, imports, the dashboard, exports and a plan's evaluation."""

from core.urls import org_path

from .views import dashboard, evaluation, exports, grid, posts

app_name = "analytics"

urlpatterns: list = [
    org_path("stats/", dashboard.DashboardView.as_view(), name="dashboard"),
    org_path("stats/charts/<str:chart>.csv", dashboard.ChartCsvView.as_view(), name="chart_csv"),
    org_path("stats/monthly/", grid.MonthlyGridView.as_view(), name="monthly_grid"),
    org_path(
        "stats/monthly/<int:channel_pk>/<str:month>/",
        grid.MonthlyRowView.as_view(),
        name="monthly_row",
    ),
    org_path("stats/posts/", posts.PostStatListView.as_view(), name="poststat_list"),
    org_path("stats/posts/new/", posts.PostStatCreateView.as_view(), name="poststat_create"),
    org_path(
        "stats/posts/<int:poststat_pk>/edit/",
        posts.PostStatUpdateView.as_view(),
        name="poststat_update",
    ),
    org_path(
        "stats/posts/<int:poststat_pk>/delete/",
        posts.PostStatDeleteView.as_view(),
        name="poststat_delete",
    ),
    # A plan's evaluation, its printable report, and the statistics downloads.
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
