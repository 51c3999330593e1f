"""The layouts a statistics file may have, and how each is recognised.

Two are Vitrine's own (DESIGN.md, "Statistics files"): ``monthly`` and ``posts``, in English
or French, every column known (an unknown one is an error, so a typo is not silently
ignored). The others are the files the networks let people download, recognised by tell-tale
columns and read as per-post statistics of one channel (chosen on the upload form or with
``--channel``): their other columns are ignored.

Where the network layouts come from (header spellings checked against public material):

- ``meta``: Meta Business Suite → Insights → Content → Export (posts), Facebook variant
  (``Post ID, Page ID, Page name, Title, Description, Duration (sec), Publish time, Caption
  type, Permalink, Is crosspost, Is share, Post type, …, Data comment, Date, Views, Reach,
  Reactions, Comments and shares, Reactions, Comments, Shares, Total clicks, …, Seconds
  viewed, Average Seconds viewed``) and Instagram variant (``Post ID, Account ID, Account
  username, Account name, Description, Duration (sec), Publish time, Permalink, Post type,
  Data comment, Date, Views, Reach, Likes, Shares, Follows, Comments, Saves``); US dates
  ``MM/DD/YYYY HH:MM``, ``1,250`` thousands, ``Date`` reading ``Lifetime``. Older exports have
  ``Impressions`` instead of ``Views``.
- ``youtube``: YouTube Studio → Analytics → Advanced mode → Export → "Table data.csv"
  (``Content, Video title, Video publish time, Duration, Views, Watch time (hours),
  Subscribers, Impressions, Impressions click-through rate (%), Average view duration, …``,
  sometimes ``Likes, Comments added, Shares``); a ``Total`` row first; ``Mar 18, 2020``.
- ``tiktok``: TikTok Studio → Analytics → Content → export (``Video title, Video link, Post
  time`` (or ``Video publish time``), ``Total views, Total likes, Total comments, Total
  shares, Average watch time``, …).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


def normalise(header) -> str:
    """``" Abonnés "`` → ``"abonnes"``, ``"avg_watch_seconds"`` → ``"avg watch seconds"``:
    case, accents, underscores, repeated spaces and invisible characters do not count."""
    text = "" if header is None else str(header)
    text = text.replace("\ufeff", "").replace("\u200b", "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("_", " ").lower()
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Column:
    #: The key the row cleaner reads (a model field for Vitrine's layouts).
    key: str
    #: The headers accepted, as written in the files (normalised when compared).
    headers: tuple[str, ...]
    required: bool = False

    @property
    def accepted(self) -> frozenset[str]:
        return frozenset(normalise(h) for h in self.headers)


@dataclass(frozen=True)
class Layout:
    #: Stored in ``ImportBatch.layout``: "monthly", "posts", "meta", "youtube", "tiktok".
    code: str
    #: Unique among layouts (two Meta variants share the code "meta").
    key: str
    label: str
    #: "monthly" or "posts": what the rows become.
    kind: str
    columns: tuple[Column, ...]
    #: Vitrine's own layouts refuse a column they do not know.
    strict: bool = False
    #: Network exports: the channel comes from the form, never from a column.
    needs_channel: bool = False
    #: Normalised headers that must all be present for the layout to be recognised (besides
    #: the required columns).
    tell_tale: tuple[str, ...] = ()
    #: One row whose first cell reads this is a summary to skip (YouTube's "Total").
    skip_first_cell: str = ""

    def column_for(self, header) -> Column | None:
        name = normalise(header)
        for column in self.columns:
            if name in column.accepted:
                return column
        return None

    def expected_headers(self) -> list[str]:
        """What the error "unknown_layout" lists: the first spelling of each column."""
        return [c.headers[0] for c in self.columns if c.required or self.strict]


MONTHLY = Layout(
    code="monthly",
    key="monthly",
    label=_("Vitrine monthly statistics"),
    kind="monthly",
    strict=True,
    columns=(
        Column("month", ("month", "mois"), required=True),
        Column("channel", ("channel", "compte"), required=True),
        Column("views", ("views", "vues"), required=True),
        Column("interactions", ("interactions",), required=True),
        Column("followers", ("followers", "abonnes")),
        Column("posts_published", ("posts", "publications")),
    ),
)

POSTS = Layout(
    code="posts",
    key="posts",
    label=_("Vitrine post statistics"),
    kind="posts",
    strict=True,
    columns=(
        Column("published_on", ("date",), required=True),
        Column("channel", ("channel", "compte"), required=True),
        Column("title", ("title", "titre"), required=True),
        Column("url", ("url",)),
        Column("views", ("views", "vues"), required=True),
        Column("interactions", ("interactions",), required=True),
        Column("avg_watch_seconds", ("avg_watch_seconds", "duree_moyenne_s")),
    ),
)

_META_COMMON = (
    Column("external_id", ("Post ID",), required=True),
    Column("title", ("Title",)),
    Column("description", ("Description",)),
    Column("published_at", ("Publish time",), required=True),
    Column("url", ("Permalink",)),
    Column("post_type", ("Post type",)),
    Column("views", ("Views",)),
    Column("impressions", ("Impressions",)),
    Column("reactions", ("Reactions",)),
    Column("likes", ("Likes",)),
    Column("comments", ("Comments",)),
    Column("shares", ("Shares",)),
    Column("saves", ("Saves",)),
    Column("interactions_total", ("Reactions, Comments and shares",)),
    Column("avg_watch", ("Average Seconds viewed",)),
)

META_FACEBOOK = Layout(
    code="meta",
    key="meta_facebook",
    label=_("Meta Business Suite post export (Facebook)"),
    kind="posts",
    needs_channel=True,
    columns=_META_COMMON,
    tell_tale=("page id", "permalink", "post type"),
)

META_INSTAGRAM = Layout(
    code="meta",
    key="meta_instagram",
    label=_("Meta Business Suite post export (Instagram)"),
    kind="posts",
    needs_channel=True,
    columns=_META_COMMON,
    tell_tale=("account id", "permalink", "post type"),
)

YOUTUBE = Layout(
    code="youtube",
    key="youtube",
    label=_("YouTube Studio content table"),
    kind="posts",
    needs_channel=True,
    columns=(
        Column("external_id", ("Content",), required=True),
        Column("title", ("Video title",), required=True),
        Column("published_at", ("Video publish time",), required=True),
        Column("views", ("Views",)),
        Column("avg_watch", ("Average view duration",)),
        Column("likes", ("Likes",)),
        Column("comments", ("Comments added", "Comments")),
        Column("shares", ("Shares",)),
    ),
    skip_first_cell="total",
)

TIKTOK = Layout(
    code="tiktok",
    key="tiktok",
    label=_("TikTok Studio post export"),
    kind="posts",
    needs_channel=True,
    columns=(
        Column("title", ("Video title",)),
        Column("url", ("Video link",), required=True),
        Column("published_at", ("Post time", "Video publish time", "Date posted"), required=True),
        Column("views", ("Total views", "Video views")),
        Column("likes", ("Total likes",)),
        Column("comments", ("Total comments",)),
        Column("shares", ("Total shares",)),
        Column("avg_watch", ("Average watch time",)),
    ),
    tell_tale=("total views",),
)

#: Tried in this order: the networks' layouts first (their tell-tales are specific).
LAYOUTS: tuple[Layout, ...] = (
    META_FACEBOOK,
    META_INSTAGRAM,
    YOUTUBE,
    TIKTOK,
    MONTHLY,
    POSTS,
)
BY_KEY = {layout.key: layout for layout in LAYOUTS}


def matches(layout: Layout, header: list) -> bool:
    names = {normalise(h) for h in header}
    if not all(t in names for t in layout.tell_tale):
        return False
    return all(names & c.accepted for c in layout.columns if c.required)


def detect(header: list, kind: str | None = None) -> Layout | None:
    """The layout ``header`` has (restricted to ``kind`` when given), or None."""
    for layout in LAYOUTS:
        if kind and layout.kind != kind:
            continue
        if matches(layout, header):
            return layout
    return None


def expected_for(kind: str | None) -> list[str]:
    """The columns a file of ``kind`` needs, for the "unknown_layout" message."""
    layouts = [MONTHLY] if kind == "monthly" else [POSTS] if kind == "posts" else [MONTHLY, POSTS]
    names: list[str] = []
    for layout in layouts:
        for column in layout.columns:
            if column.required and column.headers[0] not in names:
                names.append(column.headers[0])
    return names


def normalise_display(cell) -> str:
    """A header as shown on the preview: as written, without invisible characters."""
    from core.text import clean_text

    return clean_text(str(cell or ""), multiline=False)[:80]


def mapping(layout: Layout, header: list) -> list[tuple[str, str]]:
    """(header in the file, key it feeds) for the preview; ignored columns are left out."""
    pairs, seen = [], set()
    for cell in header:
        column = layout.column_for(cell)
        if column and column.key not in seen:
            seen.add(column.key)
            pairs.append((" ".join(normalise_display(cell).split()), column.key))
    return pairs


#: What each key is called on the preview (the column a file's header feeds).
KEY_LABELS = {
    "month": _("Month"),
    "channel": _("Channel"),
    "views": _("Views"),
    "interactions": _("Interactions"),
    "followers": _("Followers"),
    "posts_published": _("Posts published"),
    "published_on": _("Date"),
    "published_at": _("Date"),
    "title": _("Title"),
    "url": _("Address (URL)"),
    "avg_watch_seconds": _("Average watch time"),
    "avg_watch": _("Average watch time"),
    "external_id": _("Identifier on the network"),
    "description": _("Title (when the post has none)"),
    "post_type": _("Format"),
    "format": _("Format"),
    "impressions": _("Views (older exports)"),
    "interactions_total": _("Interactions"),
    "reactions": _("Interactions (added up)"),
    "likes": _("Interactions (added up)"),
    "comments": _("Interactions (added up)"),
    "shares": _("Interactions (added up)"),
    "saves": _("Interactions (added up)"),
}

#: The totals the preview and the result show.
TOTAL_LABELS = {
    "views": _("Total views"),
    "interactions": _("Total interactions"),
    "followers": _("Total followers"),
    "posts_published": _("Total posts published"),
}
