"""Every row of a table → a cleaned dict ready to store, or errors naming line and column.

No database: the organisation's channels are given as ``ChannelRef`` tuples, so the command,
the worker and the tests share one path. Cleaned rows hold model field values
(``channel_id``, ``month`` or ``published_on``, the figures, …) and a ``key`` that identifies
the row for re-imports: (channel, month) for a month; (channel, network id) for a post with
one, else (channel, date, format, title in lower case).
"""

import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from core.text import clean_text

from ..figures import FigureError, parse_count, parse_duration
from ..months import parse_month
from . import layouts as L
from .readers import Table

PROGRESS_EVERY = 2000
TITLE_MAX = 200
URL_MAX = 500
EXTERNAL_ID_MAX = 100
#: An error's ``value`` parameter is cut to this length (a hostile cell stays small).
VALUE_MAX = 80

_url_validator = URLValidator(schemes=["http", "https"])
_TIKTOK_ID = re.compile(r"/video/(\d+)")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_DATE_FORMATS = (
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %b %Y",
)


class ChannelRef(NamedTuple):
    pk: int
    name: str
    handle: str


class ChannelIndex:
    """A channel by name or handle, case-insensitive (``@`` optional on handles)."""

    def __init__(self, channels):
        self.names: dict[str, list[int]] = {}
        self.handles: dict[str, list[int]] = {}
        self.by_pk = {}
        for ref in channels:
            self.by_pk[ref.pk] = ref
            self.names.setdefault(ref.name.strip().casefold(), []).append(ref.pk)
            if ref.handle:
                self.handles.setdefault(_handle(ref.handle), []).append(ref.pk)
        self._cache: dict[str, tuple[int | None, str | None]] = {}

    def resolve(self, value: str) -> tuple[int | None, str | None]:
        """(channel pk, None) or (None, error code)."""
        if value in self._cache:
            return self._cache[value]
        wanted = value.strip().casefold()
        found = self.names.get(wanted) or []
        if len(found) != 1:
            found = found or self.handles.get(_handle(value)) or []
        if len(found) == 1:
            result = (found[0], None)
        elif found:
            result = (None, "ambiguous_channel")
        else:
            result = (None, "unknown_channel")
        self._cache[value] = result
        return result


def _handle(text: str) -> str:
    return text.strip().lstrip("@").casefold()


@dataclass
class Result:
    layout: L.Layout | None
    rows: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    #: Data rows read (YouTube's "Total" row excluded).
    total_rows: int = 0
    totals: dict = field(default_factory=dict)
    #: (header in the file, key) pairs the preview shows.
    mapping: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.layout is not None


def _value_param(raw) -> str:
    """A cell as an error's parameter: short, and without the invisible characters (a NUL
    byte, which PostgreSQL refuses in JSON) that ``clean_text`` removes."""
    text = raw.isoformat() if isinstance(raw, datetime.date) else str(raw)
    return clean_text(text[: VALUE_MAX * 2], multiline=False)[:VALUE_MAX]


def _header(cell) -> str:
    return _value_param("" if cell is None else cell).strip()


class _Row:
    """One row being cleaned: reads cells by key, records errors with the file's header."""

    __slots__ = ("cells", "errors", "headers", "line", "positions")

    def __init__(self, line, cells, positions, headers, errors):
        self.line, self.cells = line, cells
        self.positions, self.headers, self.errors = positions, headers, errors

    def raw(self, key):
        index = self.positions.get(key)
        if index is None or index >= len(self.cells):
            return None
        value = self.cells[index]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def has(self, key) -> bool:
        return key in self.positions

    def error(self, key, code, **params):
        column = self.headers.get(key, key)
        self.errors.append({"line": self.line, "column": column, "code": code, "params": params})

    def text(self, key, *, required=False, max_length=None, cut=False) -> str:
        value = self.raw(key)
        if value is None:
            if required:
                self.error(key, "required")
            return ""
        text = clean_text(str(value), multiline=False)
        text = " ".join(text.split())
        if max_length and len(text) > max_length:
            if cut:
                return text[:max_length]
            self.error(key, "too_long", max=max_length)
        return text

    def count(self, key) -> int | None:
        value = self.raw(key)
        if value is None:
            return None
        if type(value) is str and len(value) < 10 and value.isascii() and value.isdigit():
            return int(value)  # the common case, without parse_count's regular expressions
        try:
            return parse_count(value)
        except FigureError as error:
            code = "number_too_large" if error.code == "too_large" else error.code
            self.error(key, code, value=_value_param(value))
            return None

    def duration(self, key) -> int | None:
        value = self.raw(key)
        if value is None:
            return None
        try:
            return parse_duration(value)
        except FigureError as error:
            code = "number_too_large" if error.code == "too_large" else error.code
            code = "bad_duration" if code == "not_a_number" else code
            self.error(key, code, value=_value_param(value))
            return None

    def sum(self, *keys) -> int | None:
        present = [self.count(k) for k in keys if self.has(k)]
        present = [v for v in present if v is not None]
        return sum(present) if present else None


