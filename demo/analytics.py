"""Step 7 of the demo: figures, so that the dashboard is alive on the first run.

- Every demo channel gets 24 months of plausible monthly figures, ending the month before
  last: last month is left for the demo contributor to enter (the monthly grid's job).
- The health-sciences library gets the 2020 case study of the source material (file 003):
  three posts published on the university's channels and on the libraries' own, and two
  videos, with their views, interactions and watch times; and a 2020 plan holding the
  case study's goals and lessons, so its evaluation compares own and partner reach.

The slides do not name the platforms of the case study's three blocks: block A is read as
Facebook, block B as X and block C (stories) as Instagram; the larger figure of a pair is the
university's channel. The videos' dates are not given either (2017 and 2020 only).
"""

import datetime
import random

from django.utils import timezone

from analytics.models import Evaluation, MonthlyStat, PostStat
from analytics.months import add_months, last_complete_month
from analytics.services.rollups import rollups_recompute
from planner.models import Goal, Objective, Plan
from planner.services.objectives import objective_create
from planner.services.plan import plan_create, plan_transition
from platforms.models import Channel

CASE_ORG = "bu-sciences-sante"
UNIV_FB, OWN_FB = "Facebook de l'Université", "Facebook des bibliothèques"
UNIV_X, OWN_X = "X de l'Université", "X des bibliothèques"
UNIV_IG, OWN_YT = "Instagram de l'Université", "Chaîne YouTube des bibliothèques"

LOCKDOWN = "Les services des bibliothèques pendant le confinement"
REOPENING = "Les bibliothèques rouvrent"
BOOKING = "Réserver des places et des documents"
VIDEO_2017 = "5 raisons d'aller à la bibliothèque et 5 raisons de rester chez soi"
VIDEO_2020 = "J'y vais ou pas ? Petit guide pratique"

#: (channel, date, format, title, views, interactions, average watch seconds)
CASE_POSTS = (
    (UNIV_FB, "2020-03-18", "post", LOCKDOWN, 19279, None, None),
    (OWN_FB, "2020-03-18", "post", LOCKDOWN, 821, None, None),
    (OWN_X, "2020-03-18", "post", LOCKDOWN, 3845, None, None),
    (UNIV_IG, "2020-03-27", "story", "Accès à distance aux logiciels", 4941, None, None),
    (UNIV_FB, "2020-08-18", "post", REOPENING, 21100, None, None),
    (OWN_FB, "2020-08-18", "post", REOPENING, 342, None, None),
    (UNIV_X, "2020-08-18", "post", REOPENING, 3600, None, None),
    (UNIV_IG, "2020-08-18", "story", REOPENING, 2800, None, None),
    (UNIV_IG, "2020-08-18", "post", REOPENING, 14500, None, None),
    (UNIV_FB, "2020-10-01", "post", BOOKING, 16220, None, None),
    (OWN_FB, "2020-10-01", "post", BOOKING, 392, None, None),
    (OWN_X, "2020-10-01", "post", BOOKING, 3089, None, None),
    (UNIV_IG, "2020-10-01", "story", BOOKING, 2973, None, None),
    (OWN_FB, "2017-08-28", "video", VIDEO_2017, 3100, 43, None),
    (UNIV_FB, "2017-08-28", "video", VIDEO_2017, 16456, 996, None),
    (OWN_YT, "2017-08-28", "video", VIDEO_2017, 1257, None, 150),
    (OWN_YT, "2020-08-24", "video", VIDEO_2020, 1138, None, 157),
    (UNIV_FB, "2020-08-24", "video", VIDEO_2020, 5354, 102, None),
    (OWN_FB, "2020-08-24", "video", VIDEO_2020, 3378, 112, None),
)

CASE_PLAN = "Publier par les canaux de l'Université (2020)"
CASE_LESSONS = (
    "Publier par les canaux de l'Université a rejoint la communauté là où elle s'informe déjà : "
    "de 16 000 à 21 000 vues par publication, contre 300 à 800 sur notre propre page. "
    "Il faut respecter les critères et les délais de l'Université, et garder notre page à jour "
    "pour les annonces qu'elle ne relaie pas.\n"
    "Ce que le public voulait en 2020 : savoir quels services restaient offerts pendant les "
    "études (ressources, ordinateurs, internet, espaces, aide à la recherche), connaître l'offre "
    "de base, et comment y accéder à distance ou sur place.\n"
    "À refaire : recueillir les statistiques de chaque publication dès sa parution."
)
#: The case study's goals: (statement, metric, channel, baseline, target, unit).
CASE_GOALS = (
    ("Atteindre 60 000 vues par la page Facebook de l'Université en 2020", "views", UNIV_FB,
     0, 60000, "vues"),
    ("Atteindre 10 000 vues sur notre propre page Facebook en 2020", "views", OWN_FB,
     0, 10000, "vues"),
    ("Garder une durée moyenne de visionnage d'au moins 2 min 30 sur YouTube", "avg_watch_time",
     OWN_YT, 120, 150, "secondes"),
)  # fmt: skip

