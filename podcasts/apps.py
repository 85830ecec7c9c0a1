from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PodcastsConfig(AppConfig):
    name = "podcasts"
    verbose_name = _("Podcasts")
    # Models coalition editors add, change and delete (accounts.roles).
    editors_manage = ("audiofile",)
