import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

from tests.factories import StandardPageFactory


@pytest.fixture
def about(home):
    page = StandardPageFactory.build(title="About", slug="about")
    home.add_child(instance=page)
    return page


@pytest.mark.django_db
def test_old_address_redirects_permanently_to_the_new_page(client, about):
    Redirect.objects.create(old_path="/about-us.html", redirect_page=about)
    response = client.get("/about-us.html")
    assert response.status_code == 301
    assert response["Location"].endswith("/en/about/")


@pytest.mark.django_db
def test_old_site_addresses_import_from_a_csv_file(client, about, tmp_path):
    csv = tmp_path / "old-site.csv"
    csv.write_text(
        "from,to\n/who-we-are.php,https://sactogether.example/about/\n"
        "/hotline.html,https://sactogether.example/get-help/\n"
    )
    call_command("import_redirects", src=str(csv), format="csv", stdout=None)
    assert set(Redirect.objects.values_list("old_path", flat=True)) == {
        "/who-we-are.php",
        "/hotline.html",
    }
    assert client.get("/who-we-are.php")["Location"] == "https://sactogether.example/about/"


@pytest.mark.django_db
def test_renaming_a_page_keeps_its_old_address_working(
    client, about, django_capture_on_commit_callbacks
):
    about.slug = "about-the-coalition"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    response = client.get("/en/about/")
    assert response.status_code == 301
    assert response["Location"].endswith("/en/about-the-coalition/")
