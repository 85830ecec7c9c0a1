"""Sending an email only queues it; the task sends it, and retries while the server fails."""

import email
import json
import logging
from datetime import timedelta
from email import policy

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.test import override_settings
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from coalition_site.mail import deliver_email, retry_delay
from tests.mail import backends
from tests.mail.tasks import run


def test_sending_only_queues_one_task_per_message(queued):
    assert send_mail("Hello", "Body", "site@example.org", ["staff@example.org"]) == 1
    assert mail.outbox == []
    assert [result.task for result in queued] == [deliver_email]


def test_the_worker_sends_the_message_as_it_was_built(queued):
    pdf = b"%PDF-1.4\n\x00\xff\xfe binary \x80 bytes"
    message = EmailMultiAlternatives(
        "Speaker request: Señora Ávila",
        "Plain text, with ñ.",
        "site@example.org",
        ["staff@example.org"],
        cc=["coordinator@example.org"],
        bcc=["archive@example.org"],
        reply_to=["ana@example.org"],
    )
    message.attach_alternative("<p>HTML, with ñ.</p>", "text/html")
    message.attach("request.pdf", pdf, "application/pdf")
    message.send()
    [result] = queued

    run(result)

    [sent] = mail.outbox
    assert sent.subject == "Speaker request: Señora Ávila"
    assert sent.body.strip() == "Plain text, with ñ."
    # Bcc travels in the envelope only, as when sent directly.
    assert sent.recipients() == [
        "staff@example.org",
        "coordinator@example.org",
        "archive@example.org",
    ]
    parsed = email.message_from_bytes(sent.message().as_bytes(), policy=policy.default)
    assert "archive@example.org" not in str(parsed)
    assert parsed["Reply-To"] == "ana@example.org"
    assert parsed.get_body(("html",)).get_content().strip() == "<p>HTML, with ñ.</p>"
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_filename() == "request.pdf"
    assert attachment.get_content() == pdf


@pytest.mark.django_db
def test_a_form_submission_is_emailed_through_the_queue(client, contact, answer):
    """With tasks run inline (development, tests), the queue sends at once."""
    with override_settings(EMAIL_BACKEND="coalition_site.mail.QueuedEmailBackend"):
        response = client.post("/en/contact/", answer)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact).count() == 1
    [sent] = mail.outbox
    assert sent.to == ["staff@example.org"]
    assert sent.subject == "Message from the website"
    assert "Can someone speak at our school in March?" in sent.body


@override_settings(
    EMAIL_DELIVERY_BACKEND="tests.mail.backends.RefusingBackend",
    EMAIL_MAX_ATTEMPTS=4,
    EMAIL_RETRY_DELAY=60,
)
def test_a_failed_attempt_is_tried_again_later(queued, caplog):
    send_mail("Hello", "Body", "site@example.org", ["staff@example.org"])
    [first] = queued

    with pytest.raises(Exception, match="unexpectedly closed"):
        run(first)

    assert mail.outbox == []
    [_, retry] = queued
    assert retry.task.func == deliver_email.func
    assert retry.kwargs["attempt"] == 2
    assert retry.args == first.args
    delay = retry.task.run_after - timezone.now()
    assert timedelta(seconds=55) < delay <= timedelta(seconds=60)
    assert "Could not send" in caplog.text and "attempt 1 of 4" in caplog.text

    # The second failure waits twice as long.
    with pytest.raises(Exception, match="unexpectedly closed"):
        run(retry)
    third = queued[2]
    assert third.kwargs["attempt"] == 3
    assert timedelta(seconds=115) < third.task.run_after - timezone.now() <= timedelta(seconds=120)


@override_settings(
    EMAIL_DELIVERY_BACKEND="tests.mail.backends.RefusingBackend", EMAIL_MAX_ATTEMPTS=4
)
def test_after_the_last_attempt_it_gives_up_loudly(queued, caplog):
    send_mail("Hello", "Body", "site@example.org", ["staff@example.org"])
    [first] = queued
    args, _ = json.loads(json.dumps([first.args, first.kwargs]))

    with pytest.raises(Exception, match="unexpectedly closed"):
        deliver_email.call(*args, attempt=4)

    assert len(queued) == 1  # nothing more queued
    [record] = [r for r in caplog.records if "GAVE UP" in r.getMessage()]
    assert record.levelno == logging.ERROR
    assert "after 4 attempt(s)" in record.getMessage()


@override_settings(EMAIL_RETRY_DELAY=60)
def test_attempts_are_at_most_an_hour_apart():
    assert [retry_delay(n).total_seconds() for n in range(1, 9)] == [
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
    ]


@override_settings(EMAIL_DELIVERY_BACKEND="tests.mail.backends.AcceptsThenFailsToCloseBackend")
def test_a_message_the_server_accepted_is_never_sent_again(queued, caplog):
    backends.SENT.clear()
    send_mail("Hello", "Body", "site@example.org", ["staff@example.org"])
    [first] = queued

    run(first)  # hanging up fails, but the message was accepted

    assert len(backends.SENT) == 1
    assert len(queued) == 1  # no retry
    assert "Could not close the mail connection" in caplog.text


@override_settings(
    EMAIL_BACKEND="coalition_site.mail.QueuedEmailBackend",
    EMAIL_DELIVERY_BACKEND="tests.mail.backends.RefusingBackend",
)
def test_run_inline_a_failure_is_logged_as_final_and_the_sender_carries_on(caplog):
    """Development and tests run tasks inline: no queue to wait in, no retry."""
    assert send_mail("Hello", "Body", "site@example.org", ["staff@example.org"]) == 1
    assert mail.outbox == []
    assert "GAVE UP sending" in caplog.text and "after 1 attempt(s)" in caplog.text
