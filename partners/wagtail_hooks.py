from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission

from .admin_views import REPORT_PERMISSION, PartnerProfilesReportView
from .models import PartnerPage


@hooks.register("register_admin_urls")
def register_partner_admin_urls():
    return [
        path(
            "reports/partner-profiles/",
            PartnerProfilesReportView.as_view(),
            name="partner_profiles_report",
        ),
    ]


class PartnerReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_partner_report_menu_item():
    return PartnerReportMenuItem(
        gettext_lazy("Partner profiles to review"),
        reverse("partner_profiles_report"),
        name="partner-profiles",
        icon_name="warning",
        order=650,
    )


class OwnProfilePanel(Component):
    """First thing a partner sees after signing in: a link to its own profile."""

    order = 50

    def __init__(self, pages):
        self.pages = pages

    def render_html(self, parent_context=None):
        links = format_html_join(
            "",
            '<li><a class="button" href="{}">{}</a></li>',
            (
                (reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Edit %s") % page.title)
                for page in self.pages
            ),
        )
        return format_html(
            '<section class="panel"><h2>{}</h2><p>{}</p><ul>{}</ul></section>',
            _("Your organisation's profile"),
            _(
                "Keep your profile current. Save a draft, then submit it: the coalition's "
                "editors review it and publish it."
            ),
            links,
        )


@hooks.register("construct_homepage_panels")
def add_own_profile_panel(request, panels):
    if request.user.is_superuser:
        return
    page_ids = GroupPagePermission.objects.filter(group__user=request.user).values("page_id")
    pages = list(PartnerPage.objects.filter(pk__in=page_ids).order_by("title"))
    if pages:
        panels.append(OwnProfilePanel(pages))
