"""The pure helpers every entry path shares: months, counts and durations as people type them."""

import datetime

import pytest

from analytics.figures import FigureError, format_duration, parse_count, parse_duration
from analytics.months import add_months, last_complete_month, month_code, month_range, parse_month


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12345", 12345),
        ("12 345", 12345),
        ("12\u00a0345", 12345),  # no-break space (French spreadsheets)
        ("12\u202f345", 12345),  # narrow no-break space (French typography)
        ("1,250", 1250),  # the networks' US thousands
        ("1,250,000", 1250000),
        ("1250.0", 1250),  # a spreadsheet's whole number
        (" 7 ", 7),
        ("", None),
        ("   ", None),
        (None, None),
        (0, 0),
        (42.0, 42),
    ],
)
def test_counts_are_read_as_typed(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("-3", "negative"),
        (-3, "negative"),
        ("12.5", "decimal"),
        ("1,25", "decimal"),  # a French decimal comma is not a thousands separator
        (12.5, "decimal"),
        ("abc", "not_a_number"),
        ("12a", "not_a_number"),
        ("١٢", "not_a_number"),  # other scripts' digits are not silently accepted
        (True, "not_a_number"),
        ("3000000000", "too_large"),
    ],
)
def test_bad_counts_say_why(text, code):
    with pytest.raises(FigureError) as error:
        parse_count(text)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("2:30", 150),
        ("0:05", 5),
        ("1:02:03", 3723),
        ("150", 150),
        ("2,5", 2),
        (157, 157),
        ("", None),
    ],
)
def test_durations_accept_minutes_hours_or_seconds(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "code"),
    [("0:75", "bad_duration"), ("1:2:3:4", "bad_duration"), ("x", "bad_duration"),
     ("25:00:00", "too_large"), (-1, "negative")],
)  # fmt: skip
def test_bad_durations_say_why(text, code):
    with pytest.raises(FigureError) as error:
        parse_duration(text)
    assert error.value.code == code


def test_durations_are_shown_as_typed():
    assert [format_duration(s) for s in (None, 5, 150, 3723)] == ["", "0:05", "2:30", "1:02:03"]


@pytest.mark.parametrize("text", ["2024-13", "2024-00", "24-01", "2024/01", "", "2024-1-1"])
def test_bad_months_are_refused(text):
    with pytest.raises(ValueError):
        parse_month(text)


def test_months_count_across_years():
    assert parse_month("2024-05") == datetime.date(2024, 5, 1)
    assert month_code(datetime.date(2024, 5, 17)) == "2024-05"
    assert add_months(datetime.date(2024, 11, 30), 3) == datetime.date(2025, 2, 1)
    assert add_months(datetime.date(2024, 1, 1), -1) == datetime.date(2023, 12, 1)
    assert last_complete_month(datetime.date(2026, 1, 15)) == datetime.date(2025, 12, 1)
    assert month_range(datetime.date(2025, 11, 9), datetime.date(2026, 2, 1)) == [
        datetime.date(2025, 11, 1),
        datetime.date(2025, 12, 1),
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 1),
    ]
    assert month_range(datetime.date(2026, 2, 1), datetime.date(2025, 2, 1)) == []
