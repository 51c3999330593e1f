from pathlib import Path

from django.core.management.base import BaseCommand

from platforms.services.catalogue import CATALOGUE_PATH, catalogue_load


class Command(BaseCommand):
    help = (
        "Load the platform catalogue (fixtures/platforms.json). Adds missing platforms, figures "
        "and image formats; never overwrites rows edited in the admin. Safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", type=Path, default=CATALOGUE_PATH)

    def handle(self, *args, path, **options):
        report = catalogue_load(path=path)
        self.stdout.write(f"Platform catalogue: {report}.")
