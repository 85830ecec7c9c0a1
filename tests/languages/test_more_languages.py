"""A language of the region added without code: an administrator adds the locale and
publishes a translated home page. Hmong is the hard case, since Django knows no Hmong."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def hmong_home(home):
    Locale.objects.get_or_create(language_code="hmn")
    page = home.copy_for_translation(Locale.objects.get(language_code="hmn"))
    page.title = "Tsev"
    page.save_revision().publish()
    return page


def test_an_administrator_can_add_hmong_in_the_admin(client, home):
    admin = get_user_model().objects.create_superuser("locales", password="x" * 16)
    client.force_login(admin)
    form = client.get("/admin/locales/new/").content.decode()
    assert 'value="hmn"' in form
    response = client.post("/admin/locales/new/", {"language_code": "hmn"})
    assert response.status_code == 302
    assert Locale.objects.filter(language_code="hmn").exists()


def test_a_hmong_home_page_is_served_under_its_prefix(client, home, hmong_home):
    response = client.get("/hmn/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="hmn"' in html
    assert "1-888-373-7888" in html
    assert "Quick exit" in html  # the interface stays English until it is translated


def test_the_switcher_and_the_root_redirect_know_hmong(client, home, hmong_home):
    english = client.get("/en/").content.decode()
    assert 'href="/hmn/" lang="hmn" hreflang="hmn"' in english
    assert "Hmoob" in english
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="hmn,en;q=0.5")
    assert response["Location"] == "/hmn/"


def test_hmong_is_not_public_until_its_home_page_is(client, home):
    Locale.objects.get_or_create(language_code="hmn")
    assert client.get("/hmn/").status_code == 404
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="hmn")["Location"] == "/en/"
