from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site: health checks, response headers, outages, media serving, backups."""

    name = "operations"
    verbose_name = _("Operations")
