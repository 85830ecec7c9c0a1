import pytest
from wagtail.models import Page, Site

from tests.factories import HomePageFactory


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
