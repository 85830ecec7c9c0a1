from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Site

from .models import SafetySettings


@receiver(post_save, sender=Site)
def create_safety_settings(sender, instance, created, raw=False, **kwargs):
    """Every site has its safety settings from the start, so reading them never writes."""
    if not raw:
        SafetySettings.objects.get_or_create(site=instance)
