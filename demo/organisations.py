"""The demo organisations and one user per role (the logins printed by ``seed_demo``)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from accounts.models import Membership, Organization, Role
from accounts.services import activity_log

DEMO_PASSWORD = "vitrine-demo"  # noqa: S105 — published in the README on purpose
DEMO_DOMAIN = "demo.vitrine.example"


@dataclass(frozen=True)
class DemoOrg:
    slug: str
    name: str
    kind: str
    description: str


DEMO_ORGS = (
    DemoOrg(
        "bm-des-ecoles",
        "Bibliothèque municipale des Écoles",
        Organization.Kind.PUBLIC_LIBRARY,
        "Bibliothèque de quartier résidentiel, voisine d'une école primaire; public de familles.",
    ),
    DemoOrg(
        "bu-sciences-sante",
        "Bibliothèque des sciences de la santé",
        Organization.Kind.ACADEMIC_LIBRARY,
        "Bibliothèque universitaire spécialisée : étudiants, chercheurs et professeurs.",
    ),
    DemoOrg(
        "archives-moulin",
        "Centre d'archives patrimoniales et Musée du Moulin",
        Organization.Kind.ARCHIVES,
        "Centre d'archives patrimoniales jumelé à un petit musée.",
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


def seed_organisations() -> tuple[list[Organization], list[tuple[str, str, str]], object]:
    """The organisations (in ``DEMO_ORGS`` order), the logins, and the admin who runs them."""
    User = get_user_model()
    orgs, created_orgs = [], []
    for demo in DEMO_ORGS:
        org, created = Organization.objects.get_or_create(
            slug=demo.slug,
            defaults={"name": demo.name, "kind": demo.kind, "description": demo.description},
        )
        orgs.append(org)
        if created:
            created_orgs.append(org)
    logins = []
    for role, first, last in DEMO_USERS:
        email = demo_email(role)
        user, created = User.objects.get_or_create(
            username=email, defaults={"email": email, "first_name": first, "last_name": last}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(organization=orgs[0], user=user, defaults={"role": role})
        logins.append((email, DEMO_PASSWORD, role))
    admin = User.objects.get(username=demo_email(Role.ADMIN))
    for org in orgs:
        Membership.objects.get_or_create(
            organization=org, user=admin, defaults={"role": Role.ADMIN}
        )
    for org in created_orgs:
        activity_log(org=org, actor=admin, verb="org.create")
    return orgs, logins, admin
