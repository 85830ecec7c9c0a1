from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitionSiteConfig(AppConfig):
    name = "coalition_site"
    verbose_name = _("Site")
    # Models coalition editors add, change and delete (accounts.roles).
    editors_manage = ("language", "footertext")

    def ready(self):
        from . import signals  # noqa: F401 - connects the signal handlers
