"""Coalition editors publish news; partner accounts cannot touch it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.roles import EDITORS_GROUP
from news.models import NewsPage, Topic
from partners.roles import grant_partner_access

User = get_user_model()
REFUSED = {302, 403}


def news_form(**fields):
    data = {
        "title": "Operation results",
        "slug": "operation-results",
        "kind": "press-release",
        "publication_date": "2024-05-01",
        "summary": "What happened.",
        "body": streamfield([]),
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
        "image_alt_text": "",
        "event_location": "",
        "media_contact_name": "",
        "media_contact_email": "",
        "media_contact_phone": "",
        "seo_title": "",
        "search_description": "",
    }
    lists = {name: fields.pop(name) for name in ["topics", "related_partners"] if name in fields}
    data.update(fields)
    return {**nested_form_data(data), **lists}


def snapshot():
    """Everything a refused action must leave as it was."""
    return (
        list(Page.objects.order_by("pk").values_list("pk", "path", "title", "live", "url_path")),
        Revision.objects.count(),
    )


@pytest.fixture
def partner(home, add_partner):
    return add_partner(title="Own Shelter", slug="own")


@pytest.fixture
def partner_client(client, partner):
    user = User.objects.create_user("partner@example.org", "partner@example.org", "pw-partner-1")
    grant_partner_access(partner, user)
    assert user.groups.filter(name__startswith="Partner: ").exists()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, home):
    user = User.objects.create_user("editor@example.org", "editor@example.org", "pw-editor-12")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_partner_cannot_add_news(partner_client, news_index):
    before = snapshot()
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    assert partner_client.get(url).status_code in REFUSED
    response = partner_client.post(url, news_form(**{"action-publish": "publish"}))
    assert response.status_code in REFUSED
    assert snapshot() == before
    assert not NewsPage.objects.filter(slug="operation-results").exists()


@pytest.mark.django_db
def test_partner_cannot_edit_or_publish_news_even_naming_it(partner_client, add_news, partner):
    item = add_news(title="Names the partner", slug="names-partner", partners=[partner])
    before = snapshot()
    url = reverse("wagtailadmin_pages:edit", args=[item.pk])
    assert partner_client.get(url).status_code in REFUSED
    for action in ({}, {"action-publish": "publish"}):
        response = partner_client.post(
            url, news_form(title="Hijacked", slug="names-partner", **action)
        )
        assert response.status_code in REFUSED
    for action in ["unpublish", "delete"]:
        response = partner_client.post(reverse(f"wagtailadmin_pages:{action}", args=[item.pk]))
        assert response.status_code in REFUSED
    assert snapshot() == before
    item.refresh_from_db()
    assert item.title == "Names the partner" and item.live


@pytest.mark.django_db
def test_coalition_editor_publishes_news_with_an_older_date(editor_client, news_index, add_partner):
    da = add_partner(title="District Attorney", slug="da")
    topic = Topic.objects.create(name="Sentencing")
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(
        url,
        news_form(
            topics=[topic.pk],
            related_partners=[da.pk],
            publication_date="2019-06-17",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    item = NewsPage.objects.get(slug="operation-results")
    assert item.live and item.first_published_at is not None
    assert str(item.publication_date) == "2019-06-17"
    assert list(item.topics.all()) == [topic]
    assert list(item.related_partners.all()) == [da.page_ptr.specific]
    assert editor_client.get("/en/news/operation-results/").status_code == 200


@pytest.mark.django_db
def test_editor_form_refuses_an_image_without_alt_text_and_an_event_ending_first(
    editor_client, news_index
):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Banner", file=get_test_image_file())
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    response = editor_client.post(
        url,
        news_form(
            image=image.pk,
            kind="event",
            event_start="2030-01-15 10:00",
            event_end="2030-01-15 09:00",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "image_alt_text" in errors and "event_end" in errors
    assert not NewsPage.objects.exists()


@pytest.mark.django_db
def test_coalition_editors_manage_topics(editor_client):
    group = Group.objects.get(name=EDITORS_GROUP)
    codenames = set(
        group.permissions.filter(content_type__app_label="news").values_list("codename", flat=True)
    )
    assert {"add_topic", "change_topic", "delete_topic", "view_topic"} <= codenames
    response = editor_client.get(reverse("wagtailsnippets_news_topic:list"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_partners_cannot_manage_topics(partner_client):
    assert partner_client.get(reverse("wagtailsnippets_news_topic:list")).status_code in REFUSED
    assert not Permission.objects.filter(
        group__name__startswith="Partner: ", content_type__app_label="news"
    ).exists()


@pytest.mark.django_db
def test_editor_previews_a_new_item_and_a_draft_change(editor_client, news_index, add_news):
    topic = Topic.objects.create(name="Sentencing")
    url = reverse("wagtailadmin_pages:preview_on_add", args=["news", "newspage", news_index.pk])
    form = news_form(title="Preview me", topics=[topic.pk])
    assert editor_client.post(url, form).json()["is_valid"] is True
    response = editor_client.get(url)
    assert response.status_code == 200
    assert b"Preview me" in response.content
    assert b'"@type": "NewsArticle"' in response.content

    item = add_news(title="Live title", slug="live-title")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[item.pk])
    editor_client.post(url, news_form(title="Draft title", slug="live-title"))
    assert b"Draft title" in editor_client.get(url).content
    # The live page is unchanged until the draft is published.
    assert b"Live title" in editor_client.get("/en/news/live-title/").content
