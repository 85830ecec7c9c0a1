from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import TRANSLATE_PERMISSION, UntranslatedPagesReportView
from .page_links import PageLinkHandler


@hooks.register("register_rich_text_features", order=100)
def link_pages_in_one_query(features):
    """Links to pages in rich text, found and localized in bulk (see coalition_site.page_links).

    `order=100` runs this after Wagtail registers its own handler, which it replaces.
    """
    features.register_link_type(PageLinkHandler)


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path(
            "reports/untranslated-pages/",
            UntranslatedPagesReportView.as_view(),
            name="untranslated_pages_report",
        ),
        path(
            "reports/untranslated-pages/results/",
            UntranslatedPagesReportView.as_view(results_only=True),
            name="untranslated_pages_report_results",
        ),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(TRANSLATE_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        _("Pages without a translation"),
        reverse("untranslated_pages_report"),
        name="untranslated-pages",
        icon_name="globe",
        order=660,
    )
