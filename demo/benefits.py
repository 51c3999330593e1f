"""Step 1 of the demo plans: the benefits and risks each institution would name (the deck's
suggestions, with its own "why" and, for a risk, a rating and a mitigation)."""

from planner.models import BenefitRisk
from planner.services.benefits import benefit_risk_add_suggestion, benefit_risk_update

#: Organisation → benefits (suggestion code, why it matters there).
BENEFITS = {
    "bm-des-ecoles": (
        ("visibility", "Les familles du quartier passent devant sans savoir ce qu'on propose."),
        ("audience", "Toucher les parents qui ne viennent qu'aux inscriptions."),
        ("communication", "Annoncer l'heure du conte et les fermetures le jour même."),
        ("feedback", "Savoir quelles animations plaisent aux enfants."),
        ("free", "Aucun budget de publicité cette année."),
    ),
    "bu-sciences-sante": (
        ("knowledge", "Faire connaître les bases de données et l'aide à la recherche."),
        ("web_traffic", "Amener les étudiants vers les guides en ligne."),
        ("communication", "Les horaires prolongés en période d'examens."),
        ("customer_experience", "Répondre aux questions là où les étudiants les posent."),
    ),
    "archives-moulin": (
        ("visibility", "Sortir les fonds des réserves, une pièce à la fois."),
        ("reputation", "Être reconnus comme la mémoire de la région."),
        ("added_value", "Montrer le métier d'archiviste aux organismes partenaires."),
        ("knowledge", "Faire connaître les collections aux chercheurs."),
    ),
}

#: Organisation → risks (suggestion code, likelihood, impact, mitigation; "" = none yet).
RISKS = {
    "bm-des-ecoles": (
        ("time", 4, 3, "Deux heures par semaine réservées, partagées entre deux personnes."),
        ("consistency", 3, 3, "Un calendrier éditorial préparé un mois à l'avance."),
        ("negative_comments", 2, 3, "Une réponse type validée par la direction."),
        ("hacking", 2, 5, ""),
    ),
    "bu-sciences-sante": (
        ("slow_response", 3, 4, "Une permanence de réponse chaque jour à midi."),
        ("stale_content", 3, 3, "Revue des publications épinglées chaque session."),
        ("impersonation", 2, 4, "Compte vérifié et signalement aux plateformes."),
    ),
    "archives-moulin": (
        ("effort", 4, 3, "Réutiliser les textes des expositions."),
        ("crisis", 1, 5, "Un plan de crise d'une page, qui appeler et quoi dire."),
        ("hacking", 2, 5, "Double authentification sur chaque compte."),
    ),
}


def seed_register(plan, actor) -> None:
    """The plan's register, added once (a plan whose register has lines is left as it is)."""
    if BenefitRisk.objects.filter(plan=plan).exists():
        return
    slug = plan.organization.slug
    for code, why in BENEFITS[slug]:
        item = benefit_risk_add_suggestion(plan=plan, kind="benefit", code=code, actor=actor)
        benefit_risk_update(item=item, actor=actor, why=why)
    for code, likelihood, impact, mitigation in RISKS[slug]:
        item = benefit_risk_add_suggestion(plan=plan, kind="risk", code=code, actor=actor)
        benefit_risk_update(
            item=item,
            actor=actor,
            likelihood=likelihood,
            impact=impact,
            mitigation=mitigation,
            owner=actor,
        )
