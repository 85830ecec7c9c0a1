from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from partners.models import PartnerPage
from partners.roles import grant_partner_access


class Command(BaseCommand):
    help = (
        "Give a partner organization an admin account that can edit and submit its own "
        "profile, and nothing else. Prints a one-time link to set the password."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The slug of the partner's page, e.g. sample-harbor-light")
        parser.add_argument("email", help="The email address the partner signs in with")

    def handle(self, slug, email, **options):
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"'{email}' is not a valid email address.") from error
        partner = PartnerPage.objects.filter(slug=slug).first()
        if partner is None:
            raise CommandError(
                f"No partner page has the slug '{slug}'. "
                "The slug is the last part of the profile's address, e.g. /partners/<slug>/."
            )

        User = get_user_model()
        with transaction.atomic():
            user = User.objects.filter(email__iexact=email).first()
            if user is not None and (user.is_superuser or user.is_staff):
                raise CommandError(
                    f"{email} belongs to an administrator; use a separate address for the partner."
                )
            created = user is None
            if created:
                user = User(username=email, email=email)
                user.set_unusable_password()
                user.save()
            group, collection = grant_partner_access(partner, user)

        self.stdout.write(
            f"{'Created' if created else 'Updated'} account {email} in group '{group.name}', "
            f"editing '{partner.title}' only, with the media collection '{collection.name}'."
        )
        if user.has_usable_password():
            self.stdout.write("The account already has a password; no link was made.")
            return
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
        self.stdout.write(
            "Send this link to the partner to set a password (it works once, and expires in "
            f"{settings.PASSWORD_RESET_TIMEOUT // 86400} days):\n{link}"
        )
