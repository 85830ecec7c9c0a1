from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import PartnerIndexPage
from .roles import assign_review_workflow


@receiver(post_save, sender=PartnerIndexPage)
def send_partner_changes_through_review(sender, instance, created, raw=False, **kwargs):
    """Every directory, however it was made, sends partners' changes to the editors."""
    if created and not raw:
        assign_review_workflow(instance)
