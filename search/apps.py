from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site search: the results page and the per-language PostgreSQL backend."""

    name = "search"
    label = "site_search"
    verbose_name = _("Site search")
