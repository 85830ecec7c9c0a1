"""Admin reports of the site itself: which pages still need a translation."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page, Site

TRANSLATE_PERMISSION = "simple_translation.submit_translation"


def default_language_pages():
    """Live pages of the sites in the default language (the ones translated from)."""
    in_a_site = Q(pk__in=[])
    for root_path in Site.objects.values_list("root_page__path", flat=True):
        in_a_site |= Q(path__startswith=root_path)
    return Page.objects.live().filter(in_a_site, locale=Locale.get_default(), depth__gt=1)


def without_translation(pages, locale):
    """The `pages` with no page in `locale`; a draft translation counts as started."""
    translated = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
    return pages.exclude(Exists(translated))


def untranslated_pages(locale):
    """Live default-language pages with no translation into `locale`, in tree order."""
    return without_translation(default_language_pages(), locale).order_by("path")


def target_languages():
    """(code, name) of every language but the default one, Spanish first."""
    locales = Locale.objects.exclude(pk=Locale.get_default().pk)
    choices = [(each.language_code, each.get_display_name()) for each in locales]
    return sorted(choices, key=lambda choice: (choice[0] != "es", choice[1]))


class UntranslatedPagesFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=target_languages, empty_label=None, method="untranslated"
    )

    class Meta:
        model = Page
        fields = []

    def untranslated(self, pages, name, value):
        locale = Locale.objects.filter(language_code=value).first()
        return without_translation(pages, locale) if locale else pages.none()


class UntranslatedPagesReportView(PageReportView):
    """Reports → Pages without a translation, one language at a time (?language=es).

    Wagtail's page report: filterable, and exported as CSV or XLSX.
    """

    page_title = _("Pages without a translation")
    header_icon = "globe"
    filterset_class = UntranslatedPagesFilterSet
    results_template_name = "coalition_site/admin/untranslated_pages_results.html"
    index_url_name = "untranslated_pages_report"
    index_results_url_name = "untranslated_pages_report_results"
    list_export = ["title", "url_path", "content_type.model_class._meta.verbose_name.title"]
    export_headings = {
        "url_path": _("Address"),
        "content_type.model_class._meta.verbose_name.title": _("Type"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(TRANSLATE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        languages = [] if kwargs["data"].get("language") else target_languages()
        if languages:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["language"] = languages[0][0]
        return kwargs

    def get_queryset(self):
        return default_language_pages().select_related("content_type", "locale").order_by("path")

    def get_filename(self):
        return "pages-without-a-translation"
