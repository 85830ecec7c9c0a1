import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from accounts.roles import EDITORS_GROUP
from coalition_site.models import HomePage, StandardPage
from resources.models import Audience, ResourceIndexPage, ResourcePage
from safety.models import GetHelpPage
from tests.factories import (
    DocumentFactory,
    GetHelpPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    document_file,
)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


class TreeTests(WagtailPageTestCase):
    def test_library_and_get_help_live_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, ResourceIndexPage)
        self.assertCanCreateAt(HomePage, GetHelpPage)
        self.assertCanNotCreateAt(StandardPage, ResourceIndexPage)
        self.assertCanNotCreateAt(Page, GetHelpPage)
        self.assertAllowedSubpageTypes(GetHelpPage, {})

    def test_resources_live_in_the_library_only(self):
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})
        self.assertAllowedSubpageTypes(ResourcePage, {})


@pytest.mark.django_db
@pytest.mark.parametrize("page_class", [ResourceIndexPage, GetHelpPage])
def test_one_library_and_one_get_help_page_per_home_page(home, page_class):
    assert page_class.can_create_at(home)
    factory = ResourceIndexPageFactory if page_class is ResourceIndexPage else GetHelpPageFactory
    home.add_child(instance=factory.build())
    assert not page_class.can_create_at(HomePage.objects.get(pk=home.pk))


@pytest.mark.django_db
def test_a_resource_is_a_document_or_a_link_never_both_never_neither(library):
    document = DocumentFactory()
    both = ResourcePageFactory.build(document=document, link_url="https://example.org/")
    with pytest.raises(ValidationError) as error:
        both.clean()
    assert set(error.value.message_dict) == {"document", "link_url"}
    assert "not both" in str(error.value)

    neither = ResourcePageFactory.build(document=None, link_url="")
    with pytest.raises(ValidationError) as error:
        neither.clean()
    assert "Choose a document or enter an external link" in str(error.value)

    ResourcePageFactory.build(document=document, link_url="").clean()
    ResourcePageFactory.build(document=None, link_url="https://example.org/").clean()


@pytest.mark.django_db
def test_the_admin_refuses_a_resource_with_both_a_file_and_a_link(admin_client, library):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    document = DocumentFactory()
    data = nested_form_data(
        {
            "title": "Both",
            "slug": "both",
            "summary": "",
            "resource_type": "guide",
            "document": document.pk,
            "link_url": "https://example.org/",
            "entry_language": "",
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(
        f"/admin/pages/add/resources/resourcepage/{library.pk}/", data, follow=True
    )
    assert response.status_code == 200
    assert "not both" in response.content.decode()
    assert not ResourcePage.objects.exists()

    data["document"] = ""
    response = admin_client.post(f"/admin/pages/add/resources/resourcepage/{library.pk}/", data)
    assert response.status_code == 302
    assert ResourcePage.objects.get().live


@pytest.mark.django_db
def test_coalition_editors_manage_audiences_and_topics(client, django_user_model):
    editors = Group.objects.get(name=EDITORS_GROUP)
    granted = set(
        editors.permissions.filter(content_type__app_label="resources").values_list(
            "codename", flat=True
        )
    )
    expected = {
        f"{action}_{model}"
        for model in ["audience", "topic"]
        for action in ["add", "change", "delete", "view"]
    }
    assert granted == expected

    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(editors)
    client.force_login(editor)
    for model in ["audience", "topic"]:
        assert client.get(f"/admin/snippets/resources/{model}/add/").status_code == 200
    response = client.post("/admin/snippets/resources/audience/add/", {"name": "Faith leaders"})
    assert response.status_code == 302
    assert Audience.objects.get(name="Faith leaders").slug == "faith-leaders"


@pytest.mark.django_db
def test_resource_page_shows_the_file_its_size_and_the_lists(client, add_resource):
    document = DocumentFactory(file=document_file("signs.pdf"), file_size=2048)
    resource = add_resource(
        title="Signs guide",
        resource_type="guide",
        link_url="",
        document=document,
        audiences=["Educators"],
        topics=["Recognising the signs"],
        languages=["English"],
    )
    soup = soup_of(client.get(resource.url))
    assert soup.h1.get_text() == "Signs guide"
    action = soup.select_one(".resource__action")
    assert action.a["href"] == document.url
    assert "PDF, 2.0\xa0KB" in action.get_text()
    details = soup.select_one("dl.details").get_text(" ", strip=True)
    assert "Guide or fact sheet" in details
    assert "Educators" in details and "Recognising the signs" in details and "English" in details
    assert soup.select_one("[data-print-button]")


@pytest.mark.django_db
def test_resource_page_links_out_without_a_referrer_and_marks_its_language(client, add_resource):
    resource = add_resource(
        title="Línea de ayuda",
        summary="Llame a cualquier hora.",
        entry_language="es",
        resource_type="hotline",
        link_url="https://help.example.org/es/",
    )
    soup = soup_of(client.get(resource.url))
    assert soup.h1["lang"] == "es"
    assert soup.select_one(".lead")["lang"] == "es"
    link = soup.select_one(".resource__action a")
    assert link["href"] == "https://help.example.org/es/"
    assert link["rel"] == ["noopener", "noreferrer"]
    assert "help.example.org" in soup.select_one(".resource__action").get_text()


@pytest.mark.django_db
def test_library_leaves_out_drafts_and_private_resources(client, add_resource):
    add_resource(title="Open to all")
    add_resource(title="Draft", live=False)
    private = add_resource(title="Members only")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    soup = soup_of(client.get("/en/resources/"))
    assert [a.get_text() for a in soup.select(".card__title a")] == ["Open to all"]
    assert "1 resource" in soup.select_one(".listing__count").get_text()


@pytest.mark.django_db
def test_editors_can_open_every_resources_page_type_in_the_admin(admin_client, add_resource, home):
    resource = add_resource(title="A guide")
    get_help = GetHelpPageFactory.build()
    home.add_child(instance=get_help)
    for page in [resource.get_parent(), resource, get_help]:
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
        preview = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
        assert preview.status_code == 200
