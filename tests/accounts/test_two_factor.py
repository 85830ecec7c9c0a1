"""Two-step sign-in (django-otp TOTP): required for superusers and coalition editors when
TWO_FACTOR_REQUIRED is on (production), optional for partners, off in development."""

import importlib
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import EDITORS_GROUP

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-unusual-passphrase"
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


@pytest.fixture
def required():
    with override_settings(TWO_FACTOR_REQUIRED=True):
        yield


def make_user(username, superuser=False, group=None):
    User = get_user_model()
    if superuser:
        user = User.objects.create_superuser(username, password=PASSWORD)
    else:
        user = User.objects.create_user(username, password=PASSWORD)
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def signed_in(user):
    client = Client()
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def code_for(device, drift=0):
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return f"{code:06d}"


def set_up_app(client):
    """Do what a person does on the setup page: read the key, type the current code."""
    page = client.get(SETUP)
    assert page.status_code == 200
    secret = BeautifulSoup(page.content, "html.parser").select_one("[data-totp-secret]").get_text()
    device = TOTPDevice.objects.get(confirmed=False)
    assert re.sub(r"\s", "", secret)  # shown for typing in by hand
    return client.post(SETUP, {"token": code_for(device), "next": "/admin/"}), device


@pytest.mark.parametrize("who", ["superuser", "editor"])
def test_superusers_and_editors_must_set_up_an_app(required, who):
    user = make_user(who, superuser=who == "superuser", group=EDITORS_GROUP)
    client = signed_in(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    # Nothing else in the admin is reachable either, the Django admin included.
    assert client.get("/admin/pages/").status_code == 302
    assert client.get("/django-admin/").status_code == 302

    page = client.get(SETUP)
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.select_one("img[src^='data:image/svg+xml']") is not None  # the QR code
    # What the page itself loads (the icon sprite, translations) is not held back.
    assert client.get("/admin/jsi18n/").status_code == 200
    sprite = soup.select_one("[data-icon-url]")["data-icon-url"]
    assert client.get(sprite).status_code == 200

    response, device = set_up_app(client)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_does_not_turn_it_on(required):
    client = signed_in(make_user("boss", superuser=True))
    client.get(SETUP)
    response = client.post(SETUP, {"token": "000000"})
    assert response.status_code == 200
    assert "not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)  # throttling has its own test below
def test_every_new_sign_in_asks_for_a_code(required):
    user = make_user("boss", superuser=True)
    set_up_app(signed_in(user))
    device = TOTPDevice.objects.get(user=user)

    client = signed_in(user)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)

    wrong = client.post(VERIFY, {"token": "123456", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302

    right = client.post(VERIFY, {"token": code_for(device, drift=1), "next": "/admin/pages/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_wrong_codes_are_throttled(required):
    user = make_user("boss", superuser=True)
    set_up_app(signed_in(user))
    device = TOTPDevice.objects.get(user=user)
    client = signed_in(user)
    for _ in range(3):
        client.post(VERIFY, {"token": "999999"})
    # Even the right code is refused while the device is throttled.
    response = client.post(VERIFY, {"token": code_for(device)})
    assert response.status_code == 200
    assert "Too many wrong codes" in response.content.decode()


def test_verify_never_redirects_to_another_site(required):
    user = make_user("boss", superuser=True)
    set_up_app(signed_in(user))
    device = TOTPDevice.objects.get(user=user)
    client = signed_in(user)
    response = client.post(
        VERIFY, {"token": code_for(device, drift=1), "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_partners_may_go_without(required):
    partner = make_user("partner")
    client = signed_in(partner)
    assert client.get("/admin/").status_code == 200


def test_a_partner_who_set_it_up_is_asked_every_time(required):
    partner = make_user("partner")
    response, _device = set_up_app(signed_in(partner))
    assert response.status_code == 302
    client = signed_in(partner)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_nobody_is_asked_when_it_is_not_required():
    client = signed_in(make_user("boss", superuser=True))
    assert client.get("/admin/").status_code == 200


def test_public_pages_are_never_held_up(required, home):
    client = signed_in(make_user("boss", superuser=True))
    assert client.get("/en/").status_code == 200


def test_production_requires_two_factor(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "production-like-test-key-" + "k" * 40)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/unused.sqlite3")
    production = importlib.reload(importlib.import_module("coalition_site.settings.production"))
    assert production.TWO_FACTOR_REQUIRED is True
    dev = importlib.import_module("coalition_site.settings.dev")
    assert dev.TWO_FACTOR_REQUIRED is False
