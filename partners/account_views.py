"""Admin screens where coalition editors invite partners and manage their accounts.

Every view needs the `partners.manage_partner_accounts` permission (Coalition
editors have it); anyone else gets a plain 403, not the admin's redirect.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.generic import FormView, TemplateView
from wagtail.log_actions import log

from .invitations import link_valid_days, send_invitation
from .models import PartnerPage
from .partner_accounts import (
    AccountRefused,
    account_pages,
    accounts_by_partner,
    create_partner_account,
    deactivate_account,
    find_user,
    is_partner_account,
    is_pending,
    normalize_email,
    original_page,
    partner_pages_of,
    reactivate_account,
    refusal_for,
)

ACCOUNTS_PERMISSION = "partners.manage_partner_accounts"


def can_manage_accounts(user):
    return user.is_active and user.has_perm(ACCOUNTS_PERMISSION)


class ManagesAccountsMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_manage_accounts(request.user):
            return defaults.permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)


def accounts_url(page=None):
    url = reverse("partner_accounts")
    return f"{url}#partner-{page.pk}" if page is not None else url


class InvitationForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=PartnerPage.objects.none(),  # set per form: the query names the locale
        empty_label=_("Choose a partner"),
        error_messages={"invalid_choice": _("Choose a partner page from the list.")},
    )
    email = forms.CharField(
        label=_("Email address"),
        max_length=254,
        help_text=_(
            "The person signs in with this address and can edit this partner's profile only."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_partner = partner
        if partner is not None:
            del self.fields["partner"]
        else:
            self.fields["partner"].queryset = account_pages().order_by("title")
        self.resend = False

    def clean_email(self):
        try:
            return normalize_email(self.cleaned_data["email"])
        except AccountRefused as error:
            raise forms.ValidationError(error.messages) from error

    def clean(self):
        cleaned = super().clean()
        partner = self.fixed_partner or cleaned.get("partner")
        email = cleaned.get("email")
        cleaned["partner"] = partner
        if partner is None or email is None:
            return cleaned
        user = find_user(email)
        if user is None:
            return cleaned
        reason = refusal_for(user, partner)
        if reason:
            self.add_error("email", reason)
        elif partner_pages_of(user).filter(pk=partner.pk).exists():
            if not is_pending(user):
                self.add_error(
                    "email",
                    gettext("%(email)s already has an account for %(title)s and can sign in.")
                    % {"email": email, "title": partner.title},
                )
            else:
                self.resend = True
        return cleaned


def record(request, partner, action, user):
    """A line in the partner page's history (wagtail_hooks.py formats it)."""
    log(instance=partner, action=action, user=request.user, data={"email": user.email})


def invite(request, form):
    """Make the account and email the invitation; tell the editor what happened."""
    partner = form.cleaned_data["partner"]
    user, _created = create_partner_account(partner, form.cleaned_data["email"])
    record(
        request, partner, "partners.resend_invitation" if form.resend else "partners.invite", user
    )
    deliver_invitation(request, user, partner, again=form.resend)
    return partner


def deliver_invitation(request, user, partner, again=False):
    try:
        send_invitation(user, partner, request=request, invited_by=request.user.get_full_name())
    except OSError:  # smtplib's errors and refused connections
        messages.error(
            request,
            gettext(
                "The account of %(email)s is ready, but the invitation could not be sent. "
                "Try “Resend invitation” later."
            )
            % {"email": user.email},
        )
        return
    if again:
        text = gettext("The invitation to %(email)s for %(title)s was sent again.")
    else:
        text = gettext("%(email)s is invited to keep the profile of %(title)s current.")
    messages.success(
        request,
        text % {"email": user.email, "title": partner.title}
        + " "
        + gettext("The link in the email works once and expires in %(days)d days.")
        % {"days": link_valid_days()},
    )


class PartnerAccountsView(ManagesAccountsMixin, FormView):
    """Every partner page with its accounts, and a form to invite someone."""

    template_name = "partners/admin/partner_accounts.html"
    form_class = InvitationForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = accounts_by_partner(account_pages().order_by("title"))
        context.update(
            page_title=_("Partner accounts"),
            header_icon="group",
            rows=rows,
            pending_count=sum(
                1 for row in rows for user in row.accounts if user.pending and user.is_active
            ),
        )
        return context

    def form_valid(self, form):
        try:
            partner = invite(self.request, form)
        except AccountRefused as error:
            form.add_error("email", error.messages)
            return self.form_invalid(form)
        return redirect(accounts_url(partner))


class InvitePartnerView(ManagesAccountsMixin, FormView):
    """ "Invite" from a partner page's header: the address only."""

    template_name = "partners/admin/invite.html"
    form_class = InvitationForm

    def dispatch(self, request, *args, **kwargs):
        if can_manage_accounts(request.user):
            page = get_object_or_404(PartnerPage, pk=kwargs["page_id"])
            self.partner = original_page(page)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partner": self.partner}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=_("Invite a partner account"),
            page_subtitle=self.partner.get_admin_display_title(),
            header_icon="mail",
            page=self.partner,
            accounts=accounts_by_partner([self.partner])[0].accounts,
        )
        return context

    def form_valid(self, form):
        try:
            invite(self.request, form)
        except AccountRefused as error:
            form.add_error("email", error.messages)
            return self.form_invalid(form)
        return redirect(accounts_url(self.partner))


class AccountActionView(ManagesAccountsMixin, TemplateView):
    """An action on one partner account, found by its id; other accounts are a 404."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if can_manage_accounts(request.user):
            account = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
            self.partner = partner_pages_of(account).order_by("title").first()
            if self.partner is None or not is_partner_account(account):
                raise Http404
            self.account = account
        return super().dispatch(request, *args, **kwargs)

    def done(self, text):
        messages.success(
            self.request,
            text % {"email": self.account.email, "title": self.partner.title},
        )
        return redirect(accounts_url(self.partner))


class ResendInvitationView(AccountActionView):
    def post(self, request, *args, **kwargs):
        if not self.account.is_active or not is_pending(self.account):
            messages.error(
                request,
                gettext(
                    "%(email)s has no pending invitation: "
                    "a password is already set, or the account is deactivated."
                )
                % {"email": self.account.email},
            )
            return redirect(accounts_url(self.partner))
        record(request, self.partner, "partners.resend_invitation", self.account)
        deliver_invitation(request, self.account, self.partner, again=True)
        return redirect(accounts_url(self.partner))


class DeactivateAccountView(AccountActionView):
    """GET asks for confirmation; POST deactivates."""

    http_method_names = ["get", "post"]
    template_name = "partners/admin/confirm_deactivate.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=_("Deactivate a partner account"),
            page_subtitle=self.account.email,
            header_icon="warning",
            account=self.account,
            partner=self.partner,
        )
        return context

    def post(self, request, *args, **kwargs):
        deactivate_account(self.account)
        record(request, self.partner, "partners.deactivate_account", self.account)
        return self.done(
            gettext("%(email)s can no longer sign in. The profile of %(title)s stays as it is.")
        )


class ReactivateAccountView(AccountActionView):
    def post(self, request, *args, **kwargs):
        reactivate_account(self.account)
        record(request, self.partner, "partners.reactivate_account", self.account)
        if is_pending(self.account):
            text = gettext(
                "%(email)s is active again; resend the invitation so it can set a password."
            )
        else:
            text = gettext("%(email)s can sign in again and edit %(title)s.")
        return self.done(text)
