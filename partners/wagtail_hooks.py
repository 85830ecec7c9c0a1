from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import GroupPagePermission

from .account_views import (
    DeactivateAccountView,
    InvitePartnerView,
    PartnerAccountsView,
    ReactivateAccountView,
    ResendInvitationView,
    can_manage_accounts,
)
from .admin_views import REPORT_PERMISSION, MarkReviewedView, PartnerProfilesReportView
from .models import PartnerPage
from .reviews import review_due


@hooks.register("register_admin_urls")
def register_partner_admin_urls():
    return [
        path(
            "reports/partner-profiles/",
            PartnerProfilesReportView.as_view(),
            name="partner_profiles_report",
        ),
        path(
            "reports/partner-profiles/results/",
            PartnerProfilesReportView.as_view(results_only=True),
            name="partner_profiles_report_results",
        ),
        path(
            "partners/<int:page_id>/mark-reviewed/",
            MarkReviewedView.as_view(),
            name="partner_mark_reviewed",
        ),
        path("partners/accounts/", PartnerAccountsView.as_view(), name="partner_accounts"),
        path(
            "partners/<int:page_id>/invite/",
            InvitePartnerView.as_view(),
            name="partner_invite",
        ),
        path(
            "partners/accounts/<int:user_id>/resend/",
            ResendInvitationView.as_view(),
            name="partner_account_resend",
        ),
        path(
            "partners/accounts/<int:user_id>/deactivate/",
            DeactivateAccountView.as_view(),
            name="partner_account_deactivate",
        ),
        path(
            "partners/accounts/<int:user_id>/reactivate/",
            ReactivateAccountView.as_view(),
            name="partner_account_reactivate",
        ),
    ]


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(
        "partners.mark_reviewed",
        gettext_lazy("Mark as reviewed"),
        gettext_lazy("Marked as reviewed"),
    )


class AccountLogFormatter(LogFormatter):
    """A line in the partner page's history naming the account acted on."""

    def format_message(self, log_entry):
        return self.message % {"email": log_entry.data.get("email", "")}


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    @actions.register_action("partners.invite")
    class Invited(AccountLogFormatter):
        label = gettext_lazy("Invite partner account")
        message = gettext_lazy("Invited %(email)s")

    @actions.register_action("partners.resend_invitation")
    class InvitationResent(AccountLogFormatter):
        label = gettext_lazy("Resend partner invitation")
        message = gettext_lazy("Sent the invitation to %(email)s again")

    @actions.register_action("partners.deactivate_account")
    class Deactivated(AccountLogFormatter):
        label = gettext_lazy("Deactivate partner account")
        message = gettext_lazy("Deactivated the account of %(email)s")

    @actions.register_action("partners.reactivate_account")
    class Reactivated(AccountLogFormatter):
        label = gettext_lazy("Reactivate partner account")
        message = gettext_lazy("Reactivated the account of %(email)s")


@hooks.register("register_page_header_buttons")
def mark_reviewed_button(page, user, view_name, next_url=None):
    """In the "…" menu of a partner page's header, for coalition editors."""
    if (
        page.specific_class is PartnerPage
        and user.has_perm(REPORT_PERMISSION)
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            gettext_lazy("Mark as reviewed"),
            reverse("partner_mark_reviewed", args=[page.pk]),
            icon_name="tick",
            priority=40,
        )


@hooks.register("register_page_header_buttons")
def invite_button(page, user, view_name, next_url=None):
    """ "Invite" in the "…" menu of a partner page's header, for those who manage accounts."""
    if page.specific_class is PartnerPage and can_manage_accounts(user):
        yield Button(
            gettext_lazy("Invite"),
            reverse("partner_invite", args=[page.pk]),
            icon_name="mail",
            priority=45,
        )


class PartnerAccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_accounts(request.user)


@hooks.register("register_admin_menu_item")
def register_partner_accounts_menu_item():
    return PartnerAccountsMenuItem(
        gettext_lazy("Partner accounts"),
        reverse("partner_accounts"),
        name="partner-accounts",
        icon_name="group",
        order=350,
    )


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
    """First thing a partner sees after signing in: its profile, when it is due
    for review, whether a change is waiting for the editors, and a button to edit it."""

    order = 50
    template_name = "partners/admin/own_profile_panel.html"

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context=None):
        profiles = []
        for page in self.pages:
            profiles.append(
                {
                    "page": page,
                    "due": review_due(page),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "waiting_for_approval": page.workflow_in_progress,
                    "unsubmitted_draft": page.has_unpublished_changes
                    and not page.workflow_in_progress,
                }
            )
        return {"profiles": profiles}


@hooks.register("construct_homepage_panels")
def add_own_profile_panel(request, panels):
    if request.user.is_superuser:
        return
    page_ids = GroupPagePermission.objects.filter(group__user=request.user).values("page_id")
    pages = list(PartnerPage.objects.filter(pk__in=page_ids).order_by("title"))
    if pages:
        panels.append(OwnProfilePanel(pages))
