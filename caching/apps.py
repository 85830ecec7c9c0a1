from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """The anonymous page cache, the cache generation that empties it, and text compression."""

    name = "caching"
    verbose_name = _("Caching")

    def ready(self):
        # Models are loaded now: the signal handlers may import them.
        from .generation import connect_signals

        connect_signals()
