"""Admin screens for keeping partner profiles current."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.reports import PageReportView
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Locale

from .account_views import can_manage_accounts
from .models import PartnerPage
from .reviews import REVIEW_EVERY, mark_reviewed

REPORT_PERMISSION = "partners.feature_partner"


def profiles_needing_attention(today=None):
    """Partner pages not reviewed within a year, or with nobody able to edit them.

    A profile is the partner's page in the default language: its accounts and its
    review belong to that page, and translations follow it.
    """
    today = today or timezone.localdate()
    has_account = GroupPagePermission.objects.filter(
        page_id=OuterRef("pk"), group__user__is_active=True
    )
    return (
        PartnerPage.objects.filter(locale=Locale.get_default())
        .annotate(has_account=Exists(has_account))
        .filter(
            Q(last_reviewed__isnull=True)
            | Q(last_reviewed__lt=today - REVIEW_EVERY)
            | Q(has_account=False)
        )
        .order_by("last_reviewed", "title")
    )


class PartnerProfilesReportView(PageReportView):
    """Reports → Partner profiles to review: Wagtail's page report, exportable as CSV/XLSX."""

    page_title = _("Partner profiles to review")
    header_icon = "warning"
    results_template_name = "partners/admin/profiles_report_results.html"
    index_url_name = "partner_profiles_report"
    index_results_url_name = "partner_profiles_report_results"
    list_export = ["title", "last_reviewed", "has_account"]
    export_headings = {"last_reviewed": _("Last reviewed"), "has_account": _("Partner account")}

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return profiles_needing_attention()

    def get_filename(self):
        return "partner-profiles-to-review"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            stale_before=timezone.localdate() - REVIEW_EVERY,
            can_invite=can_manage_accounts(self.request.user),
        )
        return context


class MarkReviewedView(TemplateView):
    """An editor confirms that a partner profile is still true: "last reviewed" becomes today.

    GET asks for confirmation; POST (with the CSRF token) records it without
    making a revision, since nothing on the page changed but the date.
    """

    template_name = "partners/admin/confirm_mark_reviewed.html"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(PartnerPage, pk=kwargs["page_id"])
        if not (
            request.user.has_perm(REPORT_PERMISSION)
            and self.page.permissions_for_user(request.user).can_edit()
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=_("Mark as reviewed"),
            page_subtitle=self.page.get_admin_display_title(),
            header_icon="tick",
            page=self.page,
            today=timezone.localdate(),
        )
        return context

    def post(self, request, *args, **kwargs):
        mark_reviewed(self.page)
        log(instance=self.page, action="partners.mark_reviewed", user=request.user)
        messages.success(
            request,
            _("“%(title)s” is marked as reviewed today; its next review is due on %(due)s.")
            % {
                "title": self.page.get_admin_display_title(),
                "due": date_format(self.page.last_reviewed + REVIEW_EVERY),
            },
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)
