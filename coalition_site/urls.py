from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import two_factor
from operations import media
from search import views as search_views

from . import views
from .sitemaps import SiteSitemap

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/two-factor/", include(two_factor)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("news/feeds/", include("news.urls")),
    path("podcasts/", include("podcasts.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if media.serves_local_media():
    # No bucket, in development as in production: image renditions from this
    # server's disk, and nothing else there (operations/media.py). With a
    # bucket, pages link the bucket instead.
    urlpatterns += media.urlpatterns

# Pages and the search, in each language under its prefix (/en/…, /es/…); the
# bare "/" and old addresses without a prefix are redirected by
# languages.i18n.LocaleMiddleware. Everything above stays unprefixed.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# A database outage gets the 503 page (operations/outage.py), anything else the 500 page.
handler500 = "operations.outage.server_error"
