"""Figures as people type them, in the grid, the forms and the files. Pure, no database.

``parse_count("12 345")`` (a space, a no-break or a narrow no-break space between thousands)
and ``parse_count("1,250")`` (US thousands, in the networks' exports) are 12345 and 1250;
``parse_duration("2:30")`` is 150 seconds, ``"1:02:03"`` 3723, ``"150"`` 150. Each raises
``FigureError`` with a code the callers turn into their own message.
"""

import re

from .models.stats import MAX_FIGURE, MAX_WATCH_SECONDS

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+$")


class FigureError(ValueError):
    """``code``: "not_a_number", "negative", "decimal", "too_large", "bad_duration"."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def parse_count(text, *, allow_decimal_zero: bool = True) -> int | None:
    """A non-negative whole number, or ``None`` for an empty cell.

    ``"1250.0"`` (what a spreadsheet writes for a whole number) is accepted; ``"12.5"`` is not.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise FigureError("not_a_number")
    if isinstance(text, int):
        value = text
    elif isinstance(text, float):
        if not text.is_integer():
            raise FigureError("decimal")
        value = int(text)
    else:
        cleaned = _SPACES.sub("", str(text))
        if not cleaned:
            return None
        if _GROUPED.match(cleaned):
            cleaned = cleaned.replace(",", "")
        if cleaned.startswith("-") and cleaned[1:].replace(".", "", 1).isdigit():
            raise FigureError("negative")
        if allow_decimal_zero and re.fullmatch(r"\d+[.,]0+", cleaned):
            cleaned = re.split(r"[.,]", cleaned)[0]
        if re.fullmatch(r"\d+[.,]\d+", cleaned):
            raise FigureError("decimal")
        if not cleaned.isascii() or not cleaned.isdigit():
            raise FigureError("not_a_number")
        value = int(cleaned)
    if value < 0:
        raise FigureError("negative")
    if value > MAX_FIGURE:
        raise FigureError("too_large")
    return value


def parse_duration(text) -> int | None:
    """Seconds from ``"m:ss"``, ``"h:mm:ss"`` or a number of seconds; ``None`` when empty."""
    if text is None:
        return None
    if isinstance(text, int | float) and not isinstance(text, bool):
        seconds = round(text)
    else:
        cleaned = _SPACES.sub("", str(text))
        if not cleaned:
            return None
        parts = cleaned.split(":")
        if len(parts) > 3 or not all(p.isascii() and p.isdigit() for p in parts):
            if len(parts) == 1:
                try:
                    seconds = round(float(cleaned.replace(",", ".")))
                except ValueError:
                    raise FigureError("bad_duration") from None
                return _bounded_seconds(seconds)
            raise FigureError("bad_duration")
        if len(parts) > 1 and any(int(p) >= 60 for p in parts[1:]):
            raise FigureError("bad_duration")
        seconds = 0
        for part in parts:
            seconds = seconds * 60 + int(part)
    return _bounded_seconds(seconds)


def _bounded_seconds(seconds: int) -> int:
    if seconds < 0:
        raise FigureError("negative")
    if seconds > MAX_WATCH_SECONDS:
        raise FigureError("too_large")
    return seconds


def add_known(total: int | None, value: int | None) -> int | None:
    """A running sum of figures that may be unknown: unknown only while every part is."""
    if value is None:
        return total
    return value if total is None else total + value


def format_duration(seconds: int | None) -> str:
    """``150`` → ``"2:30"``, ``3723`` → ``"1:02:03"`` (empty for ``None``)."""
    if seconds is None:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
