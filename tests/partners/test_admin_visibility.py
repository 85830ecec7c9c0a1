"""A partner account sees no page but its own in the admin, and no media but its own.

The world below has an embargoed press release (a draft never published), another
partner's page with a submitted draft, a public page with a draft, and another
collection's image and document. For every admin address a partner can reach,
the answer is either a refusal or a page that names none of them; the dashboard
shown next (where Wagtail prints the messages a refusal leaves) names none
either. Coalition editors still see all of it.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission, Page, Site, WorkflowState

from accounts.roles import EDITORS_GROUP
from partners.roles import grant_partner_access
from tests.factories import (
    AudioFileFactory,
    DocumentFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    StandardPageFactory,
)

User = get_user_model()

EMBARGOED = "Sentencing announcement QX4471"
OTHER_LIVE = "Other Clinic HV27"
OTHER_DRAFT = "Other Clinic renamed HV28"
ABOUT_LIVE = "About the coalition JL10"
ABOUT_DRAFT = "About the coalition merger JL11"
NEWS_INDEX = "Newsroom JL12"
OTHER_IMAGE = "Other Clinic logo HV29"
OTHER_DOCUMENT = "Other Clinic intake HV30"
UNPUBLISHED_AUDIO = "Interview recording QX4472"
SECRETS = [
    EMBARGOED,
    OTHER_LIVE,
    OTHER_DRAFT,
    ABOUT_LIVE,
    ABOUT_DRAFT,
    NEWS_INDEX,
    OTHER_IMAGE,
    OTHER_DOCUMENT,
    UNPUBLISHED_AUDIO,
]
OWN = "Own Shelter KD55"
OWN_IMAGE = "Own Shelter logo KD56"


def build_world():
    from wagtail.images.models import Image

    home = HomePageFactory.build()
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    directory = PartnerIndexPageFactory.build()
    home.add_child(instance=directory)

    editor = User.objects.create_user("editor", "editor@example.org", "pw-editor-1")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))

    own = PartnerPageFactory.build(title=OWN, slug="own")
    directory.add_child(instance=own)
    partner = User.objects.create_user("partner@example.org", "partner@example.org", "pw-1")
    grant_partner_access(own, partner)
    own_collection = GroupCollectionPermission.objects.filter(group__user=partner).first()
    own_image = Image.objects.create(
        title=OWN_IMAGE,
        file=get_test_image_file(),
        collection=own_collection.collection,
        uploaded_by_user=partner,
    )

    other = PartnerPageFactory.build(title=OTHER_LIVE, slug="other")
    directory.add_child(instance=other)
    other_user = User.objects.create_user("other@example.org", "other@example.org", "pw-2")
    grant_partner_access(other, other_user)
    other.title = OTHER_DRAFT
    other.save_revision(user=other_user, log_action=True)
    workflow_state = directory.get_workflow().start(other, other_user)
    other_collection = Collection.objects.get(name=OTHER_LIVE)
    other_image = Image.objects.create(
        title=OTHER_IMAGE, file=get_test_image_file(), collection=other_collection
    )
    other_document = DocumentFactory(title=OTHER_DOCUMENT, collection=other_collection)

    about = StandardPageFactory.build(title=ABOUT_LIVE, slug="about")
    home.add_child(instance=about)
    about.save_revision(user=editor, log_action=True).publish(user=editor)
    about.title = ABOUT_DRAFT
    about.save_revision(user=editor, log_action=True)

    news = NewsIndexPageFactory.build(title=NEWS_INDEX)
    home.add_child(instance=news)
    embargoed = NewsPageFactory.build(
        title=EMBARGOED, slug="embargoed", live=False, listing_image=own_image
    )
    news.add_child(instance=embargoed)
    embargoed.related_partners.add(own)
    embargoed.save()
    revision = embargoed.save_revision(user=editor, log_action=True)
    embargoed.locked, embargoed.locked_by, embargoed.locked_at = True, editor, timezone.now()
    embargoed.save()
    audio = AudioFileFactory(title=UNPUBLISHED_AUDIO)

    return {
        "editor": editor,
        "partner": partner,
        "ids": {
            "home": home.pk,
            "directory": directory.pk,
            "own": own.pk,
            "other": other.pk,
            "about": about.pk,
            "news": news.pk,
            "embargoed": embargoed.pk,
            "revision": revision.pk,
            "workflow_state": workflow_state.pk,
            "task_state": workflow_state.current_task_state.pk,
            "task": workflow_state.current_task_state.task_id,
            "own_image": own_image.pk,
            "other_image": other_image.pk,
            "other_document": other_document.pk,
            "audio": audio.pk,
        },
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction that each test nests in, then rolled back."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def client(client, world, db):
    return client


REPORTS = [
    "/admin/reports/locked/",
    "/admin/reports/locked/results/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow/results/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/workflow_tasks/results/",
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/aging-pages/",
    "/admin/reports/aging-pages/results/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/page-types-usage/results/",
    "/admin/reports/partner-profiles/",
    "/admin/reports/untranslated-pages/",
    "/admin/reports/episodes-missing-a-transcript/",
    "/admin/reports/episodes-missing-a-transcript/results/",
]

OTHER_PAGE_VIEWS = [
    "edit/",
    "edit/preview/",
    "view_draft/",
    "revisions/",
    "revisions/{revision}/view/",
    "revisions/compare/earliest...latest/",
    "history/",
    "history/results/",
    "workflow_history/",
    "workflow_history/detail/{workflow_state}/",
    "usage/",
    "move/",
    "copy/",
    "delete/",
    "unpublish/",
    "lock/",
    "unlock/",
    "privacy/",
    "add_subpage/",
]

PARTNER_REACHABLE = [
    "/admin/",
    # the explorer, its search and the page search
    "/admin/pages/",
    "/admin/pages/{own}/",
    "/admin/pages/{home}/",
    "/admin/pages/{news}/",
    "/admin/pages/{news}/results/",
    "/admin/pages/{directory}/",
    "/admin/pages/{own}/?q=Clinic&search_all=1",
    "/admin/pages/{own}/?q=announcement&search_all=1",
    "/admin/pages/search/?q=Clinic",
    "/admin/pages/search/?q=announcement",
    "/admin/pages/search/results/?q=coalition",
    "/admin/pages/usage/news/newspage/",
    "/admin/pages/create/news/newspage",
    # the admin API behind the sidebar's page explorer
    "/admin/api/main/pages/",
    "/admin/api/main/pages/?child_of={news}&for_explorer=1",
    "/admin/api/main/pages/?child_of={news}",
    "/admin/api/main/pages/?search=announcement",
    "/admin/api/main/pages/{embargoed}/",
    # the page chooser (also the rich-text link chooser), its search, its browse of other parents
    "/admin/choose-page/",
    "/admin/choose-page/?page_type=news.newspage",
    "/admin/choose-page/?page_type=partners.partnerpage",
    "/admin/choose-page/{home}/",
    "/admin/choose-page/{news}/",
    "/admin/choose-page/{directory}/",
    "/admin/choose-page/{embargoed}/",
    "/admin/choose-page/{about}/?page_type=coalition_site.standardpage",
    "/admin/choose-page/search/?q=announcement",
    "/admin/choose-page/search/?q=Clinic",
    "/admin/choose-page/search/?q=coalition",
    "/admin/choose-page/chosen-multiple/?id={embargoed}&id={other}",
    # the reports
    *REPORTS,
    # other pages, by id
    *[f"/admin/pages/{{embargoed}}/{view}" for view in OTHER_PAGE_VIEWS],
    *[f"/admin/pages/{{other}}/{view}" for view in OTHER_PAGE_VIEWS],
    "/admin/pages/{about}/edit/",
    "/admin/pages/{about}/revisions/",
    "/admin/pages/{own}/revisions/{revision}/view/",
    "/admin/pages/{own}/revisions/compare/earliest...{revision}/",
    "/admin/pages/{own}/workflow_history/detail/{workflow_state}/",
    "/admin/pages/{own}/move/{news}/confirm/",
    "/admin/pages/{own}/move/{directory}/confirm/",
    "/admin/pages/{embargoed}/move/{own}/confirm/",
    "/admin/pages/{other}/move/{other}/confirm/",
    "/admin/pages/{own}/usage/",
    # the workflow screens, by page id
    "/admin/pages/workflow/action/{embargoed}/approve/{task_state}/",
    "/admin/pages/workflow/action/{other}/approve/{task_state}/",
    "/admin/pages/workflow/action/{own}/approve/{task_state}/",
    "/admin/pages/workflow/collect_action_data/{embargoed}/approve/{task_state}/",
    "/admin/pages/workflow/collect_action_data/{other}/approve/{task_state}/",
    "/admin/pages/workflow/preview/{other}/{task}/",
    "/admin/pages/workflow/preview/{embargoed}/{task}/",
    "/admin/pages/workflow/confirm_cancellation/{other}/",
    "/admin/pages/workflow/confirm_cancellation/{embargoed}/",
    "/admin/translation/submit/page/{embargoed}/",
    # bulk actions, whose confirmation lists the items
    "/admin/bulk/wagtailcore/page/delete/?id={embargoed}",
    "/admin/bulk/wagtailcore/page/publish/?id={embargoed}&id={own}",
    "/admin/bulk/wagtailcore/page/unpublish/?id={other}",
    "/admin/bulk/wagtailcore/page/move/?id=all&childOf={news}",
    "/admin/bulk/wagtailimages/image/delete/?id={other_image}",
    "/admin/bulk/wagtailimages/image/add_tags/?id=all",
    "/admin/bulk/wagtaildocs/document/delete/?id={other_document}",
    "/admin/bulk/podcasts/audiofile/delete/?id={audio}",
    # images and documents: listings, choosers, usage
    "/admin/images/",
    "/admin/images/?q=Clinic",
    "/admin/images/results/",
    "/admin/images/{other_image}/",
    "/admin/images/usage/{own_image}/",
    "/admin/images/usage/{other_image}/",
    "/admin/images/chooser/",
    "/admin/images/chooser/results/?q=Clinic",
    "/admin/images/chooser/chosen/{other_image}/",
    "/admin/images/chooser/chosen-multiple/?id={other_image}",
    "/admin/documents/",
    "/admin/documents/?q=Clinic",
    "/admin/documents/edit/{other_document}/",
    "/admin/documents/usage/{other_document}/",
    "/admin/documents/chooser/",
    "/admin/documents/chooser/results/?q=Clinic",
    "/admin/documents/chooser/chosen/{other_document}/",
    "/admin/documents/chooser/chosen-multiple/?id={other_document}",
    # snippets: listings and choosers
    "/admin/snippets/",
    "/admin/snippets/podcasts/audiofile/",
    "/admin/snippets/choose/podcasts/audiofile/",
    "/admin/snippets/choose/podcasts/audiofile/results/?q=Interview",
    "/admin/snippets/choose/podcasts/audiofile/chosen/{audio}/",
    "/admin/snippets/choose/podcasts/audiofile/chosen-multiple/?id={audio}",
    # workflows, form submissions, search promotions
    "/admin/workflows/list/",
    "/admin/workflows/task_chooser/",
    "/admin/workflows/task_chooser/create/",
    "/admin/forms/",
    "/admin/searchpicks/queries/chooser/",
]


def fill(url, world):
    return url.format(**world["ids"])


def assert_names_no_other_page(text, url):
    for secret in SECRETS:
        assert secret not in text, f"{url} shows {secret!r}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", PARTNER_REACHABLE)
def test_partner_sees_no_other_page_or_media_anywhere_in_the_admin(client, world, url):
    client.force_login(world["partner"])
    response = client.get(fill(url, world))
    assert response.status_code in {200, 302, 400, 403, 404, 405}, url
    assert_names_no_other_page(response.content.decode(errors="replace"), url)
    # A refusal may leave a message for the next page: the dashboard shows it.
    dashboard = client.get("/admin/")
    assert_names_no_other_page(dashboard.content.decode(errors="replace"), f"{url} then /admin/")


@pytest.mark.django_db
@pytest.mark.parametrize("url", REPORTS)
def test_partner_is_refused_every_report_by_address(client, world, url):
    client.force_login(world["partner"])
    assert client.get(url).status_code in {302, 403}


@pytest.mark.django_db
def test_partner_menu_has_no_reports(client, world):
    client.force_login(world["partner"])
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/reports/" not in dashboard


@pytest.mark.django_db
def test_partner_still_chooses_and_links_its_own_page_and_images(client, world):
    client.force_login(world["partner"])
    own = world["ids"]["own"]
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own])).status_code == 200

    # The rich-text link chooser opens on the partner's own page.
    response = client.get("/admin/choose-page/?allow_external_link=true", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/admin/choose-page/{own}/?allow_external_link=true"
    assert OWN in response.content.decode()
    assert OWN in client.get("/admin/choose-page/search/?q=Shelter").content.decode()
    assert client.get("/admin/choose-external-link/").status_code == 200

    assert OWN_IMAGE in client.get("/admin/images/chooser/").content.decode()
    assert (
        "Private page"
        in client.get(f"/admin/images/usage/{world['ids']['own_image']}/").content.decode()
    )


# What an editor sees at the same addresses: proof that they name what a partner must not see.
EDITOR_SEES = [
    ("/admin/reports/page-types-usage/", EMBARGOED),
    ("/admin/reports/locked/", EMBARGOED),
    ("/admin/reports/workflow/", OTHER_DRAFT),
    ("/admin/reports/site-history/", ABOUT_DRAFT),
    ("/admin/choose-page/{news}/", EMBARGOED),
    ("/admin/choose-page/search/?q=announcement", EMBARGOED),
    ("/admin/choose-page/chosen-multiple/?id={embargoed}&id={other}", OTHER_DRAFT),
    ("/admin/pages/{embargoed}/move/{own}/confirm/", EMBARGOED),
    ("/admin/pages/workflow/action/{embargoed}/approve/{task_state}/", EMBARGOED),
    ("/admin/bulk/wagtailcore/page/delete/?id={embargoed}", EMBARGOED),
    ("/admin/bulk/wagtailimages/image/delete/?id={other_image}", OTHER_IMAGE),
    ("/admin/snippets/choose/podcasts/audiofile/", UNPUBLISHED_AUDIO),
    ("/admin/pages/search/?q=announcement", EMBARGOED),
]


@pytest.mark.django_db
@pytest.mark.parametrize("url, title", EDITOR_SEES)
def test_coalition_editors_still_see_everything(client, world, url, title):
    client.force_login(world["editor"])
    response = client.get(fill(url, world), follow=True)
    assert response.status_code == 200
    assert title in response.content.decode()


@pytest.mark.django_db
def test_editor_menu_has_the_reports(client, world):
    client.force_login(world["editor"])
    assert "/admin/reports/site-history/" in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_other_partners_submission_is_waiting(world):
    # The world is what it claims: another partner's draft is in moderation.
    state = WorkflowState.objects.get(pk=world["ids"]["workflow_state"])
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
