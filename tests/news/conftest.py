import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from news.models import NewsAttachment
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    NewsTopicFactory,
)


@pytest.fixture(autouse=True)
def clear_cache():
    # Wagtail caches site root paths; page ids differ from test to test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news_index(home):
    page = NewsIndexPageFactory.build()
    home.add_child(instance=page)
    return page


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def add_news(news_index):
    """`add_news(topics=[names], partners=[pages], documents=[docs], **fields)`: a live item."""

    def add(topics=(), partners=(), documents=(), parent=None, **fields):
        item = NewsPageFactory.build(**fields)
        item.topics = [NewsTopicFactory(name=name) for name in topics]
        item.related_partners = list(partners)
        item.attachments = [NewsAttachment(document=document) for document in documents]
        (parent or news_index).add_child(instance=item)
        return item

    return add
