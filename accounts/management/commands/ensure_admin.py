import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from accounts.roles import EDITORS_GROUP

DEFAULT_ADMIN_EMAIL = "admin@example.org"


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' if it does not exist. The password comes from "
        "ADMIN_PASSWORD, or is generated and printed once; an existing password is left "
        "alone. The account gets the address ADMIN_EMAIL (admin@example.org if unset) when "
        "it has none, and is put in 'Coalition editors', so that it receives the partner "
        "review emails."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        email = os.environ.get("ADMIN_EMAIL") or DEFAULT_ADMIN_EMAIL
        admin = User.objects.filter(username="admin").first()
        if admin is None:
            password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
            admin = User.objects.create_superuser("admin", email=email, password=password)
            if os.environ.get("ADMIN_PASSWORD"):
                message = "Created admin account 'admin' (ADMIN_PASSWORD)."
            else:
                message = (
                    f"Created admin account 'admin' with password: {password}\n"
                    "It is shown only this once; change it at /admin/account/."
                )
            self.stdout.write(self.style.SUCCESS(message))
        else:
            self.stdout.write("Admin account 'admin' already exists; password unchanged.")
            if not admin.email:
                admin.email = email
                admin.save(update_fields=["email"])
        admin.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
        self.stdout.write(
            f"Review emails for partner changes go to {admin.email} ('{EDITORS_GROUP}')."
        )
