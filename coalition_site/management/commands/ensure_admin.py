import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' if it does not exist. The password comes from "
        "ADMIN_PASSWORD, or is generated and printed once. An existing account is left alone."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write("Admin account 'admin' already exists; password unchanged.")
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password)
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(self.style.SUCCESS("Created admin account 'admin' (ADMIN_PASSWORD)."))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created admin account 'admin' with password: {password}\n"
                    "It is shown only this once; change it at /admin/account/."
                )
            )
