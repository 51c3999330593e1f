from django.urls import path

from . import views

#: Every organisation page lives under this prefix; OrganizationMiddleware resolves it.
ORG_PREFIX = "o/<slug:org_slug>/"


def org_path(route: str, view, name: str):
    """``path()`` for an organisation page: ``/o/<org_slug>/<route>``."""
    return path(ORG_PREFIX + route, view, name=name)


app_name = "core"

urlpatterns = [
    path("", views.start, name="start"),
    path("organisations/", views.OrganizationSwitchView.as_view(), name="org_switch"),
    path("healthz", views.healthz, name="healthz"),
    org_path("", views.HomeView.as_view(), name="home"),
]
