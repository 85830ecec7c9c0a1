"""The coalition's roles, shared by the data migrations of every app."""

from django.contrib.auth.management import create_permissions

EDITORS_GROUP = "Coalition editors"


def ensure_permissions_exist(apps):
    """Create the auth permissions now; Django only does it after `migrate` ends."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant_model_permissions(apps, group_name, app_label, model_names, actions):
    """Give `group_name` the `actions` (add, change, delete, view) on each model."""
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    codenames = [f"{action}_{model}" for model in model_names for action in actions]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    return group
