"""Spanish pages read the database no more than English ones (tests/performance budgets)."""

import pytest
from wagtail.rich_text import RichText

from tests.factories import StandardPageFactory
from tests.performance.conftest import cold_queries

from .conftest import translate

pytestmark = pytest.mark.django_db
QUERY_BUDGET = 20


def body_with_links(pages):
    links = "".join(f'<a linktype="page" id="{page.pk}">link</a> ' for page in pages)
    return [("paragraph", RichText(f"<p>{links}</p>")), ("paragraph", RichText(f"<p>{links}</p>"))]


@pytest.mark.parametrize("size", [3, 12])
def test_spanish_pages_cost_what_english_ones_cost(client, home, es_home, size):
    targets = []
    for number in range(size):
        target = StandardPageFactory.build(slug=f"target-{number}", show_in_menus=False)
        home.add_child(instance=target)
        target.save_revision().publish()
        targets.append(target)
    # Half of the linked pages have a Spanish translation; links follow the reader's language.
    for target in targets[: size // 2]:
        translate(target, es_home, title=f"Destino {target.pk}")
    page = StandardPageFactory.build(slug="with-links", body=body_with_links(targets))
    home.add_child(instance=page)
    page.save_revision().publish()
    translate(page, es_home, title="Con enlaces", slug="con-enlaces", body=page.body.raw_data)

    english, english_sql = cold_queries(client, "/en/with-links/")
    spanish, spanish_sql = cold_queries(client, "/es/con-enlaces/")
    # Wagtail's routing starts from the home page's translation: it looks it up.
    assert spanish <= english + 2, "\n".join(spanish_sql)
    assert spanish <= QUERY_BUDGET
    home_en, _sql = cold_queries(client, "/en/")
    home_es, _sql = cold_queries(client, "/es/")
    assert home_es <= home_en + 2
    assert max(home_es, home_en) <= QUERY_BUDGET
    html = client.get("/es/con-enlaces/").content.decode()
    assert 'href="/es/target-0/"' in html  # translated: the Spanish page
    assert f'href="/en/{targets[-1].slug}/"' in html  # no translation: the English page


def test_spanish_counts_do_not_grow_with_links(client, home, es_home):
    counts = []
    for size in (2, 20):
        targets = []
        for number in range(size):
            target = StandardPageFactory.build(slug=f"t{size}-{number}", show_in_menus=False)
            home.add_child(instance=target)
            target.save_revision().publish()
            translate(target, es_home, title=f"Destino {size}-{number}")
            targets.append(target)
        page = StandardPageFactory.build(slug=f"links-{size}", body=body_with_links(targets))
        home.add_child(instance=page)
        page.save_revision().publish()
        translate(page, es_home, title=f"Enlaces {size}", body=page.body.raw_data)
        count, _sql = cold_queries(client, f"/es/links-{size}/")
        counts.append(count)
    assert counts[0] == counts[1]
