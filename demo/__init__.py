"""Demo data: the three example institutions of the source material, one module per step.

This package sits above every app (it calls their services); no app imports it. ``seed``
runs the organisations first, then each step's module in plan order. Every module is
idempotent: running ``seed_demo`` twice creates everything once.
"""
