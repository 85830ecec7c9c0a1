from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    """The hotline, the quick exit and the Get help page."""

    name = "safety"
    verbose_name = _("Safety")

    def ready(self):
        from . import signals  # noqa: F401 - connects the signal handlers
