from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    """Every live, public page in every language, less those whose expiry date has passed.

    `publish_scheduled` unpublishes expired pages once a minute; until it
    runs, the sitemap already leaves them out. The home pages in other
    languages are siblings of the site's root page, so their trees are added;
    each page lists its translations as `hreflang` alternates (x-default: the
    default language's version).
    """

    def items(self):
        site = self.get_wagtail_site()
        homes = Page.objects.filter(translation_key=site.root_page.translation_key, live=True)
        in_a_tree = Q(pk=site.root_page.pk)
        for path in homes.values_list("path", flat=True):
            in_a_tree |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        versions = {}
        for item in items:
            versions.setdefault(item.translation_key, []).append(item)
        urls, last_mods = [], set()
        for item in items:
            alternates = self.alternates(versions[item.translation_key])
            for url_info in item.get_sitemap_urls(self.request):
                # Wagtail gives last_published_at or the latest revision's date;
                # a page imported or created without a revision may have only this.
                url_info["lastmod"] = url_info.get("lastmod") or item.first_published_at
                if alternates:
                    url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates(self, pages):
        if len(pages) < 2:
            return []
        links = [
            {"lang_code": page.locale.language_code, "location": page.get_full_url(self.request)}
            for page in pages
        ]
        default = next(
            (link for link in links if link["lang_code"] == settings.LANGUAGE_CODE), None
        )
        if default is not None:
            links.append({"lang_code": "x-default", "location": default["location"]})
        return links
