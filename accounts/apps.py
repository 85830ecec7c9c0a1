from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Who may sign in and what they see: roles, two-step sign-in, lockout, a partner's scope."""

    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from .roles import ensure_roles

        # After every `migrate` (and every test database flush), the roles are
        # made or completed; `accounts` is the last app in INSTALLED_APPS, so
        # every other app's permissions exist by the time it is this app's turn.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="accounts.ensure_roles")
