"""The coalition's roles, made or completed after every `migrate`.

"Coalition editors" publish every page and manage media, redirects, settings,
translations and the managed lists. Each app says what its editors may manage
with `editors_manage` on its AppConfig (model names: editors add, change,
delete and view them), and may set up more with a `setup_roles(editors)`
method (the partner review workflow).
Running `ensure_roles` again changes nothing; it only adds what is missing.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS_GROUP = "Coalition editors"
ALL_ACTIONS = ("add", "change", "delete", "view")

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "delete_document"),
]
# Permissions on Wagtail's and Django's own apps, and on the settings, which editors
# change and view but never add or delete.
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    ("simple_translation", "submit_translation"),
    ("coalition_site", "change_sitesettings"),
    ("coalition_site", "view_sitesettings"),
    ("safety", "change_safetysettings"),
    ("safety", "view_safetysettings"),
]


def managed_models(app_label, models):
    """(app_label, codename) pairs to add, change, delete and view each model."""
    return [(app_label, f"{action}_{model}") for model in models for action in ALL_ACTIONS]


def permissions(pairs):
    """The Permission rows for (app_label, codename) pairs, in one query."""
    wanted = set(pairs)
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted},
        codename__in={codename for _, codename in wanted},
    ).select_related("content_type")
    return [p for p in found if (p.content_type.app_label, p.codename) in wanted]


@transaction.atomic
def ensure_editors():
    """The editors group with all its rights; returns the group."""
    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    pairs = list(EDITOR_PERMISSIONS)
    for config in global_apps.get_app_configs():
        pairs += managed_models(config.label, getattr(config, "editors_manage", ()))
    editors.permissions.add(*permissions(pairs))

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for permission in permissions(("wagtailcore", name) for name in PAGE_PERMISSIONS):
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for permission in permissions(COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=permission
            )
    return editors


def ensure_roles(sender=None, using="default", verbosity=1, **kwargs):
    """post_migrate handler: every role, complete. Safe to run any number of times."""
    if using != "default":
        return
    # Django makes each app's permissions on that app's own post_migrate; make
    # sure all exist whatever the order the apps were migrated in.
    for config in global_apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    editors = ensure_editors()
    for config in global_apps.get_app_configs():
        setup = getattr(config, "setup_roles", None)
        if setup is not None:
            setup(editors)
