"""What a partner account may and may not do in the admin.

Each refusal asserts the response and that nothing changed: live content,
revisions and the page tree.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, Revision, Site

from accounts.roles import EDITORS_GROUP
from partners.roles import grant_partner_access
from safety.models import SafetySettings
from tests.factories import StandardPageFactory

User = get_user_model()


def edit_form_data(client, page):
    """The page's edit form as the admin renders it, ready to post back."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser").select_one("form#page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = field.select("option[selected]")
            data[name] = (
                [o.get("value", "") for o in chosen]
                if field.has_attr("multiple")
                else (chosen[0].get("value", "") if chosen else "")
            )
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in {"submit", "button", "file"}:
            data[name] = field.get("value", "") if field.name == "input" else field.get_text()
    return data


def snapshot():
    """Everything a refused action must leave as it was."""
    return (
        list(Page.objects.order_by("pk").values_list("pk", "path", "title", "live", "url_path")),
        Revision.objects.count(),
    )


@pytest.fixture
def tree(home, directory, add_partner):
    own = add_partner(title="Own Shelter", slug="own")
    other = add_partner(title="Other Clinic", slug="other")
    other.save_revision()  # another partner's draft
    standard = StandardPageFactory.build(title="About", slug="about")
    home.add_child(instance=standard)
    return {"own": own, "other": other, "standard": standard, "home": home, "directory": directory}


@pytest.fixture
def partner_user(tree):
    user = User.objects.create_user("partner@example.org", "partner@example.org", "pw-partner-1")
    grant_partner_access(tree["own"], user)
    return user


@pytest.fixture
def partner_client(client, partner_user):
    client.force_login(partner_user)
    return client


REFUSED = {302, 403, 404}


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["other", "standard", "home", "directory"])
def test_partner_cannot_open_or_post_the_editor_of_pages_not_its_own(partner_client, tree, target):
    page = tree[target]
    before = snapshot()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert partner_client.get(url).status_code in REFUSED
    response = partner_client.post(url, {"title": "Hijacked", "slug": page.slug})
    assert response.status_code in REFUSED
    response = partner_client.post(
        url, {"title": "Hijacked", "slug": page.slug, "action-publish": "publish"}
    )
    assert response.status_code in REFUSED
    assert snapshot() == before


ACTIONS_ON_PAGES = [
    (action, target)
    for action in ["unpublish", "delete", "copy", "move", "add_subpage"]
    for target in ["own", "other", "standard", "home", "directory"]
    # Copying its own page has its own test below: Wagtail shows that form.
    if (action, target) != ("copy", "own")
]


@pytest.mark.django_db
@pytest.mark.parametrize("action, target", ACTIONS_ON_PAGES)
def test_partner_cannot_unpublish_delete_copy_move_or_add_under_any_page(
    partner_client, tree, action, target
):
    page = tree[target]
    before = snapshot()
    url = reverse(f"wagtailadmin_pages:{action}", args=[page.pk])
    assert partner_client.get(url).status_code in REFUSED
    assert partner_client.post(url, {"new_title": "Copy", "new_slug": "copy"}).status_code in (
        REFUSED
    )
    assert snapshot() == before


@pytest.mark.django_db
def test_partner_cannot_copy_its_own_page(partner_client, tree):
    # Wagtail shows the copy form for a page one can edit, but refuses every
    # destination the partner cannot add pages under.
    before = snapshot()
    url = reverse("wagtailadmin_pages:copy", args=[tree["own"].pk])
    for parent in ["directory", "home"]:
        response = partner_client.post(
            url,
            {
                "new_title": "Copy",
                "new_slug": "copy",
                "new_parent_page": tree[parent].pk,
                "publish_copies": "on",
            },
        )
        assert response.status_code in {200, *REFUSED}
        if response.status_code == 200:
            assert b"error" in response.content
    assert snapshot() == before


@pytest.mark.django_db
def test_partner_cannot_move_its_page_elsewhere(partner_client, tree):
    before = snapshot()
    url = reverse("wagtailadmin_pages:move_confirm", args=[tree["own"].pk, tree["home"].pk])
    assert partner_client.post(url).status_code in REFUSED
    assert snapshot() == before


