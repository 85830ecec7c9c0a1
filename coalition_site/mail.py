"""Every email the site sends is a background task, retried while the mail server is down.

`EMAIL_BACKEND` is `QueuedEmailBackend`: whoever sends mail (Wagtail's workflow
notifications, the form page, password resets, partner invitations, review
reminders) only enqueues one `deliver_email` task per message, so no web request
waits on the mail server or fails with it. In production the task waits in the
PostgreSQL queue (django-tasks-db) until `manage.py db_worker` runs it; in
development and tests the task framework runs it at once (ImmediateBackend).

The task sends the message through `EMAIL_DELIVERY_BACKEND` (SMTP in production).
When that fails it enqueues the next attempt for later (EMAIL_RETRY_DELAY, doubling,
at most an hour apart) and fails itself, so the queue records each attempt with its
error; after EMAIL_MAX_ATTEMPTS it logs an error and stops. A message that the mail
server accepted is never retried, so none is sent twice. Run inline (development),
there is no queue to wait in, and the first failure is logged as final.

A message travels as JSON: its MIME bytes exactly as the sender built them
(attachments, alternatives, headers and Message-ID included) plus the envelope
(sender and every recipient, Bcc too, which no header carries).
"""

import base64
import email
import logging
from datetime import timedelta
from email import policy

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# However long an outage lasts, attempts are at most this far apart.
MAX_RETRY_DELAY = timedelta(hours=1)


def serialize(message):
    """A JSON-ready dict holding everything needed to send `message` later."""
    mime = message.message()
    return {
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "message_id": mime["Message-ID"],
        "mime": base64.b64encode(mime.as_bytes()).decode("ascii"),
    }


class _MIMEBytes:
    """A built MIME message, handed to a mail backend as its `message()`."""

    def __init__(self, data):
        self.data = data

    def as_bytes(self, unixfrom=False, linesep="\n"):
        data = self.data.replace(b"\r\n", b"\n")
        return data if linesep == "\n" else data.replace(b"\n", linesep.encode("ascii"))

    def get_charset(self):
        # The console backend asks; the bytes are ASCII or UTF-8.
        return None


class QueuedMessage(EmailMessage):
    """A serialized message, rebuilt for the delivery backend.

    Its MIME is the one built when it was queued; subject and body are read back
    from it so that a local backend (console, the test outbox) shows them too.
    """

    def __init__(self, data):
        raw = base64.b64decode(data["mime"])
        subject, body = readable(raw)
        super().__init__(
            subject=subject,
            body=body,
            from_email=data["from_email"],
            to=data["to"],
            cc=data["cc"],
            bcc=data["bcc"],
        )
        self.mime = _MIMEBytes(raw)

    def message(self, *args, **kwargs):
        return self.mime


def readable(raw):
    """The subject and plain-text body of MIME bytes, for display only: never raises, as a
    message that cannot be read back must still be sent as it is."""
    try:
        parsed = email.message_from_bytes(raw, policy=policy.default)
        text = parsed.get_body(preferencelist=("plain",))
        return str(parsed.get("Subject", "")), text.get_content() if text is not None else ""
    except Exception:  # noqa: BLE001
        return "", ""


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message as a `deliver_email` task instead of sending it."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                deliver_email.enqueue(serialize(message))
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("Could not queue an email")
                continue
            queued += 1
        return queued


def retry_delay(attempt):
    """How long to wait after failed attempt number `attempt` (1, 2, …)."""
    first = timedelta(seconds=settings.EMAIL_RETRY_DELAY)
    return min(first * 2 ** (attempt - 1), MAX_RETRY_DELAY)


def describe(data):
    """How the logs name a message: its Message-ID, never the addresses or the content."""
    recipients = len(data["to"] + data["cc"] + data["bcc"])
    return f"{data.get('message_id') or 'an email'} to {recipients} recipient(s)"


@task()
def deliver_email(data, attempt=1):
    """Send one queued message through EMAIL_DELIVERY_BACKEND; on failure, try again later."""
    message = QueuedMessage(data)
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    try:
        # Opened here so that closing it is not part of the send: a message the
        # server accepted is done, whatever happens when we hang up.
        connection.open()
        connection.send_messages([message])
    except Exception as error:
        close_quietly(connection)
        schedule_retry(data, attempt, error)
        raise
    close_quietly(connection)
    logger.info("Sent %s (attempt %d)", describe(data), attempt)


def close_quietly(connection):
    try:
        connection.close()
    except Exception:
        logger.warning("Could not close the mail connection cleanly", exc_info=True)


def schedule_retry(data, attempt, error):
    attempts = settings.EMAIL_MAX_ATTEMPTS
    backend = deliver_email.get_backend()
    if attempt >= attempts or not backend.supports_defer:
        logger.error(
            "GAVE UP sending %s after %d attempt(s): %s. Its content stays in the task "
            "queue's table (django_tasks_database_dbtaskresult), but nobody receives it.",
            describe(data),
            attempt,
            error,
        )
        return
    when = timezone.now() + retry_delay(attempt)
    deliver_email.using(run_after=when).enqueue(data, attempt=attempt + 1)
    logger.warning(
        "Could not send %s (attempt %d of %d): %s. Trying again at %s.",
        describe(data),
        attempt,
        attempts,
        error,
        when.isoformat(timespec="seconds"),
    )
