from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    """Languages: the URL prefixes, the language switcher, date formats, extra catalogues."""

    name = "languages"
    verbose_name = _("Languages")