def parse_day(value) -> datetime.date | None:
    """A date as the files write it: ISO, US ``MM/DD/YYYY[ HH:MM]``, ``Mar 18, 2020``, or a
    spreadsheet date. None when it cannot be read."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = " ".join(str(value).split())
    match = _ISO_DAY.match(text)
    if match:
        try:
            return datetime.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


@functools.lru_cache(maxsize=4096)
def _month(text: str) -> datetime.date | None:
    try:
        return parse_month(text)
    except ValueError:
        return None


def _strict_day(value) -> datetime.date | None:
    """Vitrine's own files: ``YYYY-MM-DD`` (or a spreadsheet date) only."""
    if isinstance(value, datetime.date):
        return value.date() if isinstance(value, datetime.datetime) else value
    match = _ISO_DAY.match(str(value).strip())
    if not match or len(str(value).strip()) != len(match[0]):
        return None
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _url(text: str) -> str:
    if not text or len(text) > URL_MAX:
        return ""
    try:
        _url_validator(text)
    except ValidationError:
        return ""
    return text


def _post_format(post_type: str) -> str:
    kind = post_type.casefold()
    if "reel" in kind:
        return "reel"
    if "stor" in kind:
        return "story"
    if "video" in kind:
        return "video"
    return "post"


# One cleaner per layout ----------------------------------------------------------------------


def _clean_monthly(row: _Row, channels: ChannelIndex, channel_id) -> dict | None:
    month = None
    raw = row.raw("month")
    if raw is None:
        row.error("month", "required")
    elif isinstance(raw, datetime.date):
        month = raw.replace(day=1) if not isinstance(raw, datetime.datetime) else raw.date()
        month = month.replace(day=1)
    else:
        month = _month(str(raw))
        if month is None:
            row.error("month", "bad_month", value=_value_param(raw))
    found = _channel(row, channels)
    cleaned = {
        "channel_id": found,
        "month": month,
        "views": row.count("views"),
        "interactions": row.count("interactions"),
        "followers": row.count("followers"),
        "posts_published": row.count("posts_published"),
    }
    cleaned["key"] = (found, month)
    return cleaned


def _channel(row: _Row, channels: ChannelIndex) -> int | None:
    raw = row.raw("channel")
    if raw is None:
        row.error("channel", "required")
        return None
    pk, code = channels.resolve(str(raw))
    if code:
        row.error("channel", code, value=_value_param(raw))
    return pk


def _clean_posts(row: _Row, channels: ChannelIndex, channel_id) -> dict | None:
    raw = row.raw("published_on")
    day = None
    if raw is None:
        row.error("published_on", "required")
    else:
        day = _strict_day(raw)
        if day is None:
            row.error("published_on", "bad_date", value=_value_param(raw))
    found = _channel(row, channels)
    title = row.text("title", required=True, max_length=TITLE_MAX)
    url = row.text("url")
    if url and (len(url) > URL_MAX or not _url(url)):
        row.error(
            "url",
            "bad_url" if len(url) <= URL_MAX else "too_long",
            value=url[:VALUE_MAX],
            max=URL_MAX,
        )
    cleaned = {
        "channel_id": found,
        "published_on": day,
        "title": title,
        "url": url,
        "format": "post",
        "external_id": "",
        "views": row.count("views"),
        "interactions": row.count("interactions"),
        "avg_watch_seconds": row.duration("avg_watch_seconds"),
    }
    cleaned["key"] = (found, day, "post", title.casefold())
    return cleaned


def _published(row: _Row) -> datetime.date | None:
    raw = row.raw("published_at")
    if raw is None:
        row.error("published_at", "required")
        return None
    day = parse_day(raw)
    if day is None:
        row.error("published_at", "bad_date", value=_value_param(raw))
    return day


def _network_row(row, channel_id, *, external_id, title, url, post_format, views, interactions):
    cleaned = {
        "channel_id": channel_id,
        "published_on": _published(row),
        "title": title[:TITLE_MAX],
        "url": _url(url),
        "format": post_format,
        "external_id": external_id[:EXTERNAL_ID_MAX],
        "views": views,
        "interactions": interactions,
        "avg_watch_seconds": row.duration("avg_watch"),
    }
    cleaned["key"] = (channel_id, "id", cleaned["external_id"])
    return cleaned


