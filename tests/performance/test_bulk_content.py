"""`manage.py generate_bulk_content`: the benchmark's sample content, added once."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from news.models import NewsPage
from partners.models import PartnerPage
from podcasts.models import PodcastEpisodePage
from resources.models import ResourcePage

SMALL = {"partners": 3, "news": 4, "episodes": 2, "resources": 3}


def generate():
    out = StringIO()
    call_command("generate_bulk_content", *[f"--{k}={v}" for k, v in SMALL.items()], stdout=out)
    return out.getvalue()


def sample(model):
    return model.objects.filter(slug__startswith="sample-bulk-")


@pytest.mark.django_db
def test_bulk_content_needs_the_demo_site_first():
    with pytest.raises(CommandError, match="load_demo_content"):
        generate()


@pytest.mark.django_db
def test_bulk_content_is_added_once_and_says_it_is_sample(client, demo):
    output = generate()
    assert "partners: 3/3" in output and "news: 4/4" in output
    counts = {
        "partners": sample(PartnerPage).count(),
        "news": sample(NewsPage).count(),
        "episodes": sample(PodcastEpisodePage).count(),
        "resources": sample(ResourcePage).count(),
    }
    assert counts == SMALL
    for model in (PartnerPage, NewsPage, PodcastEpisodePage, ResourcePage):
        assert all(page.title.startswith("Sample") for page in sample(model))
        assert all(page.live for page in sample(model))
    assert "already there" in generate()
    assert sample(NewsPage).count() == SMALL["news"]
    for page in [sample(PartnerPage).first(), sample(NewsPage).first()]:
        assert client.get(page.url).status_code == 200


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="ANALYZE is PostgreSQL's")
def test_bulk_content_leaves_the_planner_statistics_current(demo):
    """The benchmark measures the site at its new size: PostgreSQL's estimates know that size."""
    generate()
    with connection.cursor() as cursor:
        for model in (NewsPage, PartnerPage, ResourcePage):
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE relname = %s", [model._meta.db_table]
            )
            (estimate,) = cursor.fetchone()
            assert estimate == model.objects.count(), model.__name__
