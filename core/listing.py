"""List pages declare their filters and sorts once; the mixin reads them and draws the buttons.

A list view declares ``list_filters`` (``ChoiceFilter``s) and ``sorts`` (``?sort=`` value →
label, the first being the default). ``self.filters`` is then the cleaned query string, e.g.
``{"status": "active", "sort": "title"}``, which the view passes to its selector
(``plan_list(org=..., filters=self.filters)``); the template includes
``partials/_filter_bar.html`` with the ``filter_groups`` put in its context. Unknown values
fall back to the default rather than failing, and changing a filter goes back to page 1.
"""

from dataclasses import dataclass, field

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class FilterLink:
    label: str
    url: str
    active: bool
    count: int | None = None


@dataclass(frozen=True)
class FilterGroup:
    label: str
    links: list[FilterLink] = field(default_factory=list)


@dataclass(frozen=True)
class ChoiceFilter:
    """One ``?param=`` of a list: ``choices`` are (value, label) pairs.

    ``all_label`` adds an "all" button (value ""); without it, the first choice is the
    default and should have the value "" so that the plain URL shows it.
    """

    param: str
    label: str
    choices: tuple
    all_label: str | None = None

    @property
    def values(self) -> list[str]:
        return [value for value, _label in self.choices]


def chosen(request, param: str, values, default: str = "") -> str:
    """The query string's value of ``param`` when it is one of ``values``, else ``default``."""
    value = request.GET.get(param, default)
    return value if value in values else default


def filter_group(
    request, label, param: str, options, current: str, *, all_label=None, counts=None
) -> FilterGroup:
    """One row of buttons: ``options`` are (value, label) pairs; ``all_label`` adds "all"."""

    def url(value: str) -> str:
        query = request.GET.copy()
        query.pop("page", None)
        if value:
            query[param] = value
        else:
            query.pop(param, None)
        return f"?{query.urlencode()}" if query else request.path

    links = [FilterLink(str(all_label), url(""), not current)] if all_label else []
    counts = counts or {}
    links += [
        FilterLink(str(text), url(value), value == current, counts.get(value))
        for value, text in options
    ]
    return FilterGroup(str(label), links)


class ListingMixin:
    """Reads the declared ``list_filters`` and ``sorts`` into ``self.filters``."""

    list_filters: tuple[ChoiceFilter, ...] = ()
    sorts: dict = {}

    @cached_property
    def filters(self) -> dict[str, str]:
        values = {f.param: chosen(self.request, f.param, f.values) for f in self.list_filters}
        if self.sorts:
            values["sort"] = chosen(self.request, "sort", self.sorts, next(iter(self.sorts)))
        return values

    def filter_counts(self) -> dict[str, dict[str, int]]:
        """Per filter parameter, a count per value shown on its buttons (none by default)."""
        return {}

    def filter_groups(self) -> list[FilterGroup]:
        counts = self.filter_counts()
        groups = [
            filter_group(
                self.request,
                f.label,
                f.param,
                f.choices,
                self.filters[f.param],
                all_label=f.all_label,
                counts=counts.get(f.param),
            )
            for f in self.list_filters
        ]
        if self.sorts:
            groups.append(
                filter_group(
                    self.request,
                    gettext_lazy("Sort by"),
                    "sort",
                    self.sorts.items(),
                    self.filters["sort"],
                )
            )
        return groups

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filters=self.filters, filter_groups=self.filter_groups(), **kwargs
        )
