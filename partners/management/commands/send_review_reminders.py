"""Daily: remind partners 30 days before their profile's yearly review, and tell the
editors once about every profile whose year is up. Safe to run any number of times."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from partners.reviews import send_overdue_digest, send_partner_reminders

LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1", "0.0.0.0"}


class Command(BaseCommand):
    help = (
        "Email partner accounts 30 days before their profile's yearly review is due, and "
        "the coalition editors one list of overdue profiles. Never sends a reminder twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="Run as if today were this date (YYYY-MM-DD); by default, today.",
        )

    def handle(self, *args, **options):
        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
        if not settings.DEBUG and urlsplit(base_url).hostname in LOCAL_HOSTS | {None}:
            raise CommandError(
                "WAGTAILADMIN_BASE_URL is not set to the site's public address "
                f"(it is {base_url!r}): reminders would link to nowhere. Set it, e.g. "
                "WAGTAILADMIN_BASE_URL=https://sacramentotogether.org"
            )
        today = options["date"] or timezone.localdate()
        reminded = send_partner_reminders(today)
        overdue = send_overdue_digest(today)
        self.stdout.write(
            f"Review reminders: {len(reminded)} partner profile(s) reminded, "
            f"{len(overdue)} newly overdue profile(s) sent to the editors."
        )
