from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitionSiteConfig(AppConfig):
    name = "coalition_site"
    verbose_name = _("Site")

    def ready(self):
        from . import cache, signals  # noqa: F401

        cache.connect_signals()
