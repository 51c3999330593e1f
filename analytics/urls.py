"""Step 7's pages: statistics entry, imports, the dashboard, exports and a plan's evaluation."""

from core.urls import org_path

from .views import imports

app_name = "analytics"

urlpatterns: list = [
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
