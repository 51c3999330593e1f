"""Step 2 of the demo plans: an objective cascade from the deck's example and SMART goals in
every review state, so that the demo manager finds a review queue with work in it."""

from accounts.models import Membership, Role
from planner.models import Goal, Objective
from planner.services.objectives import goal_template_apply, objective_create
from planner.services.review import goal_review

from .organisations import DEMO_ORGS, demo_email

#: Organisation → its organisational objective (the top of the cascade).
MISSIONS = {
    "bm-des-ecoles": "Faire de la bibliothèque un lieu de vie pour les familles du quartier",
    "bu-sciences-sante": "Soutenir la réussite et la recherche des étudiants en santé",
    "archives-moulin": "Faire vivre le patrimoine de la région auprès de tous les publics",
}

#: The first organisation's goals, in the template's order, and where their review stands:
#: what the manager has decided, what awaits them, and what the editor must change.
REVIEW_STATES = ("approved", "approved", "changes_requested", "submitted", "submitted", "draft")
CHANGES_COMMENT = (
    "10 « intéressés » par événement semble beaucoup pour notre quartier : partons de 5 et "
    "revoyons la cible en juin, avec les premiers chiffres."
)


def seed_objectives(plan, admin) -> None:
    """The cascade and its goals, once (a plan that has objectives is left as it is)."""
    if Objective.objects.filter(plan=plan).exists():
        return
    org = plan.organization
    first = org.slug == DEMO_ORGS[0].slug
    author = _user(org, Role.EDITOR) if first else admin
    reviewer = _member(org, _user(org, Role.MANAGER) if first else admin)
    mission = objective_create(
        plan=plan, level=Objective.Level.ORGANISATION, actor=author, title=MISSIONS[org.slug]
    )
    goal_template_apply(plan=plan, actor=author, parent=mission)
    goals = list(Goal.objects.filter(plan=plan).order_by("pk"))
    states = REVIEW_STATES if first else ("approved",) * len(goals)
    for goal, state in zip(goals, states, strict=False):
        _review(goal, state, author=_member(org, author), reviewer=reviewer)


def _review(goal, state: str, *, author, reviewer) -> None:
    if state == "draft":
        return
    goal_review(goal=goal, name="submit", member=author, version=goal.version)
    if state == "approved":
        goal_review(goal=goal, name="approve", member=reviewer, version=goal.version)
    elif state == "changes_requested":
        goal_review(
            goal=goal,
            name="request_changes",
            member=reviewer,
            comment=CHANGES_COMMENT,
            version=goal.version,
        )


def _user(org, role: str):
    return (
        Membership.objects.select_related("user")
        .get(organization=org, user__username=demo_email(role))
        .user
    )


def _member(org, user) -> Membership:
    return Membership.objects.get(organization=org, user=user)
