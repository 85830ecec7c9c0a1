from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")
    # Models coalition editors add, change and delete (accounts.roles).
    editors_manage = ("service", "population", "servicearea")

    def ready(self):
        from . import signals  # noqa: F401

    def setup_roles(self, editors):
        """Editors feature partners, manage their accounts, approve their changes."""
        from .roles import ensure_review_workflow

        ensure_review_workflow(editors)
