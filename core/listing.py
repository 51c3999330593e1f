"""Filter and sort buttons of list pages, built once so every list behaves the same.

A list view declares its choices; the template includes ``partials/_filter_bar.html`` with the
``filter_groups`` the view puts in its context. Unknown values in the query string fall back
to the default rather than failing, and changing a filter goes back to page 1.
"""

from dataclasses import dataclass, field

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


class SortedListMixin:
    """``sorts`` maps a ``?sort=`` value to its label; the first one is the default."""

    sorts: dict = {}

    @property
    def sort(self) -> str:
        return chosen(self.request, "sort", self.sorts, next(iter(self.sorts)))

    def get_context_data(self, **kwargs):
        return super().get_context_data(sort=self.sort, **kwargs)

    def sort_group(self) -> FilterGroup:
        return filter_group(
            self.request, gettext_lazy("Sort by"), "sort", self.sorts.items(), self.sort
        )
