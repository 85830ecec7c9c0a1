"""Sign-in lockout (django-axes), password rules, and sessions."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

LOGIN = "/admin/login/"
ACCOUNT = "/admin/account/"
PASSWORD = "a-long-and-unusual-passphrase"

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser(
        "editor",
        email="editor@example.org",
        password=PASSWORD,
        first_name="Eda",
        last_name="Tor",
    )


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


def sign_in(client, password, username="editor", address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def change_password(client, old, new1, new2=None):
    """Post the admin's account page as a browser would, with the password fields filled."""
    soup = BeautifulSoup(client.get(ACCOUNT).content, "html.parser")
    form = soup.select_one("form[method=post]")
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        kind = field.get("type", "")
        if kind in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[field["name"]] = chosen.get("value", "") if chosen else ""
        else:
            data[field["name"]] = field.get(
                "value", field.get_text() if field.name == "textarea" else ""
            )
    data.update(
        {
            "password-old_password": old,
            "password-new_password1": new1,
            "password-new_password2": new2 or new1,
        }
    )
    return client.post(ACCOUNT, data)


def page_errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(item.get_text(" ", strip=True) for item in soup.select(".messages .error"))


def lock_out(client, username="editor", address="203.0.113.7"):
    responses = [
        sign_in(client, "wrong-password", username=username, address=address)
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    return responses


def test_five_wrong_passwords_lock_the_account_from_that_address(client, editor, axes_on):
    responses = lock_out(client)
    # The first four are ordinary "wrong password" answers.
    for response in responses[:-1]:
        assert response.status_code == 200
        assert "paused" not in page_errors(response)
    locked = responses[-1]
    assert locked.status_code == 429
    assert locked["Retry-After"] == "1800"
    # The Wagtail sign-in page, with the reason in its message area.
    assert "30 minutes" in page_errors(locked)
    assert "Too many failed sign-in attempts" in page_errors(locked)
    assert BeautifulSoup(locked.content, "html.parser").select_one("form.login-form")

    # Even the right password is refused now.
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_for_that_username_and_address_only(client, editor, axes_on):
    lock_out(client)
    other_address = sign_in(Client(), PASSWORD, address="198.51.100.20")
    assert other_address.status_code == 302
    get_user_model().objects.create_user("writer", password=PASSWORD)
    other_user = sign_in(Client(), PASSWORD, username="writer")
    assert other_user.status_code == 302


def test_the_lockout_expires_after_the_cool_off(client, editor, axes_on):
    lock_out(client)
    assert sign_in(client, PASSWORD).status_code == 429

    # 29 minutes on: still locked.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=29))
    assert sign_in(client, PASSWORD).status_code == 429

    # 31 minutes after the last attempt: the right password works again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_an_administrator_unlocks_at_once_with_axes_reset(client, editor, axes_on):
    lock_out(client)
    assert sign_in(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor")
    assert sign_in(client, PASSWORD).status_code == 302


def test_axes_reset_clears_every_lockout(client, editor, axes_on):
    lock_out(client)
    call_command("axes_reset")
    assert AccessAttempt.objects.count() == 0
    assert sign_in(client, PASSWORD).status_code == 302


def test_a_successful_sign_in_forgets_earlier_failures(client, editor, axes_on):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong-password")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    # Four more failures do not lock: the count started again.
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong-password").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_django_admin_sign_in_is_protected_too(client, editor, axes_on):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            "/django-admin/login/",
            {"username": "editor", "password": "wrong-password"},
            REMOTE_ADDR="203.0.113.7",
        )
    assert response.status_code == 429
    assert b"Too many failed sign-in attempts" in response.content


# ---------------------------------------------------------------- passwords


@pytest.mark.parametrize(
    "password, reason",
    [
        ("Sh0rt-pass", "too short"),
        ("password1234", "too common"),
        ("123456789012345", "entirely numeric"),
    ],
)
def test_weak_passwords_are_refused(password, reason):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert reason in " ".join(error.value.messages)


def test_a_long_unusual_password_is_accepted():
    validate_password("kettle-lantern-orchard-42")


def test_the_admin_change_password_form_applies_the_rules(client, editor):
    client.force_login(editor)
    response = change_password(client, PASSWORD, "short1")
    assert response.status_code == 200
    assert b"too short" in response.content
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


# ---------------------------------------------------------------- sessions


def test_signing_in_gives_a_new_session_key(client, editor):
    session = client.session
    session["before"] = "sign-in"
    session.save()
    before = session.session_key
    assert sign_in(client, PASSWORD).status_code == 302
    assert client.session.session_key != before


def test_changing_the_password_ends_every_other_session(editor):
    here, elsewhere = Client(), Client()
    here.force_login(editor)
    elsewhere.force_login(editor)
    assert elsewhere.get("/admin/").status_code == 200

    response = change_password(here, PASSWORD, "a-brand-new-long-passphrase")
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("a-brand-new-long-passphrase")

    # The browser that changed it stays signed in; the other one is signed out.
    assert here.get("/admin/").status_code == 200
    response = elsewhere.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_the_admin_makes_no_request_to_gravatar(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"gravatar" not in response.content.lower()
