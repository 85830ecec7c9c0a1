"""Admin screens of the site itself: which pages still need a translation."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.models import Locale, Page, Site

TRANSLATE_PERMISSION = "simple_translation.submit_translation"


def untranslated_pages(locale, source_locale=None):
    """Live pages of the sites in `source_locale` (the default language) with no page in `locale`.

    A draft translation counts as started: it is not listed.
    """
    source_locale = source_locale or Locale.get_default()
    translated = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
    in_a_site = Q(pk__in=[])
    for root_path in Site.objects.values_list("root_page__path", flat=True):
        in_a_site |= Q(path__startswith=root_path)
    return (
        Page.objects.live()
        .filter(in_a_site, locale=source_locale, depth__gt=1)
        .exclude(Exists(translated))
        .select_related("content_type")
        .order_by("path")
    )


class UntranslatedPagesReportView(TemplateView):
    """Reports → Pages without a translation, one language at a time (?language=es)."""

    template_name = "coalition_site/admin/untranslated_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(TRANSLATE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = Locale.get_default()
        locales = list(Locale.objects.exclude(pk=source.pk))
        wanted = self.request.GET.get("language", "")
        locale = next((each for each in locales if each.language_code == wanted), None)
        locale = (
            locale
            or next((each for each in locales if each.language_code == "es"), None)
            or (locales[0] if locales else None)
        )
        pages = list(untranslated_pages(locale, source)) if locale else []
        context.update(
            page_title=_("Pages without a translation"),
            header_icon="globe",
            locales=locales,
            locale=locale,
            source=source,
            pages=pages,
            default_language=settings.LANGUAGE_CODE,
        )
        return context
