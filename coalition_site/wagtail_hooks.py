from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_scope import restrict_pages, sees_every_page
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


@hooks.register("construct_page_chooser_queryset")
def choose_only_visible_pages(pages, request):
    """A partner chooses (and finds by search) its own page only; see admin_scope.py."""
    return restrict_pages(pages, request.user)


@hooks.register("construct_reports_menu")
def no_reports_for_partial_access(request, menu_items):
    """The reports list pages across the site: not for a user who sees only its own pages."""
    if not sees_every_page(request.user):
        menu_items.clear()
