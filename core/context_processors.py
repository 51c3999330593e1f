from .permissions import Abilities
from .steps import STEPS


def organization(request):
    """The current organisation and membership, role flags, and the seven-step navigation."""
    org = getattr(request, "org", None)
    membership = getattr(request, "membership", None)
    return {
        "org": org,
        "membership": membership,
        "can": Abilities(membership),
        "nav_steps": [(step, step.url_for(org)) for step in STEPS] if org else [],
    }
