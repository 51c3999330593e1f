"""Planner forms, one module per step: ``plan`` (the plan itself), then one per step."""