@pytest.mark.django_db
def test_partner_cannot_create_pages_anywhere(partner_client, tree):
    before = snapshot()
    for parent, model in [("directory", "partnerpage"), ("home", "standardpage")]:
        app = "partners" if model == "partnerpage" else "coalition_site"
        url = reverse("wagtailadmin_pages:add", args=[app, model, tree[parent].pk])
        assert partner_client.get(url).status_code in REFUSED
        response = partner_client.post(url, {"title": "New", "slug": "new", "sector": "other"})
        assert response.status_code in REFUSED
    assert snapshot() == before


@pytest.mark.django_db
def test_partner_edits_its_own_page_as_a_draft_only(partner_client, tree):
    own = tree["own"]
    data = edit_form_data(partner_client, own)
    data["title"] = "Own Shelter, renamed"
    data["action-publish"] = "publish"
    response = partner_client.post(reverse("wagtailadmin_pages:edit", args=[own.pk]), data)
    assert response.status_code in {200, 302}
    own.refresh_from_db()
    assert own.title == "Own Shelter"  # the live page is untouched
    assert own.live
    assert own.get_latest_revision_as_object().title == "Own Shelter, renamed"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/settings/coalition_site/sitesettings/{site}/",
        "/admin/settings/safety/safetysettings/{site}/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/snippets/partners/service/",
        "/admin/snippets/coalition_site/language/",
        "/admin/collections/",
        "/admin/workflows/list/",
        "/admin/reports/partner-profiles/",
        "/admin/redirects/",
    ],
)
def test_partner_is_refused_settings_users_snippets_and_reports(partner_client, url):
    site = Site.objects.get(is_default_site=True)
    response = partner_client.get(url.format(site=site.pk))
    assert response.status_code in REFUSED, url


@pytest.mark.django_db
def test_partner_cannot_change_site_settings(partner_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/safety/safetysettings/{site.pk}/"
    response = partner_client.post(url, {"quick_exit_url": "https://attacker.example/"})
    assert response.status_code in REFUSED
    assert SafetySettings.for_site(site).quick_exit_url == "https://www.weather.gov/"


@pytest.mark.django_db
def test_partner_sees_only_its_own_page_and_its_own_images(partner_client, partner_user, tree):
    from wagtail.images.models import Image

    other_collection = Collection.get_first_root_node().add_child(name="Other partner")
    Image.objects.create(
        title="Other logo", file=get_test_image_file(), collection=other_collection
    )
    own_collection = Group.objects.get(name="Partner: Own Shelter").collection_permissions.first()
    Image.objects.create(
        title="Own logo",
        file=get_test_image_file(),
        collection=own_collection.collection,
        uploaded_by_user=partner_user,
    )

    home = partner_client.get("/admin/").content.decode()
    assert "Your organization&#x27;s profile" in home or "Your organization's profile" in home
    assert reverse("wagtailadmin_pages:edit", args=[tree["own"].pk]) in home

    listing = partner_client.get(reverse("wagtailadmin_explore", args=[tree["directory"].pk]))
    text = listing.content.decode() if listing.status_code == 200 else ""
    assert "Other Clinic" not in text

    results = partner_client.get("/admin/pages/search/?q=Clinic").content.decode()
    assert "Other Clinic" not in results

    images = partner_client.get("/admin/images/").content.decode()
    assert "Own logo" in images
    assert "Other logo" not in images

    menu = home
    for hidden in ["/admin/users/", "/admin/settings/", "/admin/snippets/"]:
        assert f'"url": "{hidden}' not in menu


@pytest.mark.django_db
def test_editors_group_can_publish_any_page(client, tree):
    editor = User.objects.create_user("editor", "editor@example.org", "pw-editor-1")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    for page in [tree["home"], tree["standard"], tree["own"]]:
        perms = page.permissions_for_user(editor)
        assert perms.can_edit() and perms.can_publish() and perms.can_unpublish()
