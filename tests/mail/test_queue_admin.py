"""Operators see the queue, read-only: what waits, what failed and why."""

import pytest
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.test import override_settings

QUEUED = {
    "EMAIL_BACKEND": "coalition_site.mail.QueuedEmailBackend",
    "TASKS": {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
}
LIST = "/django-admin/django_tasks_database/dbtaskresult/"


@pytest.mark.django_db
@override_settings(**QUEUED)
def test_a_superuser_sees_the_waiting_email_and_cannot_change_it(client):
    send_mail("Hello", "Body", "site@example.org", ["staff@example.org"])
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw"))

    response = client.get(LIST)

    assert response.status_code == 200
    page = response.content.decode()
    assert "deliver_email" in page and "Ready" in page
    assert client.get(f"{LIST}add/").status_code == 403


@pytest.mark.django_db
@override_settings(**QUEUED)
def test_an_editor_without_the_right_does_not(client):
    send_mail("Hello", "Body", "site@example.org", ["staff@example.org"])
    client.force_login(
        get_user_model().objects.create_user("ed", "ed@example.org", "pw", is_staff=True)
    )
    assert client.get(LIST).status_code in (302, 403)
