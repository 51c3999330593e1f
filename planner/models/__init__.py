"""The plan and its steps, one module per step (steps 4–7 arrive in their own modules; step
3's audience and choices live in ``platforms``)."""

from .benefits import BenefitRisk
from .objectives import Goal, GoalRevision, GoalTransition, Objective
from .plan import PLAN_WORKFLOW, Plan, PlanTransition

__all__ = [
    "PLAN_WORKFLOW",
    "BenefitRisk",
    "Goal",
    "GoalRevision",
    "GoalTransition",
    "Objective",
    "Plan",
    "PlanTransition",
]
