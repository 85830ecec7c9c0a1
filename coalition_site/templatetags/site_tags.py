import datetime
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import filesizeformat
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from coalition_site.models import FooterText

register = template.Library()


def site_root(request):
    """The current site's home page in the active language (Wagtail's own lookup)."""
    site = Site.find_for_request(request)
    return site.root_page.localized if site is not None else None


@register.inclusion_tag("components/navigation.html", takes_context=True)
def primary_navigation(context):
    """The home page's live, public children shown in menus."""
    request = context.get("request")
    root = site_root(request)
    current = context.get("page")
    items = []
    if root is not None:
        items = list(root.get_children().live().in_menu().public().only("id", "title", "url_path"))
    return {
        "root": root,
        "items": items,
        "current_path": current.url_path if current else "",
        "request": request,
    }


@register.filter(expects_localtime=True)
def datetime_attr(value):
    """The value of a `<time datetime>` attribute: '2020-05-01' or '2020-05-01T09:30:00-07:00'.

    Whole seconds: HTML allows at most three digits of a fraction, and Django's
    `date:'c'` writes six. A datetime is in the site's time zone, with its offset.
    """
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


@register.filter
def file_description(document):
    """'PDF, 240 KB' for a Wagtail document.

    Reads the size recorded at upload; it never opens the file or saves while
    a page renders.
    """
    kind = document.file_extension.upper() or "File"
    size = document.file_size
    return f"{kind}, {filesizeformat(size)}" if size else kind


SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg"


def share_rendition(images):
    """(image, rendition) of the first image whose file can be read; (None, None) if none.

    A page's own image comes before the site's share image; an image whose file
    has gone missing from storage is skipped rather than breaking the page.
    """
    for image in images:
        if image is None:
            continue
        try:
            return image, image.get_rendition(SHARE_IMAGE_FILTER)
        except SourceImageIOError:
            continue
    return None, None


@register.inclusion_tag("components/social_meta.html", takes_context=True)
def social_meta(context):
    """Canonical link, description, Open Graph and Twitter-card tags for any page.

    A page type can set `og_type` or `share_image` (an Image) in its context.
    """
    request = context.get("request")
    page = context.get("page")
    site_settings = context["settings"]["coalition_site"]["SiteSettings"] if request else None
    if page is not None and hasattr(page, "get_full_url"):
        url = page.get_full_url(request)
        title = page.seo_title or page.title
        description = getattr(page, "meta_description", "") or page.search_description
    else:
        url = request.build_absolute_uri(request.path) if request else ""
        title, description = "", ""

    def candidates():
        # In order, each looked up only if the one before is missing or unreadable.
        yield context.get("share_image")
        yield getattr(page, "listing_image", None)
        if site_settings:
            yield site_settings.share_image

    image, rendition = share_rendition(candidates())
    return {
        "canonical_url": url,
        "title": title,
        "description": description,
        "og_type": context.get("og_type", "website"),
        "image_url": request.build_absolute_uri(rendition.url) if rendition else "",
        "image": rendition,
        "image_alt": (image.default_alt_text if image else ""),
    }


@register.simple_tag
def json_ld(data):
    """A JSON-LD script element whose content cannot close the element early."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """Schema.org Organization for the coalition, from the site settings."""
    request = context["request"]
    site_settings = context["settings"]["coalition_site"]["SiteSettings"]
    safety = context["settings"]["safety"]["SafetySettings"]
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Sacramento Together",
        "url": request.build_absolute_uri("/"),
        "logo": request.build_absolute_uri(static("images/logo.svg")),
        "description": context["page"].meta_description,
        "areaServed": "Sacramento County, California",
        "sameAs": [url for _name, url in site_settings.social_links],
        "contactPoint": [
            {
                "@type": "ContactPoint",
                "contactType": "National Human Trafficking Hotline",
                "telephone": safety.hotline_phone_href.removeprefix("tel:"),
                "hoursAvailable": "Mo-Su 00:00-23:59",
            }
        ],
    }
    if site_settings.contact_email:
        data["email"] = site_settings.contact_email
    return json_ld(data)


@register.simple_tag
def site_footer_text():
    """(text, language) of the footer text in the reader's language.

    Without a translation in this language, the default language's text, with
    its language so that the template can mark it; ("", "") when there is none.
    """
    language = get_language()
    texts = dict(
        FooterText.objects.filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        # The first text written in each language wins.
        .order_by("-pk")
        .values_list("locale__language_code", "text")
    )
    for code in (language, settings.LANGUAGE_CODE):
        if texts.get(code):
            return texts[code], code
    return "", ""


@register.simple_tag(takes_context=True)
def browse_safely_page(context):
    """The "browse safely" page of the safety settings, in the reader's language if translated."""
    page = context["settings"]["safety"]["SafetySettings"].browse_safely_page
    return page.localized if page is not None else None
