"""``stats_summary``: what the dashboard shows, from the rollups (DESIGN.md contract)."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts.models import Organization
from analytics.months import parse_month
from analytics.selectors.dashboard import summary_json


class Command(BaseCommand):
    help = (
        "Print an organisation's monthly figures per channel (from the rollups the dashboard "
        "reads), with their totals. Example: stats_summary --org my-library --from 2025-01 "
        "--to 2025-12 --format json"
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, metavar="SLUG", help="the organisation")
        parser.add_argument("--from", dest="first", metavar="YYYY-MM", help="the first month")
        parser.add_argument("--to", dest="last", metavar="YYYY-MM", help="the last month")
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, org, first, last, format, **options):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(_("No organisation with the slug “%(slug)s”.") % {"slug": org})
        months = {}
        for name, text in (("--from", first), ("--to", last)):
            if text is None:
                months[name] = None
                continue
            try:
                months[name] = parse_month(text)
            except ValueError as error:
                message = _("%(option)s must be a month written YYYY-MM, not “%(value)s”.")
                raise CommandError(message % {"option": name, "value": text}) from error
        if months["--from"] and months["--to"] and months["--from"] > months["--to"]:
            raise CommandError(_("--from must not come after --to."))
        summary = summary_json(organization, months["--from"], months["--to"])
        if format == "json":
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
            return
        self._table(summary)

    def _table(self, summary):
        if not summary["months"]:
            self.stdout.write(_("No figures."))
            return
        headings = (_("Month"), _("Channel"), _("Kind"), _("Views"), _("Interactions"))
        headings += (_("Followers"),)
        rows = [
            (
                r["month"],
                r["channel"],
                r["kind"],
                f"{r['views']:,}",
                f"{r['interactions']:,}",
                "—" if r["followers"] is None else f"{r['followers']:,}",
            )
            for r in summary["months"]
        ]
        totals = summary["totals"]
        rows.append((_("Total"), "", "", f"{totals['views']:,}", f"{totals['interactions']:,}", ""))
        widths = [max(len(str(row[i])) for row in [headings, *rows]) for i in range(6)]
        for row in [headings, *rows]:
            cells = [
                str(cell).ljust(width) if i < 3 else str(cell).rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            ]
            self.stdout.write("  ".join(cells).rstrip())
