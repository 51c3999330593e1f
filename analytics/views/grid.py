"""The monthly entry grid: channels as rows, the month's four figures as columns.

Each row is its own form, posted over htmx when a cell changes or the row is saved; the
server answers with the row again (saved, or with its errors or a confirmation request) and a
toast. Without JavaScript the row's form posts normally: the grid comes back with a message,
or with that row's errors.
"""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.forms import apply_validation_error
from core.htmx import render_page_or_partial, toast
from core.integrity import integrity_errors
from core.permissions import PREDICATES, OrgObjectMixin, OrgViewMixin
from core.tenancy import get_or_404, org_reverse
from platforms.selectors.channels import channel_get

from ..forms.grid import MonthlyRowForm
from ..months import add_months, last_complete_month, month_code, month_start, parse_month
from ..selectors import grid as selectors
from ..services import stats as services

TEMPLATE = "analytics/monthly_grid.html"
#: The event a saved row sends (with the toast): the progress line reloads itself.
SAVED_EVENT = "stats-saved"


def month_label(month) -> str:
    """The month as "January 2026", in the reader’s language."""
    return date_format(month, get_format("YEAR_MONTH_FORMAT"))


def grid_url(org, month) -> str:
    return f"{org_reverse('analytics:monthly_grid', org)}?month={month_code(month)}"


def row_form(row, data=None) -> MonthlyRowForm:
    initial = {name: row.current_value(name) for name in MonthlyRowForm.FIGURES}
    return MonthlyRowForm(data, channel=row.channel, previous=row.previous, initial=initial)


class MonthlyGridMixin(OrgViewMixin):
    template_name = TEMPLATE
    permission = "view"
    write_permission = "enter_statistics"

    @cached_property
    def current_month(self):
        return month_start(timezone.localdate())

    def grid_context(self, month, rows) -> dict:
        entered, total = selectors.grid_completion(rows)
        following = add_months(month, 1)
        return {
            "month": month,
            "month_code": month_code(month),
            "month_label": month_label(month),
            "previous_month_label": month_label(add_months(month, -1)),
            "previous_url": grid_url(self.org, add_months(month, -1)),
            "next_url": grid_url(self.org, following) if following <= self.current_month else "",
            "max_month": month_code(self.current_month),
            "rows": rows,
            "entered": entered,
            "total": total,
            "figures": MonthlyRowForm.FIGURES,
            "figure_labels": [MonthlyRowForm.base_fields[n].label for n in MonthlyRowForm.FIGURES],
        }

    def with_forms(self, rows):
        """Every row gets its (unbound) form when the member may enter figures."""
        if PREDICATES["enter_statistics"](self.membership):
            for row in rows:
                if row.form is None:
                    row.form = row_form(row)
        return rows


class MonthlyGridView(MonthlyGridMixin, TemplateView):
    """``?month=YYYY-MM`` (default: the last complete month; no month to come)."""

    http_method_names = ["get", "head", "options"]

    @cached_property
    def month(self):
        default = last_complete_month(timezone.localdate())
        try:
            month = parse_month(self.request.GET.get("month", ""))
        except ValueError:
            return default
        return month if month <= self.current_month else default

    def get_breadcrumbs(self):
        return [
            (_("Statistics"), org_reverse("analytics:dashboard", self.org)),
            (_("Monthly figures"), None),
        ]

    def get(self, request, *args, **kwargs):
        rows = self.with_forms(selectors.monthly_grid(self.org, self.month))
        context = self.get_context_data(**self.grid_context(self.month, rows))
        return render_page_or_partial(
            request, TEMPLATE, context, partial="progress", target="grid-progress"
        )


class MonthlyRowView(MonthlyGridMixin, OrgObjectMixin, TemplateView):
    """One channel's row of a month: GET shows it (alone on a page, or the row for htmx),
    POST saves it."""

    @cached_property
    def channel(self):
        return get_or_404(channel_get, org=self.org, pk=self.kwargs["channel_pk"])

    def get_org_object(self):
        return self.channel

    @cached_property
    def month(self):
        try:
            month = parse_month(self.kwargs["month"])
        except ValueError:
            raise Http404("No such month") from None
        if month > self.current_month:
            raise Http404("A month to come")
        return month

    def get_breadcrumbs(self):
        return [
            (_("Statistics"), org_reverse("analytics:dashboard", self.org)),
            (_("Monthly figures"), grid_url(self.org, self.month)),
            (self.channel.name, None),
        ]

    def row(self):
        (row,) = selectors.monthly_grid(self.org, self.month, channel=self.channel)
        return row

    def render_row(self, row, *, status=200):
        context = self.get_context_data(single=row, row=row, **self.grid_context(self.month, [row]))
        if getattr(self.request, "htmx", False):
            response = TemplateResponse(self.request, f"{TEMPLATE}#row", context, status=status)
        else:
            response = TemplateResponse(self.request, TEMPLATE, context, status=status)
        patch_vary_headers(response, ["HX-Request"])
        return response

    def get(self, request, *args, **kwargs):
        self.get_org_object()
        return self.render_row(self.with_forms([self.row()])[0])

    def post(self, request, *args, **kwargs):
        self.get_org_object()
        self.month  # noqa: B018  (a month to come is a 404 before anything is read)
        row = self.row()
        form = row_form(row, request.POST)
        row.form = form
        if form.is_valid() and not form.needs_confirmation:
            try:
                with integrity_errors():
                    services.monthly_stat_save(
                        org=self.org,
                        channel=self.channel,
                        month=self.month,
                        values=form.figures(),
                        actor=request.user,
                    )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                return self.saved()
        return self.refused(row, form)

    def saved(self):
        message = _("Saved: %(channel)s, %(month)s") % {
            "channel": self.channel.name,
            "month": month_label(self.month),
        }
        if not self.request.htmx:
            messages.success(self.request, message)
            return redirect(f"{grid_url(self.org, self.month)}#grid-row-{self.channel.pk}")
        response = self.render_row(self.with_forms([self.row()])[0])
        toast(response, message)
        triggers = json.loads(response["HX-Trigger"])
        response["HX-Trigger"] = json.dumps({**triggers, SAVED_EVENT: True})
        return response

    def refused(self, row, form):
        if form.needs_confirmation and not form.errors:
            message = _("Not saved yet: %(channel)s needs your confirmation.")
        else:
            message = _("Not saved: check the figures of %(channel)s.")
        message %= {"channel": self.channel.name}
        if not self.request.htmx:
            # The whole grid again, this row with what was typed and its messages.
            rows = selectors.monthly_grid(self.org, self.month)
            rows = [row if other.channel.pk == row.channel.pk else other for other in rows]
            if row not in rows:
                rows.append(row)
            context = self.get_context_data(**self.grid_context(self.month, self.with_forms(rows)))
            return TemplateResponse(self.request, TEMPLATE, context)
        return toast(self.render_row(row), message)
