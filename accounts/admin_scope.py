"""What the admin shows a user whose page permissions cover only part of the tree.

Coalition editors and administrators hold their page permissions from the root of
the tree: for them nothing here changes anything. A partner account holds a
permission on its own page only, and must see no other page in the admin: not in
a chooser, a report, a search, a listing, nor in the title of a confirmation
screen or an error message.

Wagtail already limits its explorer, page search, image and document listings to
what a user may work on, but some of its views show any page they are given:
the page chooser browses any parent, the reports list pages across the site,
and the move-confirmation, workflow and bulk-action screens name the page (or
its latest draft) of any id in their address. So, for such a user:

- the page chooser lists only its pages (the `construct_page_chooser_queryset`
  hook in wagtail_hooks.py), and opens on its own pages (a redirect here);
- no report, workflow screen or search-promotion chooser: the menu items are
  hidden (`construct_reports_menu`) and their addresses refused here;
- an address naming a page outside its pages is refused before Wagtail's view
  runs, and so is a bulk action on objects it may not change, and the chooser of
  a snippet model it has no permission on.
"""

from django.apps import apps
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail.permissions import page_permission_policy, policy_registry
from wagtail.snippets.models import get_snippet_models

# Keyword arguments of Wagtail's admin URLs that name a page.
PAGE_ID_KWARGS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id"}
# Whole parts of the admin that show objects across the site.
SITE_WIDE_NAMESPACES = {"wagtailadmin_reports", "wagtailadmin_workflows", "wagtailsearchpromotions"}
PAGE_ACTIONS = {"add", "change", "publish", "bulk_delete", "lock", "unlock"}
PAGE_CHOOSER_URL_NAMES = {"wagtailadmin_choose_page", "wagtailadmin_choose_page_child"}


def sees_every_page(user):
    """True for superusers and for users whose page permissions start at the root."""
    if user.is_superuser:
        return True
    root = page_permission_policy.explorable_root_instance(user)
    return root is not None and root.is_root()


def visible_pages(user):
    """The pages `user` may see in the admin: those it holds a page permission on.

    Wagtail's explorer also counts their parent as explorable, but only to
    redirect from it; here it is not visible.
    """
    return page_permission_policy.instances_user_has_any_permission_for(user, PAGE_ACTIONS)


def restrict_pages(pages, user):
    """`pages`, less those `user` may not see in the admin."""
    if sees_every_page(user):
        return pages
    return pages.filter(pk__in=visible_pages(user).values_list("pk", flat=True))


def _ids(values):
    try:
        return {int(value) for value in values}
    except (TypeError, ValueError):
        return None


def _is_page_model(model):
    return model is not None and issubclass(model, Page)


def _model(app_label, model_name):
    try:
        return apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return None


def _pages_named(request, match, kwargs):
    """The ids of the pages that an admin URL names, or None if one is not a number."""
    values = [value for name, value in kwargs.items() if name in PAGE_ID_KWARGS]
    if "wagtailadmin_pages" in match.namespaces and "pk" in kwargs:
        values.append(kwargs["pk"])  # the revisions comparison
    if "object_id" in kwargs and _is_page_model(
        _model(kwargs.get("app_label"), kwargs.get("model_name"))
    ):
        values.append(kwargs["object_id"])  # the editing-session pings
    if match.url_name == "wagtailadmin_choose_page_chosen_multiple":
        values += request.GET.getlist("id")
    return _ids(values)


def _all_visible(user, pages):
    return visible_pages(user).filter(pk__in=pages).count() == len(pages)


def _may_act_on(user, model, ids):
    if _is_page_model(model):
        return _all_visible(user, ids)
    policy = policy_registry.get_by_type(model)
    allowed = policy.instances_user_has_any_permission_for(user, {"change", "delete"})
    return allowed.filter(pk__in=ids).count() == len(ids)


def _snippet_chooser_model(match):
    for model in get_snippet_models():
        namespace = f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}"
        if namespace in match.namespaces:
            return model
    return None


def _chooser_on_own_pages(request, root):
    url = reverse("wagtailadmin_choose_page_child", args=[root.pk])
    return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)


def refusal(request, user, match, kwargs):
    """The answer to give `user` instead of the view's, or None to let the view answer."""
    if request.path_info.startswith(reverse("wagtailadmin_home") + "reports/") or (
        SITE_WIDE_NAMESPACES & set(match.namespaces)
    ):
        return permission_denied(request)

    pages = _pages_named(request, match, kwargs)
    if match.url_name in PAGE_CHOOSER_URL_NAMES:
        # Wagtail opens the chooser at the root, or above every page of the wanted
        # type, and browses any parent: open it where the user's own pages are.
        root = page_permission_policy.explorable_root_instance(user)
        if root is None:
            return permission_denied(request)
        if pages and (pages == {root.pk} or _all_visible(user, pages)):
            return None
        return _chooser_on_own_pages(request, root)
    if pages is None or not _all_visible(user, pages):
        return permission_denied(request)

    if match.url_name == "wagtail_bulk_action":
        model = _model(kwargs["app_label"], kwargs["model_name"])
        ids = _ids(request.GET.getlist("id"))  # never "all"
        if model is None or not ids or not _may_act_on(user, model, ids):
            return permission_denied(request)

    snippet_model = _snippet_chooser_model(match)
    if snippet_model is not None and not policy_registry.get_by_type(
        snippet_model
    ).user_has_any_permission(user, {"add", "change", "delete", "view"}):
        return permission_denied(request)
    return None


class AdminScopeMiddleware:
    """Refuses the admin addresses that would show such a user pages not its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Only admin addresses: a public page must not even read the session.
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        user = request.user
        if not user.is_authenticated or sees_every_page(user):
            return None
        return refusal(request, user, request.resolver_match, view_kwargs)
