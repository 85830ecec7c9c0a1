from django.core.management.base import BaseCommand, CommandError

from partners.invitations import link_valid_days, password_setup_link, send_invitation
from partners.models import PartnerPage
from partners.partner_accounts import AccountRefused, create_partner_account, normalize_email
from partners.roles import partner_group_name


class Command(BaseCommand):
    help = (
        "Give a partner organization an admin account that can edit and submit its own "
        "profile, and nothing else. Prints a one-time link to set the password; with "
        "--send-invitation, also emails it to the partner. The admin's Partner accounts "
        "view does the same."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The slug of the partner's page, e.g. sample-harbor-light")
        parser.add_argument("email", help="The email address the partner signs in with")
        parser.add_argument(
            "--send-invitation",
            action="store_true",
            dest="email_invitation",
            help="Also email the partner the invitation the admin sends.",
        )

    def handle(self, slug, email, email_invitation=False, **options):
        email = email.strip().lower()
        try:
            normalize_email(email)
        except AccountRefused as error:
            raise CommandError(f"'{email}' is not a valid email address.") from error
        partner = PartnerPage.objects.filter(slug=slug).first()
        if partner is None:
            raise CommandError(
                f"No partner page has the slug '{slug}'. "
                "The slug is the last part of the profile's address, e.g. /partners/<slug>/."
            )
        try:
            user, created = create_partner_account(partner, email)
        except AccountRefused as error:
            raise CommandError(" ".join(error.messages)) from error

        group_name = partner_group_name(partner)
        self.stdout.write(
            f"{'Created' if created else 'Updated'} account {email} in group '{group_name}', "
            f"editing '{partner.title}' only, with its own media collection."
        )
        if user.has_usable_password():
            self.stdout.write("The account already has a password; no link was made.")
            return
        if email_invitation:
            link = send_invitation(user, partner)
            self.stdout.write(f"The invitation was emailed to {email}.")
        else:
            link = password_setup_link(user)
        self.stdout.write(
            "Send this link to the partner to set a password (it works once, and expires in "
            f"{link_valid_days()} days):\n{link}"
        )
