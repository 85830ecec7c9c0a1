from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resources"
    # Models coalition editors add, change and delete (accounts.roles).
    editors_manage = ("audience", "topic")
