"""Resolve the organisation named in the URL (``/o/<org_slug>/...``) for the current user."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.utils import translation

from accounts.selectors import membership_find


class OrganizationMiddleware:
    """Sets ``request.org`` and ``request.membership`` for views under ``/o/<org_slug>/``.

    Anonymous users are sent to the login page; an unknown slug and an organisation the user
    does not belong to are both a 404, so a URL never reveals whether an organisation exists.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.org = None
        request.membership = None
        if not request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME):
            # French by default: the browser's Accept-Language is not a choice the user made.
            self._activate(request, settings.LANGUAGE_CODE)
        return self.get_response(request)

    @staticmethod
    def _activate(request, language: str) -> None:
        translation.activate(language)
        request.LANGUAGE_CODE = language

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.get("org_slug")
        if slug is None:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        membership = membership_find(user=request.user, org_slug=slug)
        if membership is None:
            raise Http404("No such organisation")
        request.membership = membership
        request.org = membership.organization
        if request.session.get("last_org") != slug:
            # Only on a change: writing it on every page would save the session every request.
            request.session["last_org"] = slug
        if not request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME):
            # No personal choice yet: speak the organisation's language.
            self._activate(request, request.org.language)
        return None
