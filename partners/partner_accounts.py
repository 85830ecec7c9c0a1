"""Partner accounts: who may have one, making one, listing and deactivating them.

`create_partner_account` is the one way an account is made, by
`manage.py create_partner_account` and by the admin's "Invite" alike.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Locale

from accounts.roles import EDITORS_GROUP

from .models import PartnerPage
from .roles import PARTNER_GROUP_PREFIX, grant_partner_access


class AccountRefused(ValidationError):
    """The address cannot be given a partner account for this organization."""


def normalize_email(email):
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise AccountRefused(
            _("“%(email)s” is not a valid email address.") % {"email": email}
        ) from error
    return email


def account_pages():
    """One page per organization, in the default language: the pages accounts edit.

    Translations of a profile are the editors' work; an account edits the original.
    """
    return PartnerPage.objects.filter(locale=Locale.get_default())


def original_page(page):
    """`page` in the default language, or `page` itself if it has no such translation."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


def partner_pages_of(user):
    """The partner pages `user` can edit through a partner group."""
    page_ids = GroupPagePermission.objects.filter(
        group__user=user, group__name__startswith=PARTNER_GROUP_PREFIX
    ).values("page_id")
    return PartnerPage.objects.filter(pk__in=page_ids)


def is_partner_account(user):
    """True for an account that only edits partner pages: no administrator, no editor."""
    if user.is_superuser or user.is_staff:
        return False
    names = list(user.groups.values_list("name", flat=True))
    return bool(names) and all(name.startswith(PARTNER_GROUP_PREFIX) for name in names)


def refusal_for(user, partner):
    """Why the existing `user` cannot become an account of `partner`, or None."""
    if user.is_superuser or user.is_staff or user.groups.filter(name=EDITORS_GROUP).exists():
        return _(
            "%(email)s belongs to an administrator or a coalition editor; "
            "use a separate address for the partner."
        ) % {"email": user.email}
    others = partner_pages_of(user).exclude(pk=partner.pk).order_by("title")
    if others.exists():
        return _(
            "%(email)s already has an account for another organization (%(names)s); "
            "each organization needs its own address."
        ) % {"email": user.email, "names": ", ".join(page.title for page in others)}
    if user.groups.exclude(name__startswith=PARTNER_GROUP_PREFIX).exists():
        return _(
            "%(email)s already has an account with other roles on this site; "
            "use a separate address for the partner."
        ) % {"email": user.email}
    if not user.is_active:
        return _(
            "The account of %(email)s is deactivated; "
            "reactivate it in the list of partner accounts."
        ) % {"email": user.email}
    return None


def find_user(email):
    return get_user_model().objects.filter(email__iexact=email).order_by("pk").first()


@transaction.atomic
def create_partner_account(partner, email):
    """Give `email` an account that edits `partner` and nothing else.

    The account has no usable password: the partner sets one from the link in
    the invitation. Returns (user, created). Raises AccountRefused for an
    invalid address or one that belongs to another organization, an editor
    or an administrator. Running it again for the same pair changes nothing.
    """
    if not isinstance(partner, PartnerPage):
        raise AccountRefused(_("Only a partner page can have partner accounts."))
    partner = original_page(partner)
    email = normalize_email(email)
    user = find_user(email)
    if user is not None:
        reason = refusal_for(user, partner)
        if reason:
            raise AccountRefused(reason)
    created = user is None
    if created:
        User = get_user_model()
        if User.objects.filter(username__iexact=email).exists():
            raise AccountRefused(
                _("The user name %(email)s is already taken; use another address.")
                % {"email": email}
            )
        user = User(username=email, email=email)
        user.set_unusable_password()
        user.save()
    grant_partner_access(partner, user)
    return user, created


def is_pending(user):
    """Invited, but no password set yet."""
    return not user.has_usable_password()


def deactivate_account(user):
    """The account can no longer sign in; the page and its group stay.

    A pending invitation's link stops working too: a new unusable password
    changes what the link's token was made from.
    """
    user.is_active = False
    if is_pending(user):
        user.set_unusable_password()
    user.save(update_fields=["is_active", "password"])


def reactivate_account(user):
    user.is_active = True
    user.save(update_fields=["is_active"])


@dataclass
class PartnerAccounts:
    page: PartnerPage
    accounts: list = field(default_factory=list)


def accounts_by_partner(pages):
    """Each page of `pages` with its partner groups' accounts, in a fixed number of queries."""
    pages = list(pages)
    rows = {page.pk: PartnerAccounts(page) for page in pages}
    User = get_user_model()
    memberships = (
        User.groups.through.objects.filter(
            group__name__startswith=PARTNER_GROUP_PREFIX,
            group__page_permissions__page_id__in=list(rows),
        )
        .values_list("group__page_permissions__page_id", "user_id")
        .distinct()
    )
    page_ids_by_user = {}
    for page_id, user_id in memberships:
        page_ids_by_user.setdefault(user_id, set()).add(page_id)
    for user in User.objects.filter(pk__in=list(page_ids_by_user)).order_by("email"):
        user.pending = is_pending(user)
        for page_id in sorted(page_ids_by_user[user.pk]):
            rows[page_id].accounts.append(user)
    return [rows[page.pk] for page in pages]
