"""`make bench`: time the main pages of a large organisation, and count their queries.

Builds a throwaway SQLite database (or uses DATABASE_URL when set) with one organisation holding
BENCH_SCALE plans, channels, members, activity entries and audience segments, then requests each
page REPEAT times with Django's test client and prints the median time and the query count.
Results also go to bench/results/<timestamp>.json (git-ignored).
"""

import datetime
import json
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCALE = int(os.environ.get("BENCH_SCALE", "500"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))

workdir = Path(tempfile.mkdtemp(prefix="vitrine-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_MEDIA_ROOT", str(workdir / "media"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

# Static files are not collected for a bench run; WhiteNoise's warning about it is noise here.
warnings.filterwarnings("ignore", message="No directory at")

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import ActivityEntry, Membership, Organization, Role  # noqa: E402
from planner.models import BenefitRisk, Goal, GoalTransition, Objective, Plan  # noqa: E402
from platforms.models import AudienceSegment, Channel, Platform, PlatformChoice  # noqa: E402
from platforms.services.catalogue import catalogue_load  # noqa: E402
from platforms.services.plan import audience_update  # noqa: E402


def build(scale: int):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    call_command("migrate", verbosity=0)
    catalogue_load()
    org = Organization.objects.create(name="Bench library", slug="bench", language="en")
    users = User.objects.bulk_create(
        User(username=f"u{i}@bench.example", email=f"u{i}@bench.example") for i in range(scale)
    )
    admin = users[0]
    admin.set_password("bench")
    admin.save()
    Membership.objects.bulk_create(
        Membership(organization=org, user=u, role=Role.ADMIN if i == 0 else Role.EDITOR)
        for i, u in enumerate(users)
    )
    platforms = list(Platform.objects.all())
    Channel.objects.bulk_create(
        Channel(organization=org, platform=platforms[i % len(platforms)], name=f"Channel {i}")
        for i in range(scale)
    )
    plans = Plan.objects.bulk_create(
        Plan(organization=org, title=f"Plan {i}", created_by=admin) for i in range(scale)
    )
    plan = plans[0]
    audience_update(
        plan=plan,
        segments=[{"label": "Families", "age_min": 25, "age_max": 44, "weight": 1}],
        content_types=["image", "video"],
        goal="events",
        preset="",
        actor=admin,
    )
    AudienceSegment.objects.bulk_create(
        AudienceSegment(plan=plan, label=f"S{i}", age_min=10, age_max=60, position=i + 1)
        for i in range(7)
    )
    PlatformChoice.objects.bulk_create(
        PlatformChoice(plan=plan, platform=p, platform_name=p.name, priority=i, chosen_by=admin)
        for i, p in enumerate(platforms)
    )
    ActivityEntry.objects.bulk_create(
        ActivityEntry(
            organization=org, actor=admin, verb="channel.create", params={"name": f"Entry {i}"}
        )
        for i in range(scale * 4)
    )
    build_steps_1_and_2(plan, admin, scale)
    build_step_7(org, plan, admin, scale)
    return org, plan, admin


def build_steps_1_and_2(plan, admin, scale: int) -> None:
    """Steps 1-2 of the measured plan: ``scale`` register lines and SMART goals (a tenth of
    them submitted, so the review queue has ``scale / 10`` goals waiting)."""
    BenefitRisk.objects.bulk_create(
        BenefitRisk(
            plan=plan,
            kind="risk" if i % 2 else "benefit",
            title=f"Line {i}",
            likelihood=1 + i % 5 if i % 2 else None,
            impact=1 + (i // 5) % 5 if i % 2 else None,
            owner=admin,
            position=i,
        )
        for i in range(scale)
    )
    top = Objective.objects.create(plan=plan, level="organisation", title="Mission")
    marketing = Objective.objects.create(plan=plan, level="marketing", parent=top, title="Promote")
    socials = Objective.objects.bulk_create(
        Objective(plan=plan, level="social_media", parent=marketing, title=f"Social {i}")
        for i in range(10)
    )
    today = datetime.date.today()
    goals = Goal.objects.bulk_create(
        Goal(
            plan=plan,
            objective=socials[i % 10],
            statement=f"Goal {i}",
            metric="views",
            baseline=10,
            target=20,
            starts_on=today,
            deadline=today + datetime.timedelta(days=180),
            owner=admin,
            created_by=admin,
            status="submitted" if i % 10 == 0 else "draft",
        )
        for i in range(scale)
    )
    GoalTransition.objects.bulk_create(
        GoalTransition(goal=g, transition="submit", from_status="draft", to_status="submitted")
        for g in goals
        if g.status == "submitted"
    )


def build_step_7(org, plan, admin, scale: int) -> None:
    """Step 7: 24 months of figures for every channel, ``scale`` posts, the rollups, and the
    measured plan's period over those months."""
    from analytics.models import MonthlyStat, PostStat
    from analytics.months import add_months, last_complete_month
    from analytics.services.rollups import rollups_recompute

    last = last_complete_month(datetime.date.today())
    months = [add_months(last, -i) for i in range(24)]
    channels = list(Channel.objects.for_org(org))
    MonthlyStat.objects.bulk_create(
        (
            MonthlyStat(
                organization=org,
                channel=channel,
                month=month,
                views=1000 + i * 7 + j,
                interactions=50 + j,
                followers=500 + j,
                posts_published=10,
            )
            for i, channel in enumerate(channels)
            for j, month in enumerate(months)
        ),
        batch_size=2000,
    )
    PostStat.objects.bulk_create(
        PostStat(
            organization=org,
            channel=channels[i % len(channels)],
            published_on=add_months(last, -(i % 24)) + datetime.timedelta(days=i % 27),
            title=f"Post {i}",
            views=100 + i,
            interactions=i % 50,
            avg_watch_seconds=60 + i % 120,
        )
        for i in range(scale)
    )
    started = time.perf_counter()
    rollups_recompute(org.pk)
    ROLLUP_SECONDS.append(time.perf_counter() - started)
    Plan.objects.filter(pk=plan.pk).update(starts_on=months[-1], ends_on=last)


ROLLUP_SECONDS: list[float] = []


def measure(client: Client, url: str) -> tuple[float, int]:
    times = []
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return statistics.median(times), len(queries)


def main() -> None:
    settings.DEBUG = False
    org, plan, admin = build(SCALE)
    client = Client()
    client.force_login(admin)
    slug = {"org_slug": org.slug}
    pages = {
        "home": reverse("core:home", kwargs=slug),
        "plan list": reverse("planner:plan_list", kwargs=slug),
        "plan detail": reverse("planner:plan_detail", kwargs=slug | {"plan_pk": plan.pk}),
        "plan platforms (step 3)": reverse(
            "platforms:plan_platforms", kwargs=slug | {"plan_pk": plan.pk}
        ),
        "selection matrix": reverse("platforms:matrix", kwargs=slug) + f"?plan={plan.pk}",
        "platform detail": reverse(
            "platforms:platform_detail", kwargs=slug | {"platform_code": "facebook"}
        ),
        "channel list": reverse("platforms:channel_list", kwargs=slug),
        "member list": reverse("accounts:member_list", kwargs=slug),
        "activity": reverse("accounts:activity_list", kwargs=slug),
        "benefits and risks (step 1)": reverse(
            "planner:benefits", kwargs=slug | {"plan_pk": plan.pk}
        ),
        "objectives (step 2)": reverse("planner:objectives", kwargs=slug | {"plan_pk": plan.pk}),
        "goal detail": reverse(
            "planner:goal_detail",
            kwargs=slug | {"plan_pk": plan.pk, "goal_pk": plan.goals.order_by("pk").first().pk},
        ),
        "review queue": reverse("planner:review_queue", kwargs=slug),
        "notifications": reverse("accounts:notification_list", kwargs=slug),
        "stats dashboard (step 7)": reverse("analytics:dashboard", kwargs=slug),
        "monthly grid": reverse("analytics:monthly_grid", kwargs=slug),
        "post figures": reverse("analytics:poststat_list", kwargs=slug),
        "imports": reverse("analytics:import_list", kwargs=slug),
        "plan evaluation": reverse("analytics:plan_evaluation", kwargs=slug | {"plan_pk": plan.pk}),
        "evaluation report": reverse("analytics:plan_report", kwargs=slug | {"plan_pk": plan.pk}),
    }
    lines = [
        f"Vitrine bench — {SCALE} plans/channels/members, {SCALE * 4} activity entries, "
        f"median of {REPEAT} requests, {connection.vendor}",
        f"{'page':28} {'median ms':>10} {'queries':>8}",
    ]
    rows = []
    for name, url in pages.items():
        median, queries = measure(client, url)
        rows.append({"page": name, "url": url, "median_ms": round(median, 1), "queries": queries})
        lines.append(f"{name:28} {median:10.1f} {queries:8d}")
    lines.append(
        f"rollups of {SCALE * 24:,} monthly rows and {SCALE} posts rebuilt in "
        f"{ROLLUP_SECONDS[0] * 1000:.0f} ms"
    )
    print("\n".join(lines))
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    report = {
        "scale": SCALE,
        "repeat": REPEAT,
        "database": connection.vendor,
        "pages": rows,
        "rollups_seconds": round(ROLLUP_SECONDS[0], 2),
    }
    path = results / time.strftime("%Y%m%d-%H%M%S.json")
    path.write_text(json.dumps(report, indent=2) + "\n")
    print(f"written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
