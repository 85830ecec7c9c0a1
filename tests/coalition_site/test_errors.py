import pytest
from bs4 import BeautifulSoup
from django.template.loader import get_template


@pytest.mark.django_db
def test_missing_page_gets_the_404_page_with_search_and_hotline(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert "could not find" in soup.h1.get_text()
    assert soup.select_one('form[role="search"] input[name="q"]') is not None
    assert soup.select_one('a[href="tel:+18883737888"]') is not None
    assert soup.select_one("[data-quick-exit]") is not None


def test_500_page_renders_without_request_or_database():
    # Django renders 500.html with an empty context when something failed;
    # the page must stand on its own and still show the hotline.
    html = get_template("500.html").render({})
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('a[href="tel:+18883737888"]') is not None
    assert soup.select_one("#quick-exit")["href"].startswith("https://")
    assert soup.select("a")[0]["href"] == "#main-content"
