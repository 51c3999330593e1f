"""The plan and its steps, one module per step (steps 1, 2, 4–7 arrive in their own modules;
step 3's audience and choices live in ``platforms``)."""

from .plan import PLAN_WORKFLOW, Plan, PlanTransition

__all__ = ["PLAN_WORKFLOW", "Plan", "PlanTransition"]
