"""Step 7's models: the figures people enter or import, the import batches, the rollups the
dashboard reads, and a plan's evaluation (its lessons learned)."""

from .evaluation import Evaluation
from .imports import ImportBatch
from .rollups import MonthlyRollup
from .stats import MonthlyStat, PostStat

__all__ = ["Evaluation", "ImportBatch", "MonthlyRollup", "MonthlyStat", "PostStat"]
