"""Delivery backends for the tests: a mail server that refuses, and one that hangs up badly."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend

SENT = []


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class AcceptsThenFailsToCloseBackend(BaseEmailBackend):
    """Accepts every message, then fails while hanging up."""

    def send_messages(self, email_messages):
        SENT.extend(email_messages)
        return len(email_messages)

    def close(self):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
