"""Step 7's pages: statistics entry, imports, the dashboard, exports and a plan's evaluation."""

from core.urls import org_path

from .views import dashboard, evaluation, exports, grid, imports, posts

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
    # Statistics files: history and upload, then each import's progress, preview and result.
    org_path("stats/imports/", imports.ImportListView.as_view(), "import_list"),
    org_path("stats/imports/template/", imports.ImportTemplateView.as_view(), "import_template"),
    org_path("stats/imports/<int:batch_pk>/", imports.ImportDetailView.as_view(), "import_detail"),
    org_path(
        "stats/imports/<int:batch_pk>/progress/",
        imports.ImportProgressView.as_view(),
        "import_progress",
    ),
    org_path(
        "stats/imports/<int:batch_pk>/confirm/",
        imports.ImportConfirmView.as_view(),
        "import_confirm",
    ),
    org_path(
        "stats/imports/<int:batch_pk>/cancel/", imports.ImportCancelView.as_view(), "import_cancel"
    ),
]
