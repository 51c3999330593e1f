"""Step 3 of the demo plans: each organisation's accounts, the deck's worked audience, and the
platforms the deck recommends for it."""

from platforms.models import Channel, Platform
from platforms.recommender import PRESETS
from platforms.services.catalogue import catalogue_load
from platforms.services.channels import channel_create
from platforms.services.plan import audience_update, choice_save

#: The deck's worked example each organisation follows (``platforms.recommender.PRESETS``).
AUDIENCE_PRESETS = {
    "bm-des-ecoles": "municipal_library",
    "bu-sciences-sante": "university_library",
    "archives-moulin": "heritage_archives",
}

#: Accounts per organisation: platform, name, handle, kind, lead time (days) for partners.
CHANNELS = {
    "bm-des-ecoles": (
        ("facebook", "Page Facebook de la bibliothèque", "@bmdesecoles", "own", 0),
        ("instagram", "Instagram de la bibliothèque", "@bmdesecoles", "own", 0),
        ("facebook", "Page de la Ville", "@maville", "partner", 10),
    ),
    "bu-sciences-sante": (
        ("facebook", "Facebook des bibliothèques", "@bibsante", "own", 0),
        ("facebook", "Facebook de l'Université", "@universite", "partner", 14),
        ("instagram", "Instagram de l'Université", "@universite", "partner", 14),
        ("youtube", "Chaîne YouTube des bibliothèques", "@bibsante", "own", 0),
        ("twitter", "X des bibliothèques", "@bibsante_x", "own", 0),
        ("twitter", "X de l'Université", "@universite_x", "partner", 14),
    ),
    "archives-moulin": (
        ("facebook", "Facebook du Centre", "@archivesmoulin", "own", 0),
        ("youtube", "YouTube du Musée du Moulin", "@museedumoulin", "own", 0),
    ),
}


def seed_catalogue() -> dict[str, Platform]:
    catalogue_load()
    return {p.code: p for p in Platform.objects.all()}


def seed_channels(org, actor, platforms) -> None:
    existing = set(Channel.objects.for_org(org).values_list("name", flat=True))
    for code, name, handle, kind, lead in CHANNELS[org.slug]:
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


def seed_plan_step(plan, actor, platforms) -> None:
    """The deck's audience for this organisation, and the deck's platforms chosen."""
    preset = PRESETS[AUDIENCE_PRESETS[plan.organization.slug]]
    if not plan.audience_segments.exists():
        audience_update(
            plan=plan,
            segments=[
                {
                    "label": str(s.label),
                    "age_min": s.age_min,
                    "age_max": s.age_max,
                    "weight": s.weight,
                }
                for s in preset.segments
            ],
            content_types=list(preset.content_types),
            goal=preset.goal or "",
            preset=preset.code,
            actor=actor,
        )
    if plan.platform_choices.exists():
        return
    for priority, group in enumerate(preset.expected, start=1):
        choice_save(
            plan=plan,
            platform=platforms[sorted(group)[0]],
            priority=priority,
            rationale="Recommandé par la méthode pour ce public (exemple du support de formation).",
            actor=actor,
        )
