"""The statistics import pages: history and upload, a batch's progress and preview, its
confirmation or cancellation, and the templates of Vitrine's two layouts.

Every page is the organisation's; writing (upload, confirm, cancel) needs
``enter_statistics`` (contributors and up). The work itself is the services' and the worker's
(``analytics.services.imports``): the pages show where a batch is, and poll while it runs.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView

from core.exports import table_response
from core.forms import apply_validation_error
from core.generic import ConfirmView
from core.htmx import render_page_or_partial
from core.listing import ChoiceFilter, ListingMixin, chosen
from core.permissions import OrgObjectMixin, OrgViewMixin
from core.tenancy import get_or_404, org_reverse

from ..figures import format_duration
from ..forms.imports import ImportUploadForm
from ..importing import layouts
from ..importing.errors import error_message
from ..models import ImportBatch, PostStat
from ..selectors import imports as selectors
from ..services import imports as services

ERRORS_PER_PAGE = 50


def imports_url(org) -> str:
    return org_reverse("analytics:import_list", org)


def batch_url(name: str, batch) -> str:
    return org_reverse(f"analytics:{name}", batch.organization, batch_pk=batch.pk)


class ImportListView(ListingMixin, OrgViewMixin, ListView):
    """The history of imports; contributors upload a file from the form above it."""

    write_permission = "enter_statistics"
    template_name = "analytics/import_list.html"
    context_object_name = "batches"
    paginate_by = 25
    list_filters = (
        ChoiceFilter("kind", gettext_lazy("Kind"), ImportBatch.Kind.choices, gettext_lazy("All")),
    )
    sorts = {"recent": gettext_lazy("Most recent"), "filename": gettext_lazy("File name")}

    def get_breadcrumbs(self):
        return [(_("Statistics imports"), None)]

    def get_queryset(self):
        return selectors.import_list(org=self.org, filters=self.filters)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ImportUploadForm(org=self.org))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = ImportUploadForm(request.POST, request.FILES, org=self.org)
        if form.is_valid():
            try:
                batch = services.import_upload(
                    org=self.org,
                    actor=request.user,
                    upload=form.cleaned_data["file"],
                    kind=form.cleaned_data["kind"] or None,
                    channel=form.cleaned_data["channel"],
                )
            except ValidationError as error:
                apply_validation_error(form, error, field="file")
            else:
                messages.success(
                    request,
                    _("“%(filename)s” was uploaded.") % {"filename": batch.filename},
                )
                return redirect(batch_url("import_detail", batch))
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form))


class ImportObjectMixin(OrgObjectMixin):
    @cached_property
    def batch(self) -> ImportBatch:
        return get_or_404(selectors.import_get, org=self.org, pk=self.kwargs["batch_pk"])

    def get_org_object(self):
        return self.batch

    def batch_name(self) -> str:
        return _("%(filename)s (import %(number)s)") % {
            "filename": self.batch.filename,
            "number": self.batch.pk,
        }

    def get_breadcrumbs(self):
        return [
            (_("Statistics imports"), imports_url(self.org)),
            (self.batch_name(), batch_url("import_detail", self.batch)),
        ]

    def progress_context(self) -> dict:
        done, total = selectors.import_progress(self.batch)
        return {
            "batch": self.batch,
            "done": done,
            "total": total,
            "percent": min(100, done * 100 // total) if done is not None and total else None,
            "progress_url": batch_url("import_progress", self.batch),
        }


def _preview_rows(batch) -> tuple[list, list]:
    """The preview's (column labels, rows of cells) in the order of the stored fields."""
    rows = batch.preview.get("rows") or []
    if batch.kind == ImportBatch.Kind.MONTHLY:
        keys = ["month", "channel", "views", "interactions", "followers", "posts_published"]
    else:
        keys = ["published_on", "channel", "title", "format", "views", "interactions"]
        keys += ["avg_watch_seconds", "external_id"]
    labels = [layouts.KEY_LABELS.get(k, k) for k in keys]
    formats = dict(PostStat.Format.choices)
    table = []
    for row in rows:
        cells = []
        for key in keys:
            value = row.get(key)
            if key == "avg_watch_seconds":
                value = format_duration(value)
            elif key == "format":
                value = formats.get(value, value)
            elif isinstance(value, int) and key != "external_id":
                value = number_format(value, force_grouping=True)
            cells.append(value)
        table.append((row.get("line"), cells))
    return labels, table


