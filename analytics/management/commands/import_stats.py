"""``import_stats``: the statistics importer from the command line (DESIGN.md contract).

``python manage.py import_stats FILE --org SLUG [--kind monthly|posts] [--channel NAME]
[--dry-run]``: the same services as the web page, run synchronously. Prints the layout, the
rows, what was added and updated, and the totals; on any invalid row prints every error
(line, column, message) to stderr, exits 1 and writes nothing. ``--dry-run`` validates only.
"""

import os

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Organization
from analytics.importing.errors import error_message, where
from analytics.importing.validate import ChannelIndex, ChannelRef
from analytics.services import imports as services
from platforms.models import Channel


class Command(BaseCommand):
    help = (
        "Import monthly or per-post statistics from a CSV or XLSX file (Vitrine's layouts, or "
        "the post exports of Meta Business Suite, YouTube Studio and TikTok Studio). Writes "
        "nothing and exits 1 if any row is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .xlsx file")
        parser.add_argument("--org", required=True, metavar="SLUG", help="the organisation")
        parser.add_argument("--kind", choices=["monthly", "posts"], help="when not detected")
        parser.add_argument(
            "--channel",
            metavar="NAME",
            help="the channel (name or handle) a network's export belongs to",
        )
        parser.add_argument("--dry-run", action="store_true", help="validate only, write nothing")

    def handle(self, *args, file, org, kind, channel, dry_run, **options):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"No organisation has the slug “{org}”.")
        chosen = self._channel(organization, channel) if channel else None
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        filename = os.path.basename(file)
        analysed = services.import_analyse(
            org=organization, data=data, filename=filename, kind=kind, channel=chosen
        )
        result = analysed[0]
        if result.layout is not None:
            self.stdout.write(f"Layout: {result.layout.label} ({result.layout.code})")
        self.stdout.write(f"Rows: {result.total_rows}")
        if result.errors:
            for error in result.errors:
                place = where(error)
                self.stderr.write(
                    f"{place}: {error_message(error)}" if place else error_message(error)
                )
            raise CommandError(
                f"{len(result.errors)} error(s): nothing was imported.", returncode=1
            )
        self._totals(result.totals)
        if dry_run:
            self.stdout.write("Dry run: the file is valid; nothing was written.")
            return
        with open(file, "rb") as handle:
            batch = services.import_batch_create(
                org=organization,
                actor=None,
                upload=File(handle, name=filename),
                kind=kind,
                channel=chosen,
            )
        # The file was just validated: the batch takes that result rather than reading it again.
        batch = services.import_check(batch, analysed=analysed)
        batch = services.import_commit(batch, actor=None, analysed=analysed)
        if batch.status != batch.Status.DONE:
            for error in batch.errors:
                self.stderr.write(f"{where(error)}: {error_message(error)}")
            raise CommandError(
                f"The import did not complete ({batch.status}): nothing was written."
            )
        self.stdout.write(f"Added: {batch.created_count}")
        self.stdout.write(f"Updated: {batch.updated_count}")
        self.stdout.write(self.style.SUCCESS(f"Imported as batch {batch.pk}."))

    def _channel(self, organization, name):
        refs = [
            ChannelRef(pk, n, h or "")
            for pk, n, h in Channel.objects.for_org(organization).values_list(
                "pk", "name", "handle"
            )
        ]
        pk, code = ChannelIndex(refs).resolve(name)
        if code == "ambiguous_channel":
            raise CommandError(f"“{name}” is the handle of several channels: give its name.")
        if pk is None:
            raise CommandError(f"No channel of {organization.slug} is called “{name}”.")
        return Channel.objects.get(pk=pk)

    def _totals(self, totals):
        for name, value in totals.items():
            self.stdout.write(f"Total {name.replace('_', ' ')}: {value}")
