"""Spam protection for the site's forms, with no third-party service.

Three checks: a honeypot field people never see, a minimum time between
showing the form and sending it, and a per-address limit on submissions.
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

HONEYPOT_FIELD = "website_address"
STARTED_FIELD = "form_started"
PROTECTION_FIELDS = {HONEYPOT_FIELD, STARTED_FIELD}
MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 60 * 60
RATE_LIMIT = 5
RATE_WINDOW_SECONDS = 60 * 60
SALT = "coalition_site.forms.started"

REFUSED_AS_SPAM = _("Your message could not be sent. Please try again, or call us instead.")
TOO_FAST = _(
    "That was quicker than a person can fill in this form. Please check it and send it again."
)
EXPIRED = _("This form was open for a long time. Please check it and send it again.")
CHOOSE = _("Choose…")
TOO_MANY = _(
    "Too many messages were sent from your connection in the last hour. Please try again "
    "later. If you need help now, call the hotline."
)


def started_token():
    return signing.dumps(time.time(), salt=SALT)


class ProtectedForm(BaseForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=started_token
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(REFUSED_AS_SPAM, code="honeypot")
        # A form shown again with errors keeps the time it was first shown, so
        # the time the visitor already spent on it counts: correcting a field
        # and sending it straight away is not "too fast". Only a missing,
        # forged or expired start time is replaced.
        started = cleaned.get(STARTED_FIELD) or ""
        try:
            started_at = signing.loads(started, salt=SALT, max_age=MAX_FORM_AGE_SECONDS)
        except signing.SignatureExpired as error:
            self.restart_timer()
            raise forms.ValidationError(EXPIRED, code="expired") from error
        except signing.BadSignature as error:
            self.restart_timer()
            raise forms.ValidationError(REFUSED_AS_SPAM, code="no_start_time") from error
        if time.time() - float(started_at) < MIN_FILL_SECONDS:
            raise forms.ValidationError(TOO_FAST, code="too_fast")
        for name in PROTECTION_FIELDS:
            cleaned.pop(name, None)
        # An optional number or date left empty is None: keep it as an empty
        # answer, not the word "None" in the submissions list and the email.
        cleaned.update({name: "" for name, value in cleaned.items() if value is None})
        return cleaned

    def restart_timer(self):
        """Give the form shown again a new start time."""
        self.data = self.data.copy()
        self.data[STARTED_FIELD] = started_token()

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]


class ProtectedFormBuilder(FormBuilder):
    def create_dropdown_field(self, field, options):
        """A dropdown starts on "Choose…", so a required one cannot be sent unanswered."""
        choice_field = super().create_dropdown_field(field, options)
        choice_field.choices = [("", CHOOSE), *choice_field.choices]
        return choice_field

    def get_form_class(self):
        return type("ProtectedWagtailForm", (ProtectedForm,), self.formfields)


def client_key(request):
    """A hash of the visitor's address: the address itself is never stored."""
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return f"form-submissions:{digest[:32]}"


def over_rate_limit(request):
    """Count this submission; True when the address has sent too many this hour."""
    key = client_key(request)
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        count = 1
    return count > RATE_LIMIT
