"""Downloads of the statistics as CSV or XLSX, in the import layouts' columns."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views import View

from core.exports import table_response
from core.permissions import OrgViewMixin

from ..months import month_code, parse_month
from ..selectors import exports as selectors

KINDS = {
    "monthly": (selectors.MONTHLY_COLUMNS, selectors.monthly_export_rows, "monthly-statistics"),
    "posts": (selectors.POST_COLUMNS, selectors.post_export_rows, "post-statistics"),
}
FORMATS = ("csv", "xlsx")


class StatsExportView(OrgViewMixin, View):
    """``?kind=monthly|posts&format=csv|xlsx[&from=YYYY-MM&to=YYYY-MM]``: every member may
    download what they can read; a value outside these is a 400, never a guess."""

    permission = "view"

    def get(self, request, *args, **kwargs):
        kind = request.GET.get("kind") or "monthly"
        fmt = request.GET.get("format") or "csv"
        if kind not in KINDS or fmt not in FORMATS:
            return HttpResponseBadRequest(_("Unknown kind or format of export."))
        try:
            first = parse_month(request.GET["from"]) if request.GET.get("from") else None
            last = parse_month(request.GET["to"]) if request.GET.get("to") else None
        except ValueError:
            return HttpResponseBadRequest(_("Months are written YYYY-MM, for example 2026-01."))
        header, rows, name = KINDS[kind]
        filename = "-".join(
            [self.org.slug, name]
            + ([month_code(first)] if first else [])
            + ([month_code(last)] if last else [])
        )
        return table_response(filename, header, rows(org=self.org, first=first, last=last), fmt=fmt)
