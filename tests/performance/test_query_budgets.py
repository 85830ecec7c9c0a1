"""Every public page type reads the database at most QUERY_BUDGET times, at any size.

Each page type (some listings also filtered, and in Spanish) is built with 5
of what it lists or shows (cards, tags, body blocks with images, documents and
links, attachments, guests…), read cold, then grown to 50 and read cold again:
the count must not move, and must stay within the budget. What "cold" means
exactly is in `conftest.cold_queries`: the page cache holds nothing for the
page (it is off in the test settings), while what every page read keeps in the
cache is warm: the site's public languages, the header, footer and
language-link fragments, Wagtail's site root paths and renditions. The first
read after a change, when even those are gone, may cost FRAGMENT_QUERIES more,
and no more.

Run with `-s` to see the measured counts.
"""

import pytest

from .conftest import SCENARIOS, SPANISH_SCENARIOS, cold_queries, first_read_queries

QUERY_BUDGET = 20
# Over the budget, measured: a news item reads 21, flat from 5 to 50 items. Nine
# are Wagtail's site lookup, routing and view-restriction check; four the body's
# bulk reads (images, documents, linked pages, linked files); two the site and
# the safety settings; six the item's own: its image, attachments, the partners
# it names, and its related news with their card renditions and topics.
OVER_BUDGET = {"news item": 1}
# The public languages; the menu, its home page and its restrictions; the language
# links; the "browse safely" page in the reader's language.
FRAGMENT_QUERIES = 7
# Measured: in Spanish the menu and footer fragments are first read in their own
# language (the home page's translation, the Spanish footer text), up to three more.
TRANSLATED_FRAGMENT_QUERIES = {"home, in Spanish": 1, "news listing, in Spanish": 3}


def explain(sql):
    """Each query's table and condition, numbered (the column lists say little)."""
    lines = []
    for number, query in enumerate(sql, 1):
        table = query.partition(" FROM ")[2][:60]
        condition = query.partition(" WHERE ")[2][:160]
        lines.append(f"  {number}. FROM {table} … WHERE {condition}")
    return "\n".join(lines)


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", [*SCENARIOS, *SPANISH_SCENARIOS])
def test_page_type_stays_within_the_budget_at_any_size(client, site, page_type):
    url = site.grow(page_type, 5)
    few, few_sql = cold_queries(client, url)
    url = site.grow(page_type, 50)
    many, many_sql = cold_queries(client, url)
    after_change, _sql = first_read_queries(client, url)
    print(f"\n{page_type}: {few} queries with 5, {many} with 50, {after_change} after a change")

    assert few == many, (
        f"{page_type}: {few} queries with 5 items, {many} with 50\n"
        f"with 5:\n{explain(few_sql)}\nwith 50:\n{explain(many_sql)}"
    )
    budget = QUERY_BUDGET + OVER_BUDGET.get(page_type, 0)
    assert many <= budget, f"{page_type}: {many} queries\n{explain(many_sql)}"
    assert after_change <= many + FRAGMENT_QUERIES + TRANSLATED_FRAGMENT_QUERIES.get(page_type, 0)


@pytest.mark.django_db
def test_a_keyword_in_a_listing_costs_no_more_than_its_filters(client, site):
    site.grow("partner directory", 5)
    plain, _sql = cold_queries(client, "/en/partners/")
    searched, sql = cold_queries(client, "/en/partners/?q=partner&service=housing")
    assert searched <= QUERY_BUDGET, explain(sql)
    assert searched <= plain + 1


@pytest.mark.django_db
def test_budget_holds_when_another_part_of_the_site_is_private(client, site):
    """A restriction elsewhere must not send every page back to Wagtail's slower checks."""
    from wagtail.models import PageViewRestriction

    url = site.grow("news item", 5)
    baseline, _sql = cold_queries(client, url)
    PageViewRestriction.objects.create(page=site.directory(), restriction_type="login")
    count, sql = cold_queries(client, url)
    assert count == baseline, explain(sql)
