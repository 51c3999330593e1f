"""Planner selectors, one module per step: ``plan`` (the plan itself), then one per step."""
