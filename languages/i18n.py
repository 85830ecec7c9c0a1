"""Languages: which are public, the language of a request, and old addresses.

A language is *public* on a site when the site's home page has a live
translation in it (an editor adds the locale under Settings → Locales and
publishes the translated home page; see "Spanish and other languages" in
README.md). Pages live under a prefix per language (`/en/…`, `/es/…`).

No cookie is read or set: the language of a page is its prefix, and only the
bare `/` (and old addresses without a prefix) look at the browser's
`Accept-Language` to choose where to send the reader.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale, Page, Site

from caching.generation import generation, request_host


def language_name(code):
    """The language's own name, as LANGUAGES spells it ("Español")."""
    return dict(settings.LANGUAGES).get(code, code)


def site_homes(request):
    """{language code: home page} of the request's site: its root, then its live translations.

    One query (besides Wagtail's site lookup); {} when no site answers for the host.
    """
    site = Site.find_for_request(request)
    if site is None:
        return {}
    found = (
        Page.objects.filter(
            Q(pk=site.root_page_id) | Q(translation_key=site.root_page.translation_key, live=True)
        )
        .select_related("locale")
        .order_by("locale__language_code")
    )
    root = next((home for home in found if home.pk == site.root_page_id), None)
    if root is None:
        return {}
    homes = {root.locale.language_code: root}
    for home in found:
        homes.setdefault(home.locale.language_code, home)
    return homes


def public_languages(request):
    """Codes of the languages this site's home page is published in, default first.

    Asked on every request that reaches a page (LocaleMiddleware), so kept in the
    cache until the next change (caching.generation).
    """
    hostname, port = request_host(request)
    key = f"coalition:languages:{generation()}:{hostname}:{port}"
    codes = cache.get(key)
    if codes is None:
        codes = list(site_homes(request)) or [settings.LANGUAGE_CODE]
        cache.set(key, codes, settings.SITE_CACHE_SECONDS)
    return codes


def preferred_language(request):
    """The first public language the browser asks for; the default one otherwise.

    Garbage in `Accept-Language` is ignored (English).
    """
    public = public_languages(request)
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    try:
        choices = parse_accept_lang_header(header[:500])
    except ValueError:  # Django returns () for most bad input; be safe for the rest
        choices = ()
    for code, _quality in choices:
        if code == "*":
            break
        code = code.lower()
        for candidate in (code, code.split("-")[0]):
            try:
                variant = translation.get_supported_language_variant(candidate)
            except LookupError:
                continue
            if variant in public:
                return variant
    return settings.LANGUAGE_CODE