#: Typical monthly views per (platform, kind); partners reach far more (the case study).
BASE_VIEWS = {
    ("facebook", "own"): 4200,
    ("facebook", "partner"): 38000,
    ("instagram", "own"): 2600,
    ("instagram", "partner"): 24000,
    ("youtube", "own"): 1300,
    ("twitter", "own"): 1500,
    ("twitter", "partner"): 11000,
}
#: A school year: quiet summers, busy Septembers and Januaries.
SEASON = (1.1, 1.0, 1.0, 0.9, 0.8, 0.65, 0.55, 0.9, 1.35, 1.15, 1.0, 0.75)
MONTHS = 24


def seed_statistics(org, admin, today: datetime.date | None = None) -> None:
    """Monthly figures for every channel (and the case study in its organisation), once."""
    today = today or timezone.localdate()
    channels = list(Channel.objects.for_org(org).select_related("platform"))
    last = add_months(last_complete_month(today), -1)
    months = [add_months(last, -i) for i in range(MONTHS - 1, -1, -1)]
    existing = set(MonthlyStat.objects.for_org(org).values_list("channel_id", "month"))
    rows = []
    for channel in channels:
        rng = random.Random(f"{org.slug}/{channel.name}")
        base = BASE_VIEWS.get((channel.platform.code, channel.kind), 1500)
        followers = base // 2
        for index, month in enumerate(months):
            trend = 1 + 0.01 * index
            views = round(base * trend * SEASON[month.month - 1] * rng.uniform(0.85, 1.15))
            followers += round(followers * rng.uniform(0.002, 0.02))
            if (channel.pk, month) in existing:
                continue
            rows.append(
                MonthlyStat(
                    organization=org,
                    channel=channel,
                    month=month,
                    views=views,
                    interactions=round(views * rng.uniform(0.03, 0.07)),
                    followers=followers,
                    posts_published=rng.randint(6, 20)
                    if channel.kind == "own"
                    else rng.randint(1, 4),
                    updated_by=admin,
                )
            )
    MonthlyStat.objects.bulk_create(rows)
    if org.slug == CASE_ORG:
        _seed_case_study(org, admin, {c.name: c for c in channels})
    rollups_recompute(org.pk)


def _seed_case_study(org, admin, channels: dict[str, Channel]) -> None:
    existing = set(
        PostStat.objects.for_org(org).values_list("channel_id", "published_on", "format", "title")
    )
    rows = []
    for name, day, fmt, title, views, interactions, watch in CASE_POSTS:
        channel = channels[name]
        published_on = datetime.date.fromisoformat(day)
        if (channel.pk, published_on, fmt, title) in existing:
            continue
        rows.append(
            PostStat(
                organization=org,
                channel=channel,
                published_on=published_on,
                format=fmt,
                title=title,
                views=views,
                interactions=interactions,
                avg_watch_seconds=watch,
                updated_by=admin,
            )
        )
    PostStat.objects.bulk_create(rows)
    _seed_case_plan(org, admin, channels)


def _seed_case_plan(org, admin, channels: dict[str, Channel]) -> None:
    """The 2020 plan: its cascade, its three goals (reached, missed, reached) and lessons."""
    if Plan.objects.for_org(org).filter(title=CASE_PLAN).exists():
        return
    plan = plan_create(
        org=org,
        actor=admin,
        title=CASE_PLAN,
        description="Étude de cas : joindre la communauté universitaire par les canaux "
        "institutionnels, sans ajouter de personnel ni exiger d'abonnement à nos comptes.",
        starts_on=datetime.date(2020, 3, 1),
        ends_on=datetime.date(2020, 12, 31),
    )
    parent = None
    for level, title in (
        (Objective.Level.ORGANISATION, "Soutenir les études pendant la pandémie"),
        (Objective.Level.MARKETING, "Faire connaître les services offerts à distance et sur place"),
        (Objective.Level.SOCIAL_MEDIA, "Joindre la communauté là où elle s'informe déjà"),
    ):
        parent = objective_create(plan=plan, level=level, actor=admin, title=title, parent=parent)
    # Written as they were approved then: a goal's deadline is in the future only when created.
    Goal.objects.bulk_create(
        Goal(
            plan=plan,
            objective=parent,
            statement=statement,
            metric=metric,
            channel=channels[channel],
            platform=channels[channel].platform,
            baseline=baseline,
            target=target,
            unit=unit,
            starts_on=plan.starts_on,
            deadline=plan.ends_on,
            owner=admin,
            created_by=admin,
            status=Goal.Status.APPROVED,
        )
        for statement, metric, channel, baseline, target, unit in CASE_GOALS
    )
    Evaluation.objects.create(plan=plan, lessons=CASE_LESSONS, updated_by=admin)
    from accounts.models import Membership

    member = Membership.objects.get(organization=org, user=admin)
    for name in ("submit", "approve", "archive"):
        plan_transition(plan=plan, name=name, member=member)