class ImportDetailView(ImportObjectMixin, TemplateView):
    """One import: its progress while it runs, then its preview, its errors or its result."""

    template_name = "analytics/import_detail.html"

    def get_breadcrumbs(self):
        imports, (name, _url) = super().get_breadcrumbs()
        return [imports, (name, None)]

    def get_context_data(self, **kwargs):
        batch = self.batch
        layout = layouts.BY_KEY.get(batch.preview.get("layout_key", ""))
        mapping = [
            (header, layouts.KEY_LABELS.get(key, key))
            for header, key in batch.preview.get("mapping") or []
        ]
        labels, rows = _preview_rows(batch)
        errors_page = Paginator(batch.errors, ERRORS_PER_PAGE).get_page(
            self.request.GET.get("errors")
        )
        errors = [{**error, "message": error_message(error)} for error in errors_page.object_list]
        totals = [
            (layouts.TOTAL_LABELS.get(key, key), value)
            for key, value in (batch.totals or {}).items()
        ]
        return super().get_context_data(
            **self.progress_context(),
            batch_name=self.batch_name(),
            layout=layout,
            mapping=mapping,
            preview_labels=labels,
            preview_rows=rows,
            errors=errors,
            errors_page=errors_page,
            errors_hidden=max(0, batch.error_count - len(batch.errors)),
            totals=totals,
            **kwargs,
        )


class ImportProgressView(ImportObjectMixin, TemplateView):
    """The progress bar: a page of its own without JavaScript, the fragment the detail page
    polls (every second, only while the batch runs) with htmx. Once the batch has stopped,
    the fragment asks htmx to reload the detail page, which then shows the result."""

    template_name = "analytics/import_progress.html"

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (_("Progress"), None)]

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**self.progress_context(), batch_name=self.batch_name())
        response = render_page_or_partial(request, self.template_name, context, partial="progress")
        if getattr(request, "htmx", None) and not self.batch.is_running:
            response["HX-Refresh"] = "true"
        return response


class ImportConfirmView(ImportObjectMixin, ConfirmView):
    """Confirm a ready import: the detail page's button posts here directly."""

    permission = "enter_statistics"
    confirm_title = gettext_lazy("Import the statistics")
    confirm_label = gettext_lazy("Import")
    confirm_style = "primary"

    def confirm_subject(self):
        return self.batch_name()

    def confirm_message(self):
        return _(
            "The %(rows)s rows of “%(filename)s” will be written, all or nothing; rows already "
            "imported are updated in place."
        ) % {"rows": self.batch.total_rows, "filename": self.batch.filename}

    def get_cancel_url(self):
        return batch_url("import_detail", self.batch)

    def perform(self):
        services.import_start(batch=self.batch, actor=self.request.user)
        return _("The import of “%(filename)s” has started.") % {"filename": self.batch.filename}


class ImportCancelView(ImportObjectMixin, ConfirmView):
    permission = "enter_statistics"
    confirm_title = gettext_lazy("Cancel the import")
    confirm_label = gettext_lazy("Cancel the import")

    def confirm_subject(self):
        return self.batch_name()

    def confirm_message(self):
        return _(
            "“%(filename)s” will not be imported and the uploaded file will be deleted. The "
            "history keeps a line saying it was cancelled."
        ) % {"filename": self.batch.filename}

    def get_cancel_url(self):
        return batch_url("import_detail", self.batch)

    def get_success_url(self):
        return imports_url(self.org)

    def perform(self):
        services.import_cancel(batch=self.batch, actor=self.request.user)
        return _("The import of “%(filename)s” was cancelled.") % {"filename": self.batch.filename}


#: The two Vitrine layouts as downloadable templates: their headers and one example row.
TEMPLATES = {
    "monthly": (
        ["month", "channel", "views", "interactions", "followers", "posts"],
        [["2025-01", "Facebook", "12 345", "678", "2 100", "12"]],
    ),
    "posts": (
        ["date", "channel", "title", "url", "views", "interactions", "avg_watch_seconds"],
        [
            [
                "2025-01-15",
                "Facebook",
                "Story time",
                "https://example.org/post/1",
                "1 250",
                "80",
                "1:05",
            ]
        ],
    ),
}


class ImportTemplateView(OrgViewMixin, View):
    """``?kind=monthly`` (default) or ``?kind=posts``: an empty file with the columns."""

    def get(self, request, *args, **kwargs):
        kind = chosen(request, "kind", list(TEMPLATES), "monthly")
        header, rows = TEMPLATES[kind]
        return table_response(f"vitrine-{kind}-statistics", header, rows, fmt="csv")