class LocaleMiddleware:
    """Activate the language of the address's prefix; redirect addresses without one.

    Replaces Django's LocaleMiddleware, which reads (and `set_language` writes) a
    language cookie. Here:

    - `/es/…` is Spanish; a prefix in LANGUAGES that is not public (no home page in
      that language yet) is a 404, like an unknown one (`/xx/`).
    - `/` redirects to the home page in the browser's language (`Vary: Accept-Language`).
    - an old address without a prefix that names a page (`/get-help/`) redirects
      permanently to that page, in the reader's language when it is translated;
      `/search/?q=…` to the search in the reader's language.
    - addresses that are not pages (sitemap, robots.txt, feeds, documents, the
      admin) stay where they are and are served in the default language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from_path = translation.get_language_from_path(request.path_info)
        language = from_path or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        if from_path and from_path not in public_languages(request):
            raise Http404("No pages in this language")

        response = self.get_response(request)

        if from_path is None and response.status_code == 404:
            redirect = self.redirect_without_prefix(request)
            if redirect is not None:
                return redirect
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response

    def redirect_without_prefix(self, request):
        path = request.path_info
        if path == "/":
            return self.vary(HttpResponseRedirect(f"/{preferred_language(request)}/"), request)
        language = preferred_language(request)
        query = request.META.get("QUERY_STRING", "")
        suffix = f"?{query}" if query else ""
        with translation.override(settings.LANGUAGE_CODE):
            target = self.resolve_prefixed(request, path, language)
        if target is None:
            return None
        redirect_class = HttpResponsePermanentRedirect
        return self.vary(redirect_class(target + suffix), request)

    @staticmethod
    def vary(response, request):
        patch_vary_headers(response, ("Accept-Language",))
        return response

    def resolve_prefixed(self, request, path, language):
        """Where `path` (without a prefix) lives now, or None."""
        prefixed = f"/{settings.LANGUAGE_CODE}{path}"
        try:
            match = resolve(prefixed)
        except Resolver404:
            return None
        if match.url_name != "wagtail_serve":
            return f"/{language}{path}"
        site = Site.find_for_request(request)
        if site is None:
            return None
        components = [part for part in match.kwargs.get("path", path).split("/") if part]
        try:
            found = site.root_page.localized.specific.route(request, components)
        except Http404:
            return None
        if not found:
            return None
        page = found[0]
        if not page.live or found[1] or found[2]:
            return None
        if language != settings.LANGUAGE_CODE:
            try:
                translated = (
                    page.get_translations()
                    .live()
                    .get(locale=Locale.objects.get_for_language(language))
                )
            except (Page.DoesNotExist, Locale.DoesNotExist, LookupError):
                translated = None
            if translated is not None:
                with translation.override(language):
                    return translated.get_url(request)
        return page.get_url(request)


# ---------------------------------------------------------------- alternates


def page_path_in(language, url_path, homes):
    """The address of the page at `url_path` (below the `language` home), or None."""
    home = homes.get(language)
    if home is None or not url_path.startswith(home.url_path):
        return None
    try:
        with translation.override(language):
            return reverse("wagtail_serve", args=(url_path[len(home.url_path) :],))
    except NoReverseMatch:
        return None


def translation_url_paths(page, homes):
    """{language code: url_path} of the live translations of `page` (itself included); one query."""
    if any(home.pk == page.pk for home in homes.values()):
        return {language: home.url_path for language, home in homes.items()}
    rows = Page.objects.filter(translation_key=page.translation_key, live=True).values_list(
        "locale_id", "url_path"
    )
    by_locale = {home.locale_id: language for language, home in homes.items()}
    return {by_locale[locale_id]: path for locale_id, path in rows if locale_id in by_locale}


def alternates(request, page=None):
    """One link per public language for the page being shown.

    A list of dicts: `code`, `name`, `url` (relative), `full_url`, `current` (the
    language being read) and `translated` (the same page exists in that language;
    otherwise `url` is that language's home page).
    """
    homes = site_homes(request)
    if len(homes) < 2:
        return []  # one language: nothing to switch to
    current = translation.get_language()
    paths = {}
    if page is not None and getattr(page, "translation_key", None) and page.pk:
        paths = {
            language: page_path_in(language, url_path, homes)
            for language, url_path in translation_url_paths(page, homes).items()
        }
    elif page is None and request is not None:
        # Not a page (the search, an error page): the same address in each
        # language, with the same query ("?q=help"), less the page number.
        from_path = translation.get_language_from_path(request.path_info)
        if from_path:
            rest = request.path_info[len(from_path) + 1 :]
            match = None
            try:
                match = resolve(request.path_info)
            except Resolver404:
                pass
            if match is not None and match.url_name != "wagtail_serve":
                query = request.GET.copy()
                query.pop("page", None)
                suffix = f"?{query.urlencode()}" if query else ""
                paths = {language: f"/{language}{rest}{suffix}" for language in homes}
    root_url = Site.find_for_request(request).root_url
    links = []
    for language, home in homes.items():
        path = paths.get(language)
        translated = path is not None
        if not translated:
            path = page_path_in(language, home.url_path, homes)
        links.append(
            {
                "code": language,
                "name": language_name(language),
                "url": path,
                "full_url": root_url + path,
                "current": language == current,
                "translated": translated,
            }
        )
    return links
