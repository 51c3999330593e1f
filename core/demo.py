"""Demo data: the three example institutions of the source material. Idempotent."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation

from accounts.models import Membership, Organization, Role
from accounts.services import activity_log
from planner.models import Plan
from planner.services.plan import plan_create, plan_transition
from platforms.models import Channel, Platform
from platforms.recommender import PRESETS
from platforms.services.catalogue import catalogue_load
from platforms.services.channels import channel_create
from platforms.services.plan import audience_update, choice_save

DEMO_PASSWORD = "vitrine-demo"  # noqa: S105 — published in the README on purpose
DEMO_DOMAIN = "demo.vitrine.example"


@dataclass(frozen=True)
class DemoOrg:
    slug: str
    name: str
    kind: str
    description: str
    preset: str
    channels: tuple[tuple[str, str, str, str, int], ...]  # platform, name, handle, kind, lead


DEMO_ORGS = (
    DemoOrg(
        "bm-des-ecoles",
        "Bibliothèque municipale des Écoles",
        Organization.Kind.PUBLIC_LIBRARY,
        "Bibliothèque de quartier résidentiel, voisine d'une école primaire; public de familles.",
        "municipal_library",
        (
            ("facebook", "Page Facebook de la bibliothèque", "@bmdesecoles", "own", 0),
            ("instagram", "Instagram de la bibliothèque", "@bmdesecoles", "own", 0),
            ("facebook", "Page de la Ville", "@maville", "partner", 10),
        ),
    ),
    DemoOrg(
        "bu-sciences-sante",
        "Bibliothèque des sciences de la santé",
        Organization.Kind.ACADEMIC_LIBRARY,
        "Bibliothèque universitaire spécialisée : étudiants, chercheurs et professeurs.",
        "university_library",
        (
            ("facebook", "Facebook des bibliothèques", "@bibsante", "own", 0),
            ("facebook", "Facebook de l'Université", "@universite", "partner", 14),
            ("instagram", "Instagram de l'Université", "@universite", "partner", 14),
            ("youtube", "Chaîne YouTube des bibliothèques", "@bibsante", "own", 0),
        ),
    ),
    DemoOrg(
        "archives-moulin",
        "Centre d'archives patrimoniales et Musée du Moulin",
        Organization.Kind.ARCHIVES,
        "Centre d'archives patrimoniales jumelé à un petit musée.",
        "heritage_archives",
        (
            ("facebook", "Facebook du Centre", "@archivesmoulin", "own", 0),
            ("youtube", "YouTube du Musée du Moulin", "@museedumoulin", "own", 0),
        ),
    ),
)

#: One user per role in the first organisation; the admin also runs the two others.
DEMO_USERS = (
    (Role.ADMIN, "Alice", "Admin"),
    (Role.MANAGER, "Mathieu", "Gestionnaire"),
    (Role.EDITOR, "Élise", "Bibliothécaire"),
    (Role.CONTRIBUTOR, "Samuel", "Statistiques"),
    (Role.VIEWER, "Véronique", "Lectrice"),
)


def demo_email(role: str) -> str:
    return f"{role}@{DEMO_DOMAIN}"


@transaction.atomic
def seed_demo() -> list[tuple[str, str, str]]:
    """Create or refresh the demo organisations and users; return (email, password, role)."""
    User = get_user_model()
    orgs = []
    for demo in DEMO_ORGS:
        org, created = Organization.objects.get_or_create(
            slug=demo.slug,
            defaults={"name": demo.name, "kind": demo.kind, "description": demo.description},
        )
        orgs.append((org, created))
    logins = []
    for role, first, last in DEMO_USERS:
        email = demo_email(role)
        user, created = User.objects.get_or_create(
            username=email, defaults={"email": email, "first_name": first, "last_name": last}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(
            organization=orgs[0][0], user=user, defaults={"role": role}
        )
        logins.append((email, DEMO_PASSWORD, role))
    admin = User.objects.get(username=demo_email(Role.ADMIN))
    catalogue_load()
    platforms = {p.code: p for p in Platform.objects.all()}
    for demo, (org, created) in zip(DEMO_ORGS, orgs, strict=True):
        Membership.objects.get_or_create(
            organization=org, user=admin, defaults={"role": Role.ADMIN}
        )
        if created:
            activity_log(org=org, actor=admin, verb="org.create")
        # Demo content is in French, the organisations' language.
        with translation.override("fr"):
            _seed_channels(org, demo, platforms, admin)
            _seed_plan(org, demo, platforms, admin)
    return logins


def _seed_channels(org, demo: DemoOrg, platforms, actor) -> None:
    existing = set(Channel.objects.for_org(org).values_list("name", flat=True))
    for code, name, handle, kind, lead in demo.channels:
        if name not in existing:
            channel_create(
                org=org,
                actor=actor,
                platform=platforms[code],
                name=name,
                handle=handle,
                kind=kind,
                lead_time_days=lead,
            )


def _seed_plan(org, demo: DemoOrg, platforms, actor) -> None:
    """A plan whose audience is the deck's worked example, with the deck's platforms chosen."""
    if Plan.objects.for_org(org).exists():
        return
    year = datetime.date.today().year + 1
    preset = PRESETS[demo.preset]
    plan = plan_create(
        org=org,
        actor=actor,
        title=f"Plan de communication {year}",
        description=str(preset.description),
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
    )
    member = Membership.objects.get(organization=org, user=actor)
    plan_transition(plan=plan, name="activate", member=member)
    audience_update(
        plan=plan,
        segments=[
            {"label": str(s.label), "age_min": s.age_min, "age_max": s.age_max, "weight": s.weight}
            for s in preset.segments
        ],
        content_types=list(preset.content_types),
        goal=preset.goal or "",
        preset=preset.code,
        actor=actor,
    )
    for priority, group in enumerate(preset.expected, start=1):
        code = sorted(group)[0]
        choice_save(
            plan=plan,
            platform=platforms[code],
            priority=priority,
            rationale="Recommandé par la méthode pour ce public (exemple du support de formation).",
            actor=actor,
        )
