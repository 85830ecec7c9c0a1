"""The invitation a partner receives: a one-time link to set a password, sent by email.

`password_setup_link` is the link `manage.py create_partner_account` prints
and the invitation carries; `send_invitation` is the one place the email is built.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

# The admin and the emails it sends are in English.
EMAIL_LANGUAGE = "en"


def absolute_admin_url(path, request=None):
    """`path` on the admin's address: the request's host, or WAGTAILADMIN_BASE_URL."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def password_setup_link(user, request=None):
    """A link to Wagtail's "set a new password" form for `user`.

    It works once (setting a password changes what the token was made from)
    and expires after PASSWORD_RESET_TIMEOUT seconds.
    """
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    return absolute_admin_url(path, request)


def link_valid_days():
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def send_invitation(user, partner, request=None, invited_by=None):
    """Email `user` an invitation to keep `partner`'s profile current. Returns the link."""
    link = password_setup_link(user, request)
    context = {
        "user": user,
        "partner": partner,
        "link": link,
        "days": link_valid_days(),
        "sign_in_url": absolute_admin_url(reverse("wagtailadmin_login"), request),
        "invited_by": invited_by,
    }
    with translation.override(EMAIL_LANGUAGE):
        subject = render_to_string("partners/email/invitation_subject.txt", context)
        body = render_to_string("partners/email/invitation.txt", context)
    EmailMessage(" ".join(subject.split()), body, to=[user.email]).send()
    return link
