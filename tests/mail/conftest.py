import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import override_settings
from django_tasks import default_task_backend

from coalition_site.forms import SALT
from coalition_site.models import FormField, FormPage


@pytest.fixture
def queued():
    """The site's email backend in front of the test outbox; tasks kept, not run.

    Yields the list of queued tasks (django-tasks' DummyBackend results)."""
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(EMAIL_BACKEND="coalition_site.mail.QueuedEmailBackend", TASKS=dummy):
        default_task_backend.clear()
        yield default_task_backend.results


@pytest.fixture
def contact(home):
    """The Contact form page, emailing each submission to staff."""
    cache.clear()  # the form's rate limit
    page = FormPage(
        title="Contact",
        slug="contact",
        to_address="staff@example.org",
        from_address="site@example.org",
        subject="Message from the website",
    )
    page.form_fields = [
        FormField(sort_order=0, label="Your name", field_type="singleline", required=True),
        FormField(sort_order=1, label="Email", field_type="email", required=True),
        FormField(sort_order=2, label="Message", field_type="multiline", required=True),
    ]
    home.add_child(instance=page)
    return page


@pytest.fixture
def answer():
    """What a visitor types into the Contact form, shown ten seconds earlier."""
    return {
        "your_name": "Ana",
        "email": "ana@example.org",
        "message": "Can someone speak at our school in March?",
        "website_address": "",
        "form_started": signing.dumps(time.time() - 10, salt=SALT),
    }
