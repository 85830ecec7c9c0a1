"""The site's senders go through the queue without knowing it: nothing is sent until the
task runs, and then the same message arrives."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from partners.roles import grant_partner_access
from tests.factories import PartnerIndexPageFactory, PartnerPageFactory
from tests.mail.tasks import emails, run

User = get_user_model()


@pytest.mark.django_db
def test_review_reminders_are_queued_then_sent(home, queued):
    directory = PartnerIndexPageFactory.build()
    home.add_child(instance=directory)
    shelter = PartnerPageFactory.build(
        title="River Shelter", slug="river-shelter", last_reviewed=datetime.date(2026, 1, 15)
    )
    directory.add_child(instance=shelter)
    grant_partner_access(shelter, User.objects.create_user("ana", "ana@river.example.org", "pw"))

    call_command("send_review_reminders", "--date", "2026-12-16")

    assert mail.outbox == []
    [result] = emails(queued)
    run(result)
    [sent] = mail.outbox
    assert sent.to == ["ana@river.example.org"]
    assert "River Shelter" in sent.body
    assert f"/admin/pages/{shelter.pk}/edit/" in sent.body


@pytest.mark.django_db
def test_a_password_reset_from_the_admin_is_queued_then_sent(client, queued):
    User.objects.create_user("editor", "editor@coalition.example.org", "old-password")

    response = client.post("/admin/password_reset/", {"email": "editor@coalition.example.org"})

    assert response.status_code == 302
    assert mail.outbox == []
    [result] = emails(queued)
    run(result)
    [sent] = mail.outbox
    assert sent.to == ["editor@coalition.example.org"]
    assert "/admin/password_reset/confirm/" in sent.body
