from django.apps import AppConfig


class CoalitionSiteConfig(AppConfig):
    name = "coalition_site"
    verbose_name = "Site"
