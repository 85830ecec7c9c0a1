from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News"
    # Models coalition editors add, change and delete (accounts.roles).
    editors_manage = ("topic",)
