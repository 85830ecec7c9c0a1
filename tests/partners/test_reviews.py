"""The yearly review: reminders to partners, the editors' overdue digest, "Mark as reviewed"."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Locale

from accounts.roles import EDITORS_GROUP
from partners.models import ReviewReminder
from partners.roles import grant_partner_access

User = get_user_model()
REVIEWED = datetime.date(2026, 1, 15)
DUE = REVIEWED + datetime.timedelta(days=365)  # 2027-01-15


def run(on):
    out = StringIO()
    call_command("send_review_reminders", "--date", on.isoformat(), stdout=out)
    return out.getvalue()


def days_before_due(n):
    return DUE - datetime.timedelta(days=n)


@pytest.fixture
def shelter(add_partner):
    page = add_partner(title="River Shelter", slug="river-shelter", last_reviewed=REVIEWED)
    for address in ["ana@river.example.org", "bo@river.example.org"]:
        grant_partner_access(page, User.objects.create_user(address, address, "pw"))
    return page


@pytest.fixture
def editors():
    group = Group.objects.get(name=EDITORS_GROUP)
    users = [User.objects.create_user(n, f"{n}@coalition.example.org", "pw") for n in ["ed", "flo"]]
    for user in users:
        user.groups.add(group)
    return users


def partner_mail():
    return [m for m in mail.outbox if "coalition.example.org" not in m.to[0]]


def editor_mail():
    return [m for m in mail.outbox if "coalition.example.org" in m.to[0]]


@pytest.mark.django_db
def test_partners_are_reminded_from_30_days_before_the_year_is_up(shelter, editors):
    run(days_before_due(31))
    assert mail.outbox == []

    run(days_before_due(30))
    sent = partner_mail()
    assert sorted(m.to[0] for m in sent) == ["ana@river.example.org", "bo@river.example.org"]
    assert editor_mail() == []
    message = sent[0]
    assert "River Shelter" in message.body
    assert f"http://testserver/admin/pages/{shelter.pk}/edit/" in message.body
    assert "January 15, 2027" in message.subject

    # The next days, and a second run the same day, send nothing more.
    run(days_before_due(30))
    run(days_before_due(29))
    run(days_before_due(1))
    assert len(mail.outbox) == 2
    assert ReviewReminder.objects.filter(page=shelter, kind="partner", due_date=DUE).count() == 1


@pytest.mark.django_db
def test_a_missed_day_is_caught_up_once(shelter):
    run(days_before_due(29))
    assert len(partner_mail()) == 2
    run(days_before_due(28))
    assert len(partner_mail()) == 2


@pytest.mark.django_db
def test_inactive_accounts_and_other_partners_are_not_reminded(shelter, add_partner):
    User.objects.filter(email="bo@river.example.org").update(is_active=False)
    other = add_partner(
        title="Other", slug="other", last_reviewed=REVIEWED + datetime.timedelta(days=10)
    )
    grant_partner_access(
        other, User.objects.create_user("cy@other.example.org", "cy@other.example.org")
    )
    run(days_before_due(30))
    assert [m.to for m in mail.outbox] == [["ana@river.example.org"]]


@pytest.mark.django_db
def test_editors_get_one_digest_when_the_year_is_up(shelter, editors, add_partner):
    older = add_partner(
        title="Old Pantry", slug="old-pantry", last_reviewed=REVIEWED - datetime.timedelta(days=40)
    )
    add_partner(title="Fresh Clinic", slug="fresh", last_reviewed=DUE - datetime.timedelta(days=10))
    add_partner(title="Never Reviewed", slug="never", last_reviewed=None)

    run(days_before_due(1))
    digests = editor_mail()
    assert len(digests) == 1  # Old Pantry was already overdue
    assert "River Shelter" not in digests[0].body

    mail.outbox.clear()
    run(DUE)  # River Shelter's 365th day
    digests = editor_mail()
    assert len(digests) == 1
    digest = digests[0]
    assert sorted(digest.to) == ["ed@coalition.example.org", "flo@coalition.example.org"]
    assert "River Shelter" in digest.body and "Old Pantry" in digest.body
    assert "Fresh Clinic" not in digest.body
    assert f"http://testserver/admin/pages/{older.pk}/edit/" in digest.body
    assert partner_mail() == []  # partners were reminded the day before; not again

    mail.outbox.clear()
    run(DUE)
    run(DUE + datetime.timedelta(days=1))
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_new_review_starts_a_new_period(shelter, editors):
    run(days_before_due(30))
    run(DUE)
    assert len(partner_mail()) == 2 and len(editor_mail()) == 1

    shelter.last_reviewed = DUE
    shelter.save_revision().publish()
    mail.outbox.clear()
    next_due = DUE + datetime.timedelta(days=365)
    run(DUE + datetime.timedelta(days=200))
    assert mail.outbox == []
    run(next_due - datetime.timedelta(days=30))
    assert len(partner_mail()) == 2
    run(next_due)
    assert len(editor_mail()) == 1
    assert ReviewReminder.objects.filter(page=shelter).count() == 4


@pytest.mark.django_db
def test_reminder_in_the_partners_language(add_partner):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    page = add_partner(
        title="Refugio del Río", slug="refugio", last_reviewed=REVIEWED, locale=spanish
    )
    grant_partner_access(page, User.objects.create_user("di@rio.example.org", "di@rio.example.org"))
    run(days_before_due(30))
    [message] = mail.outbox
    assert "Refugio del Río" in message.body
    assert "revis" in message.subject.lower()
    assert "Please review" not in message.subject


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000", DEBUG=False)
def test_refuses_to_run_without_a_public_admin_address(shelter):
    with pytest.raises(CommandError, match="WAGTAILADMIN_BASE_URL"):
        run(days_before_due(30))
    assert mail.outbox == []
