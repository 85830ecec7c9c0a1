import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page

from coalition_site.models import HomePage, StandardPage
from demo import resources as demo_resources
from demo.sample_pdf import one_page_pdf
from resources.models import ResourceIndexPage, ResourcePage
from safety.models import GetHelpPage
from tests.factories import GetHelpPageFactory

Document = get_document_model()


def load():
    call_command("load_demo_content", stdout=StringIO())


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def check_pdf(data):
    """A PDF a reader can open: header, objects where the xref table says, trailer."""
    assert data.startswith(b"%PDF-1.")
    assert data.rstrip().endswith(b"%%EOF")
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF", data).group(1))
    assert data[start:].startswith(b"xref\n0 ")
    lines = data[start:].split(b"\n")
    count = int(lines[1].split()[1])
    entries = lines[2 : 2 + count]
    assert entries[0] == b"0000000000 65535 f "
    for number, entry in enumerate(entries[1:], start=1):
        assert len(entry) + 1 == 20  # each entry is exactly 20 bytes with its newline
        offset = int(entry[:10])
        assert data[offset:].startswith(f"{number} 0 obj".encode()), number
    stream = re.search(rb"<< /Length (\d+) >>\nstream\n", data)
    length = int(stream.group(1))
    assert data[stream.end() + length :].startswith(b"\nendstream")


def test_the_sample_pdf_is_well_formed_with_accents_and_brackets():
    data = one_page_pdf("Señales (muestra)", ["Llame al 1-888-373-7888 \\ o (texto) 233733.", ""])
    check_pdf(data)
    assert b"Se\xf1ales \\(muestra\\)" in data  # WinAnsi, brackets escaped


@pytest.mark.django_db
def test_demo_replaces_the_standard_get_help_page_and_keeps_its_text(client, demo):
    get_help = Page.objects.get(slug="get-help", depth=3)
    assert get_help.specific_class is GetHelpPage
    assert not StandardPage.objects.filter(slug="get-help").exists()
    assert get_help.live and get_help.show_in_menus

    home = HomePage.objects.get(locale__language_code="en")
    assert home.hero_link_page_id == get_help.pk
    assert home.get_latest_revision().as_object().hero_link_page_id == get_help.pk

    soup = soup_of(client.get("/en/get-help/"))
    text = soup.main.get_text(" ", strip=True)
    assert "help is available at any hour" in text
    assert "What happens when you call" in text
    assert "Polaris, a non-profit" in text
    # The numbers come from settings, once, not retyped in the body as well.
    assert soup.main.select_one(".hotline--panel")
    assert "Talk to the National Human Trafficking Hotline" not in text
    # The menu: seven items, Get help first (the mark links home).
    menu = [a.get_text(strip=True) for a in soup.select(".primary-nav a")]
    assert menu == [
        "Get help",
        "Recognize the signs",
        "Report a tip",
        "Partners",
        "News & press",
        "Resources",
        "About",
    ]
    # The home page's button leads there.
    assert soup_of(client.get("/en/")).select_one(".hero a.button")["href"] == "/en/get-help/"
    # Partners from the directory, not retyped: the sample 24/7 shelter is listed.
    assert "Harbor Light Shelter (sample)" in soup.select_one(".get-help__partners").get_text()


@pytest.mark.django_db
def test_demo_library_has_the_required_resources(client, demo):
    library = ResourceIndexPage.objects.get(locale__language_code="en")
    assert library.slug == "resources" and library.show_in_menus
    resources = {r.slug: r for r in ResourcePage.objects.child_of(library).live()}

    hotline = resources["national-human-trafficking-hotline"]
    assert hotline.resource_type == "hotline" and hotline.link_url.startswith("https://")
    assert "1-888-373-7888" in hotline.summary

    assert "reset-court-program" in resources and "cash-services" in resources
    assert "SB 1193" in resources["sb-1193-hotline-notice"].title

    spanish = resources["linea-nacional-contra-la-trata"]
    assert spanish.entry_language == "es"
    assert [language.name for language in spanish.languages.all()] == ["Spanish"]

    guide = resources["signs-of-trafficking"]
    assert guide.resource_type == "guide"
    document = guide.document
    with document.open_file() as f:
        data = f.read()
    check_pdf(data)
    assert document.file_size == len(data)
    assert document.file_extension == "pdf"

    # Every resource is either a file or a link, as the editor form requires.
    for resource in resources.values():
        resource.full_clean()

    soup = soup_of(client.get("/en/resources/?language=spanish"))
    titles = [a.get_text(strip=True) for a in soup.select(".card__title a")]
    assert "Línea Nacional contra la Trata de Personas" in titles
    assert (
        soup_of(client.get("/en/resources/signs-of-trafficking/"))
        .select_one(".resource__action")
        .get_text(" ", strip=True)
        .endswith(f"PDF, {document.file_size / 1024:.1f}\xa0KB")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["recognize-the-signs", "report-a-tip"])
