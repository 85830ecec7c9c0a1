import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from tests.factories import HomePageFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache.

    The database is rolled back between tests but the cache is not, and what it
    keeps (Wagtail's site root paths, our site data and pages) names page ids
    that the next test may not have.
    """
    cache.clear()


@pytest.fixture
def home(db):
    """A published home page as the default site's root, like a fresh install."""
    root = Page.get_first_root_node()
    page = HomePageFactory.build()
    root.add_child(instance=page)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": page},
    )
    return page
