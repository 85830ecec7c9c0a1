import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from coalition_site.models import SiteSettings


@pytest.fixture
def admin_client(client, home):
    user = get_user_model().objects.create_superuser("admin", password="a-long-test-password")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_accepts_the_admin_account(client, home):
    get_user_model().objects.create_superuser("admin", password="a-long-test-password")
    assert client.login(username="admin", password="a-long-test-password")
    response = client.get("/admin/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_editors_change_the_hotline_in_site_settings(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/coalition_site/sitesettings/{site.pk}/"
    assert admin_client.get(url).status_code == 200
    data = {
        "hotline_phone": "1-888-373-7888",
        "hotline_text": "233733",
        "hotline_tty": "711",
        "emergency_number": "911",
        "quick_exit_url": "https://www.example.com/",
        "browse_safely_page": "",
        "footer_text": "",
        "contact_email": "",
        "contact_phone": "",
        "contact_address": "",
        "facebook_url": "",
        "instagram_url": "",
        "x_url": "",
        "youtube_url": "",
        "linkedin_url": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert SiteSettings.for_site(site).quick_exit_url == "https://www.example.com/"
    page = admin_client.get("/en/").content.decode()
    assert 'href="https://www.example.com/"' in page


@pytest.mark.django_db
def test_a_bad_quick_exit_address_is_refused_and_nothing_changes(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/coalition_site/sitesettings/{site.pk}/"
    response = admin_client.post(url, {"quick_exit_url": "javascript:alert(1)"})
    assert response.status_code == 200
    assert SiteSettings.for_site(site).quick_exit_url == "https://www.weather.gov/"
