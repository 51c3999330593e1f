"""Months as the statistics count them: the first day of the month, written ``YYYY-MM``.

Pure functions, no database: the importer, the grid, the dashboard and the commands share them.
"""

import datetime
import re

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def parse_month(text: str) -> datetime.date:
    """``"2024-05"`` → ``date(2024, 5, 1)``; ``ValueError`` for anything else (``2024-13``)."""
    match = _MONTH.match(text or "")
    if not match:
        raise ValueError(text)
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12 or year < 1900:
        raise ValueError(text)
    return datetime.date(year, month, 1)


def month_code(day: datetime.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(day: datetime.date, count: int) -> datetime.date:
    """The first day of the month ``count`` months after ``day``'s (before, when negative)."""
    index = day.year * 12 + day.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_range(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every month from ``first``'s to ``last``'s, both included (empty when reversed)."""
    months, current, last = [], month_start(first), month_start(last)
    while current <= last:
        months.append(current)
        current = add_months(current, 1)
    return months


def last_complete_month(today: datetime.date) -> datetime.date:
    """The month whose figures people enter now: the one before ``today``'s."""
    return add_months(today, -1)