def _clean_meta(row: _Row, channels, channel_id) -> dict | None:
    external_id = row.text("external_id", required=True)
    title = row.text("title") or row.text("description", max_length=TITLE_MAX, cut=True)
    views = row.count("views") if row.has("views") else row.count("impressions")
    if row.has("interactions_total"):
        interactions = row.count("interactions_total")
    elif row.has("reactions"):
        interactions = row.sum("reactions", "comments", "shares")
    else:
        interactions = row.sum("likes", "comments", "shares", "saves")
    return _network_row(
        row,
        channel_id,
        external_id=external_id,
        title=title or external_id,
        url=row.text("url"),
        post_format=_post_format(row.text("post_type")),
        views=views,
        interactions=interactions,
    )


def _clean_youtube(row: _Row, channels, channel_id) -> dict | None:
    external_id = row.text("external_id", required=True)
    title = row.text("title", max_length=TITLE_MAX, cut=True)
    return _network_row(
        row,
        channel_id,
        external_id=external_id,
        title=title or external_id,
        url=f"https://www.youtube.com/watch?v={external_id}" if external_id else "",
        post_format="video",
        views=row.count("views"),
        interactions=row.sum("likes", "comments", "shares"),
    )


def _clean_tiktok(row: _Row, channels, channel_id) -> dict | None:
    link = row.text("url", required=True)
    match = _TIKTOK_ID.search(link)
    external_id = match[1] if match else link
    title = row.text("title", max_length=TITLE_MAX, cut=True)
    return _network_row(
        row,
        channel_id,
        external_id=external_id,
        title=title or external_id,
        url=link,
        post_format="video",
        views=row.count("views"),
        interactions=row.sum("likes", "comments", "shares"),
    )


CLEANERS: dict[str, Callable] = {
    "monthly": _clean_monthly,
    "posts": _clean_posts,
    "meta": _clean_meta,
    "youtube": _clean_youtube,
    "tiktok": _clean_tiktok,
}
TOTALLED = {
    "monthly": ("views", "interactions", "followers", "posts_published"),
    "posts": ("views", "interactions"),
}


def validate_table(
    table: Table,
    *,
    channels,
    kind: str | None = None,
    channel_id: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Result:
    """Recognise the layout of ``table`` and clean every row (see the module's docstring).

    ``channels``: the organisation's ``ChannelRef``s; ``channel_id``: the channel chosen for a
    network export; ``progress(rows done)`` is called every ``PROGRESS_EVERY`` rows.
    """
    layout = L.detect(table.header, kind)
    if layout is None:
        error = {
            "line": table.header_line,
            "column": "",
            "code": "unknown_layout",
            "params": {"expected": L.expected_for(kind)},
        }
        return Result(layout=None, errors=[error], total_rows=len(table.rows))
    result = Result(layout=layout, mapping=L.mapping(layout, table.header))
    errors = result.errors
    errors.extend(table.errors)
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    for index, cell in enumerate(table.header):
        column = layout.column_for(cell)
        if column is None:
            if layout.strict and _header(cell):
                errors.append(
                    {
                        "line": table.header_line,
                        "column": _header(cell),
                        "code": "extra_column",
                        "params": {"column": _header(cell)},
                    }
                )
            continue
        if column.key not in positions:
            positions[column.key] = index
            headers[column.key] = _header(cell)
    if layout.needs_channel and channel_id is None:
        errors.append({"line": None, "column": "", "code": "channel_required", "params": {}})
        result.total_rows = len(table.rows)
        return result

    index = ChannelIndex(channels)
    clean = CLEANERS[layout.code]
    totalled = TOTALLED[layout.kind]
    totals = dict.fromkeys(totalled, 0)
    seen: dict[tuple, int] = {}
    rows = result.rows
    skip = layout.skip_first_cell
    done = 0
    for position, (line, cells) in enumerate(table.rows):
        if skip and position == 0 and cells and L.normalise(cells[0]) == skip:
            continue
        done += 1
        row_errors: list[dict] = []
        row = _Row(line, cells, positions, headers, row_errors)
        cleaned = clean(row, index, channel_id)
        key = cleaned.pop("key")
        if not row_errors and None not in key[:2]:
            first = seen.get(key)
            if first is not None:
                row.error(
                    "channel",
                    "duplicate_row",
                    first_line=first,
                    what="month" if layout.kind == "monthly" else "post",
                )
            else:
                seen[key] = line
        if row_errors:
            errors.extend(row_errors)
        else:
            cleaned["line"] = line
            rows.append(cleaned)
            for name in totalled:
                value = cleaned[name]
                if value is not None:
                    totals[name] += value
        if progress and done % PROGRESS_EVERY == 0:
            progress(done)
    result.total_rows = done
    result.totals = totals
    return result
