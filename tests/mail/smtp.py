"""A local SMTP server (aiosmtpd) that a test starts and stops, keeping what it received."""

import email
import socket
from email import policy

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MailServer:
    """Listens on 127.0.0.1:`port` only between start() and stop(); until then, the
    port refuses connections like a mail server that is down."""

    def __init__(self):
        self.port = free_port()
        self.received = []  # (sender, recipients, parsed message)
        self.controller = None

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None
