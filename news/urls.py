"""The news feeds, served under /news/feeds/ (see coalition_site/urls.py).

`/news/feeds/rss/` is the default language's news; `/news/feeds/es/rss/` the
news under the Spanish home page, and so on for each language of the site.
"""

from django.conf import settings
from django.urls import path, register_converter

from .feeds import NewsAtomFeed, NewsRssFeed


class LanguageConverter:
    """A language code of the site (en, es, zh-hans…); never a kind of news."""

    regex = "|".join(sorted((code for code, _name in settings.LANGUAGES), key=len, reverse=True))

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(LanguageConverter, "language")

app_name = "news"

urlpatterns = [
    path("rss/", NewsRssFeed(), name="rss"),
    path("atom/", NewsAtomFeed(), name="atom"),
    path("<language:language>/rss/", NewsRssFeed(), name="language-rss"),
    path("<language:language>/atom/", NewsAtomFeed(), name="language-atom"),
    path("<language:language>/<slug:kind>/rss/", NewsRssFeed(), name="language-kind-rss"),
    path("<language:language>/<slug:kind>/atom/", NewsAtomFeed(), name="language-kind-atom"),
    path("<slug:kind>/rss/", NewsRssFeed(), name="kind-rss"),
    path("<slug:kind>/atom/", NewsAtomFeed(), name="kind-atom"),
]
