"""Planner views, one module per step: ``plan`` (the plan itself), then one per step."""
