"""Editors translate pages from the admin and see which pages have no translation yet."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from coalition_site.admin_views import untranslated_pages
from coalition_site.models import FooterText, StandardPage
from tests.factories import StandardPageFactory

from .conftest import translate

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/untranslated-pages/"


def add_page(parent, **fields):
    page = StandardPageFactory.build(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def editor(django_user_model, client):
    user = django_user_model.objects.create_user("editor", password="x" * 16)
    user.groups.add(Group.objects.get(name="Coalition editors"))
    client.force_login(user)
    return user


def test_report_lists_live_english_pages_without_a_spanish_translation(
    client, editor, home, es_home, spanish
):
    done = add_page(home, slug="done", title="Translated page")
    translate(done, es_home, title="Página traducida")
    todo = add_page(home, slug="todo", title="Waiting for Spanish")
    draft = StandardPageFactory.build(slug="draft", title="Only a draft", live=False)
    home.add_child(instance=draft)

    assert set(untranslated_pages(spanish)) == {Page.objects.get(pk=todo.pk)}
    response = client.get(REPORT + "?language=es")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Waiting for Spanish" in html
    assert f"/admin/translation/submit/page/{todo.pk}/" in html
    assert "Translated page" not in html and "Only a draft" not in html
    # In the Reports menu.
    assert REPORT in client.get("/admin/").content.decode()
    # Exported for a translator, as Wagtail's reports are.
    export = client.get(REPORT + "?language=es&export=csv")
    assert export["Content-Type"].startswith("text/csv")
    rows = b"".join(export.streaming_content).decode()
    assert "Waiting for Spanish" in rows and "Translated page" not in rows
    # The filter's results alone, as the admin reloads them.
    results = client.get(REPORT + "results/?language=es").content.decode()
    assert "Waiting for Spanish" in results and "<html" not in results


def test_report_is_refused_to_partner_accounts(client, django_user_model, home):
    user = django_user_model.objects.create_user("partner", password="x" * 16)
    user.user_permissions.add(*[])
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)


def test_editor_translates_a_page_into_spanish_from_the_admin(
    client, editor, home, es_home, spanish
):
    page = add_page(home, slug="guide", title="A guide")
    count = Page.objects.count()
    response = client.post(f"/admin/translation/submit/page/{page.pk}/", {"locales": [spanish.pk]})
    assert response.status_code == 302
    assert Page.objects.count() == count + 1
    copy = StandardPage.objects.get(translation_key=page.translation_key, locale=spanish)
    assert copy.get_parent().pk == es_home.pk
    assert not copy.live  # a draft for the editor to translate, then publish
    assert not untranslated_pages(spanish).filter(pk=page.pk).exists()


def test_editors_write_the_footer_and_translate_it_into_spanish(
    client, editor, home, es_home, spanish
):
    response = client.post(
        "/admin/snippets/coalition_site/footertext/add/", {"text": "Written by the coalition."}
    )
    assert response.status_code == 302
    english = FooterText.objects.get()
    # Until it is translated, Spanish pages show the English text, marked as English.
    assert '<p class="site-footer__text" lang="en">Written by the coalition.' in (
        client.get("/es/").content.decode()
    )

    url = f"/admin/translation/submit/snippet/coalition_site/footertext/{english.pk}/"
    assert client.post(url, {"locales": [spanish.pk]}).status_code == 302
    spanish_text = FooterText.objects.get(locale=spanish)
    assert spanish_text.translation_key == english.translation_key
    response = client.post(
        f"/admin/snippets/coalition_site/footertext/edit/{spanish_text.pk}/",
        {"text": "Texto del pie de página."},
    )
    assert response.status_code == 302
    client.logout()
    assert "Texto del pie de página." in client.get("/es/").content.decode()
    english_page = client.get("/en/").content.decode()
    assert "Written by the coalition." in english_page
    assert "Texto del pie de página." not in english_page
