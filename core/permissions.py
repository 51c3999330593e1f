"""Role checks in one place: a mixin for class-based views and a decorator for functions."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from accounts.models import Role


def has_role(request, role: str) -> bool:
    membership = getattr(request, "membership", None)
    return membership is not None and membership.has_role(role)


def require_role(role: str):
    """Decorator: the view needs at least ``role`` in the URL's organisation (else 403)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_role(request, role):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class OrgViewMixin:
    """Base for views under ``/o/<org_slug>/``: exposes ``self.org``; reading needs membership.

    ``required_role`` applies to every method; ``write_role`` (if set) applies to unsafe methods
    only, so a page can be readable by viewers while its form posts need an editor.
    """

    required_role: str = Role.VIEWER
    write_role: str | None = None

    def dispatch(self, request, *args, **kwargs):
        self.org = request.org
        self.membership = request.membership
        role = self.required_role
        if self.write_role and request.method not in ("GET", "HEAD", "OPTIONS"):
            role = self.write_role
        if not has_role(request, role):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("org", self.org)
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
