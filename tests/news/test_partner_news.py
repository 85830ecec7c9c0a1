"""A partner's page lists the news that names it."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import NewsPageFactory

from .conftest import days_ago


def partner_news(client, partner):
    response = client.get(partner.url)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").select_one(".partner__news")
    if section is None:
        return None
    return [a.get_text(strip=True) for a in section.select("a")]


@pytest.mark.django_db
def test_partner_page_lists_the_latest_five_news_items_naming_it(
    client, news_index, add_news, add_partner
):
    da = add_partner(title="District Attorney", slug="da")
    other = add_partner(title="Other", slug="other")
    for n in range(6):
        add_news(title=f"Sentencing {n}", partners=[da], publication_date=days_ago(n))
    add_news(title="Names someone else", partners=[other])
    add_news(title="Draft naming the DA", partners=[da], live=False)
    scheduled = NewsPageFactory.build(title="Scheduled", slug="scheduled", live=False)
    scheduled.related_partners = [da]
    news_index.add_child(instance=scheduled)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()

    assert partner_news(client, da) == [f"Sentencing {n}" for n in range(5)]
    assert partner_news(client, other) == ["Names someone else"]


@pytest.mark.django_db
def test_partner_page_without_news_has_no_news_section(client, add_partner):
    partner = add_partner(title="Quiet partner", slug="quiet")
    assert partner_news(client, partner) is None


@pytest.mark.django_db
def test_partner_news_queries_do_not_grow_with_the_number_of_items(client, add_news, add_partner):
    partner = add_partner(title="District Attorney", slug="da")

    def queries():
        client.get(partner.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(partner.url).status_code == 200
        return len(captured)

    for n in range(5):
        add_news(title=f"Item {n}", partners=[partner])
    few = queries()
    for n in range(5, 50):
        add_news(title=f"Item {n}", partners=[partner])
    assert queries() == few
    assert few <= 20  # the budget of every public page (tests/performance)
