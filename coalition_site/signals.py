from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Site

from .models import SiteSettings


@receiver(post_save, sender=Site)
def create_site_settings(sender, instance, created, raw=False, **kwargs):
    """Every site has its settings row from the start, so reading them never writes."""
    if not raw:
        SiteSettings.objects.get_or_create(site=instance)
