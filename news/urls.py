"""The news feeds, served under /news/feeds/ (see coalition_site/urls.py)."""

from django.urls import path

from .feeds import NewsAtomFeed, NewsRssFeed

app_name = "news"

urlpatterns = [
    path("rss/", NewsRssFeed(), name="rss"),
    path("atom/", NewsAtomFeed(), name="atom"),
    path("<slug:kind>/rss/", NewsRssFeed(), name="kind-rss"),
    path("<slug:kind>/atom/", NewsAtomFeed(), name="kind-atom"),
]
