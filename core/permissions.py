"""Who may do what, stated once.

Each rule is a named predicate ``can_<verb>_<entity>(member, obj=None) -> bool`` on the
``Membership`` of the URL's organisation (None for a non-member). Views name the predicates
they need by name (``permission = "view"``, ``write_permission = "edit_plan"``), services
ask them before a guarded change (e.g. a workflow transition), and templates read the same
predicates through the ``can`` context variable (``{% if can.edit_plan %}``).
"""

from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from accounts.models import Role


def _at_least(member, role: str) -> bool:
    return member is not None and member.has_role(role)


def can_view(member, obj=None) -> bool:
    """Every member reads everything of their organisation."""
    return _at_least(member, Role.VIEWER)


def can_edit_plan(member, obj=None) -> bool:
    """Plans and everything in their steps (audience, choices, objectives, content)."""
    return _at_least(member, Role.EDITOR)


def can_review_plan(member, obj=None) -> bool:
    """Approve a plan or a goal, or request changes (managers and admins)."""
    return _at_least(member, Role.MANAGER)


def can_edit_channel(member, obj=None) -> bool:
    return _at_least(member, Role.EDITOR)


def can_edit_catalogue_note(member, obj=None) -> bool:
    return _at_least(member, Role.EDITOR)


def can_edit_image(member, obj=None) -> bool:
    return _at_least(member, Role.EDITOR)


def can_enter_statistics(member, obj=None) -> bool:
    """Staff enter and import statistics (contributors and up)."""
    return _at_least(member, Role.CONTRIBUTOR)


def can_manage_members(member, obj=None) -> bool:
    return _at_least(member, Role.ADMIN)


def can_manage_organization(member, obj=None) -> bool:
    return _at_least(member, Role.ADMIN)


#: The predicates by name, as views declare them and templates read them (``can.edit_plan``).
PREDICATES = {
    name.removeprefix("can_"): function
    for name, function in list(globals().items())
    if name.startswith("can_") and callable(function)
}


def check(predicate, member, obj=None) -> None:
    """Raise ``PermissionDenied`` unless ``predicate`` allows ``member`` (for services)."""
    if not predicate(member, obj):
        raise PermissionDenied


class Abilities:
    """``can.<name>`` in templates: the named predicate for the current member, computed once."""

    def __init__(self, member):
        self._member = member
        self._cache: dict[str, bool] = {}

    def __getattr__(self, name: str) -> bool:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in PREDICATES:
            # Loud, unlike a missing template variable: a misspelt rule must not hide a button.
            raise ImproperlyConfigured(f"No permission predicate can_{name}")
        if name not in self._cache:
            self._cache[name] = PREDICATES[name](self._member)
        return self._cache[name]


class OrgViewMixin:
    """Base for views under ``/o/<org_slug>/``: exposes ``self.org`` and ``self.membership``.

    ``permission`` applies to every method; ``write_permission`` (if set) to unsafe methods
    only, so a page can be readable by every member while its form posts need an editor.
    """

    permission: str = "view"
    write_permission: str | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in (cls.permission, cls.write_permission):
            if name is not None and name not in PREDICATES:
                raise ImproperlyConfigured(f"{cls.__name__}: no predicate can_{name}")

    def dispatch(self, request, *args, **kwargs):
        self.org = request.org
        self.membership = request.membership
        name = self.permission
        if self.write_permission and request.method not in ("GET", "HEAD", "OPTIONS"):
            name = self.write_permission
        check(PREDICATES[name], self.membership)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs(self) -> list[tuple[str, str | None]]:
        """(label, URL) pairs shown above the page; the last one, the page itself, has no URL."""
        return []

    def get_context_data(self, **kwargs):
        kwargs.setdefault("org", self.org)
        kwargs.setdefault("breadcrumbs", self.get_breadcrumbs())
        return super().get_context_data(**kwargs)


class OrgObjectMixin(OrgViewMixin):
    """Base for views on one object of the organisation (``get_org_object`` 404s otherwise).

    The object is looked up even for a method the view does not accept, so another
    organisation's object is a 404 whatever the method, never a 405 that would confirm it.
    """

    def get_org_object(self):
        raise NotImplementedError

    def http_method_not_allowed(self, request, *args, **kwargs):
        self.get_org_object()
        return super().http_method_not_allowed(request, *args, **kwargs)
