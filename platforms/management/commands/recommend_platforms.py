"""``recommend_platforms``: the recommender from the command line (DESIGN.md contract)."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from platforms import recommender
from platforms.selectors.catalogue import platform_list

USAGE_ERROR = 2


class Command(BaseCommand):
    help = (
        "Rank every platform for audience segments and content types, and name the "
        "recommended set (marked *). Example: "
        "recommend_platforms --segment 6-11:1 --segment 30-45:2 --content image,video "
        "--goal events --format json"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--segment",
            action="append",
            required=True,
            metavar="MIN-MAX[:WEIGHT]",
            help="an audience age range, optionally weighted; repeat for several",
        )
        parser.add_argument(
            "--content",
            required=True,
            metavar="TYPES",
            help=f"comma-separated content types among {', '.join(recommender.CONTENT_TYPES)}",
        )
        parser.add_argument("--goal", choices=None, help=f"one of {', '.join(recommender.GOALS)}")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, segment, content, goal, format, **options):
        try:
            segments = [recommender.parse_segment(text) for text in segment]
            content_types = [c.strip() for c in content.split(",") if c.strip()]
            advice = recommender.advise(
                platforms=[p.to_profile() for p in platform_list()],
                segments=segments,
                content_types=content_types,
                goal=goal or None,
                today_year=timezone.localdate().year,
            )
        except ValueError as error:
            raise CommandError(str(error), returncode=USAGE_ERROR) from error
        if not advice.ranking:
            raise CommandError(_("The platform catalogue is empty: run load_platforms first."))
        if format == "json":
            self.stdout.write(
                json.dumps([r.as_dict() for r in advice.ranking], ensure_ascii=False, indent=2)
            )
            return
        self.stdout.write(_("Recommended set:"))
        for member in advice.set.members:
            self.stdout.write(f"  * {member.name}: {'; '.join(member.adds)}")
        for warning in advice.set.warnings:
            self.stdout.write(f"  ! {warning}")
        self.stdout.write("")
        for rank, result in enumerate(advice.ranking, start=1):
            mark = "*" if result.recommended else " "
            self.stdout.write(f"{rank:>2}.{mark}{result.name:<16} {result.score:.2f}")
            for reason in result.reasons:
                self.stdout.write(f"      + {reason}")
            for warning in result.warnings:
                self.stdout.write(f"      ! {warning}")