def test_demo_pages_on_spotting_and_reporting(client, demo, slug):
    soup = soup_of(client.get(f"/en/{slug}/"))
    assert "1-888-373-7888" in soup.main.get_text()
    assert soup.select_one("[data-print-button]")


@pytest.mark.django_db
def test_demo_loader_is_idempotent(demo):
    pages, documents = Page.objects.count(), Document.objects.count()
    home = HomePage.objects.get(locale__language_code="en")
    revision = home.latest_revision_id
    demo_resources.load(home)
    load()
    assert Page.objects.count() == pages
    assert Document.objects.count() == documents
    assert HomePage.objects.get(locale__language_code="en").latest_revision_id == revision


@pytest.mark.django_db
def test_demo_reset_rebuilds_without_duplicating_documents(demo):
    documents = Document.objects.count()
    call_command("load_demo_content", reset=True, stdout=StringIO())
    assert Document.objects.count() == documents
    assert Page.objects.get(slug="get-help", depth=3).specific_class is GetHelpPage


@pytest.mark.django_db
def test_demo_loader_leaves_an_existing_get_help_page_alone(home):
    page = GetHelpPageFactory.build(introduction="Written by an editor.")
    home.add_child(instance=page)
    demo_resources.load(home)
    english = GetHelpPage.objects.get(locale__language_code="en")
    assert english.introduction == "Written by an editor."
    assert GetHelpPage.objects.count() == 1
    assert ResourceIndexPage.objects.child_of(home).exists()


@pytest.mark.django_db
def test_demo_loader_makes_a_get_help_page_where_there_was_none(home):
    demo_resources.load(home)
    page = GetHelpPage.objects.get(locale__language_code="en")
    assert page.slug == "get-help"
    assert "What happens when you call" in str(page.body)
    assert HomePage.objects.get(pk=home.pk).hero_link_page_id == page.pk


@pytest.mark.django_db
def test_library_cards_for_videos_lead_to_our_click_to_load_player(client, demo):
    soup = soup_of(client.get("/en/resources/"))
    for card in soup.select(".card--resource"):
        for link in card.select("a"):
            assert "youtu" not in link["href"], link
    video = ResourcePage.objects.get(slug="justice-journal-part-1")
    card_link = [a for a in soup.select(f'a[href="{video.url}"]') if "Watch" in a.get_text()]
    assert card_link, "the card's Watch link goes to our own page"
    page = soup_of(client.get(video.url))
    figure = page.select_one("figure[data-video]")
    assert figure["data-embed-src"].startswith("https://www.youtube-nocookie.com/embed/")
    assert not page.select_one("iframe"), "nothing loads from YouTube before play"
    note = figure.figcaption.get_text(" ", strip=True)
    assert "without cookies" not in note
    assert "privacy-enhanced mode" in note and "internet address" in note


@pytest.mark.django_db
def test_safety_wording_says_what_back_and_the_hotline_really_do(client, demo, settings):
    browse = soup_of(client.get("/en/browse-safely/")).main.get_text(" ", strip=True)
    # The quick exit calls location.replace: this page leaves the tab's history,
    # the pages before it stay.
    script = (settings.BASE_DIR / "static" / "js" / "site.js").read_text()
    assert "window.location.replace(target)" in script
    assert "one press of Back shows the previous one" in browse
    assert "does not bring it up again" not in browse
    assert "privacy-enhanced mode" in browse and "internet address" in browse
    get_help = soup_of(client.get("/en/get-help/")).main.get_text(" ", strip=True)
    assert "Polaris, a non-profit" in get_help
    assert "informs the authorities when it suspects child abuse" in get_help
    assert "A trained advocate answers" not in get_help
