"""The yearly review of partner profiles: when it is due, who is told, and marking it done."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale, Revision

from accounts.roles import EDITORS_GROUP

from .models import PartnerPage, ReviewReminder

# A profile is due for review a year after it was last reviewed.
REVIEW_EVERY = datetime.timedelta(days=365)
# Partner accounts are reminded this long before their profile's year is up.
REMIND_BEFORE = datetime.timedelta(days=30)


def review_due(page):
    """The date the profile's next review is due, or None if it was never reviewed."""
    if page.last_reviewed is None:
        return None
    return page.last_reviewed + REVIEW_EVERY


def partner_accounts(page):
    """Active users who can sign in and edit `page` through a partner group."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__page_permissions__page=page.page_ptr,
        )
        .exclude(email="")
        .exclude(groups__name=EDITORS_GROUP)
        .distinct()
        .order_by("email")
    )


def editor_accounts():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=EDITORS_GROUP)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )


def admin_edit_url(page):
    """Absolute address of the page's editor in the admin."""
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    return base + reverse("wagtailadmin_pages:edit", args=[page.pk])


def page_language(page):
    return page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE


def mark_reviewed(page, today=None):
    """Set "last reviewed" to today without making a revision.

    The date goes on the page and into its live and latest revisions, so that
    the next draft, made from the latest revision, keeps it (as publishing does,
    see signals.py).
    """
    today = today or timezone.localdate()
    PartnerPage.objects.filter(pk=page.pk).update(last_reviewed=today)
    page.last_reviewed = today
    revision_ids = {page.latest_revision_id, page.live_revision_id} - {None}
    for revision in Revision.objects.filter(pk__in=revision_ids):
        revision.content["last_reviewed"] = today.isoformat()
        Revision.objects.filter(pk=revision.pk).update(content=revision.content)


def send_partner_reminders(today):
    """Remind partner accounts whose profile is due within REMIND_BEFORE. Returns pages reminded."""
    reminded = []
    pages = PartnerPage.objects.filter(
        last_reviewed__isnull=False,
        last_reviewed__lte=today - REVIEW_EVERY + REMIND_BEFORE,
    ).order_by("title")
    for page in pages:
        due = review_due(page)
        if ReviewReminder.objects.filter(
            page=page, kind=ReviewReminder.PARTNER, due_date=due
        ).exists():
            continue
        recipients = [user.email for user in partner_accounts(page)]
        if not recipients:
            continue
        with translation.override(page_language(page)):
            subject = _("Please review your profile on Sacramento Together by %(date)s") % {
                "date": date_format(due)
            }
            body = _(
                "Hello,\n\n"
                "Once a year we ask every organization in the Sacramento Together directory "
                "to check its profile. The profile of %(title)s was last reviewed on "
                "%(reviewed)s; its next review is due by %(due)s.\n\n"
                "Please sign in, check that everything is still true, and submit your "
                "changes (or submit it unchanged) for the coalition's editors to approve:\n"
                "%(url)s\n\n"
                "Thank you,\nSacramento Together"
            ) % {
                "title": page.title,
                "reviewed": date_format(page.last_reviewed),
                "due": date_format(due),
                "url": admin_edit_url(page),
            }
        for address in recipients:
            EmailMessage(subject, body, to=[address]).send()
        ReviewReminder.objects.create(page=page, kind=ReviewReminder.PARTNER, due_date=due)
        reminded.append(page)
    return reminded


def send_overdue_digest(today):
    """One email to the coalition editors listing every overdue profile.

    Sent only when a profile has become overdue since the last digest, so a
    daily run does not repeat it. Returns the profiles newly overdue.
    """
    overdue = list(
        PartnerPage.objects.filter(
            locale=Locale.get_default(),
            last_reviewed__isnull=False,
            last_reviewed__lte=today - REVIEW_EVERY,
        ).order_by("last_reviewed", "title")
    )
    new = [
        page
        for page in overdue
        if not ReviewReminder.objects.filter(
            page=page, kind=ReviewReminder.OVERDUE, due_date=review_due(page)
        ).exists()
    ]
    recipients = [user.email for user in editor_accounts()]
    if not new or not recipients:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            _("%(title)s: last reviewed %(reviewed)s, due %(due)s\n  %(url)s")
            % {
                "title": page.title,
                "reviewed": date_format(page.last_reviewed),
                "due": date_format(review_due(page)),
                "url": admin_edit_url(page),
            }
            for page in overdue
        ]
        subject = _("Partner profiles overdue for their yearly review: %(count)d") % {
            "count": len(overdue)
        }
        body = (
            _(
                "These partner profiles have not been reviewed for a year. Ask the "
                'organizations to update them, or check them and use "Mark as reviewed":'
            )
            + "\n\n"
            + "\n".join(lines)
            + "\n"
        )
    EmailMessage(subject, body, to=recipients).send()
    for page in new:
        ReviewReminder.objects.create(
            page=page, kind=ReviewReminder.OVERDUE, due_date=review_due(page)
        )
    return new
