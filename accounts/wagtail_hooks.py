from wagtail import hooks

from .admin_scope import restrict_pages, sees_every_page


@hooks.register("construct_page_chooser_queryset")
def choose_only_visible_pages(pages, request):
    """A partner chooses (and finds by search) its own page only; see admin_scope.py."""
    return restrict_pages(pages, request.user)


@hooks.register("construct_reports_menu")
def no_reports_for_partial_access(request, menu_items):
    """The reports list pages across the site: not for a user who sees only its own pages."""
    if not sees_every_page(request.user):
        menu_items.clear()
