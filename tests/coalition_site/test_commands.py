from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from coalition_site.models import HomePage, StandardPage
from safety.models import SafetySettings


def run(*args, **kwargs):
    out = StringIO()
    call_command(*args, stdout=out, **kwargs)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_content_builds_the_site_from_public_facts(client, demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"about", "browse-safely", "reset-court", "operation-hot-spots"} <= slugs
    # The safety app replaces the standard "Get help" page with its own page type.
    assert Page.objects.live().filter(slug="get-help", depth=3).exists()
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()
    settings = SafetySettings.for_site(site)
    assert settings.browse_safely_page.slug == "browse-safely"
    for url in ["/en/", "/en/about/", "/en/get-help/", "/en/browse-safely/", "/en/reset-court/"]:
        assert client.get(url).status_code == 200, url
    browse_safely = client.get("/en/browse-safely/").content.decode()
    assert "does not erase your browsing history" in browse_safely
    assert "103" in client.get("/en/operation-hot-spots/").content.decode()


@pytest.mark.django_db
def test_demo_content_is_idempotent(demo):
    count = Page.objects.count()
    output = run("load_demo_content")
    assert Page.objects.count() == count
    assert "already present" in output


@pytest.mark.django_db
def test_demo_content_reset_rebuilds_edited_pages(demo):
    about = StandardPage.objects.get(slug="about")
    about.title = "Edited by hand"
    about.save_revision().publish()
    count = Page.objects.count()
    run("load_demo_content", reset=True)
    assert Page.objects.count() == count
    assert StandardPage.objects.get(slug="about").title == "About"
    assert Site.objects.filter(is_default_site=True).count() == 1


@pytest.mark.django_db
def test_ensure_admin_creates_once_and_keeps_the_password(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-test-password")
    output = run("ensure_admin")
    User = get_user_model()
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("a-long-test-password")
    assert "a-long-test-password" not in output

    monkeypatch.setenv("ADMIN_PASSWORD", "another-password-entirely")
    assert "already exists" in run("ensure_admin")
    admin.refresh_from_db()
    assert admin.check_password("a-long-test-password")


@pytest.mark.django_db
def test_ensure_admin_prints_a_generated_password_once(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    output = run("ensure_admin")
    password = output.split("password: ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
