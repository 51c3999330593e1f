from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlatformsConfig(AppConfig):
    name = "platforms"
    verbose_name = _("Platforms")

    def ready(self):
        from . import activity  # noqa: F401  (registers the app's activity-log verbs)
