from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Revision
from wagtail.signals import page_published

from .models import PartnerIndexPage, PartnerPage
from .roles import assign_review_workflow


@receiver(post_save, sender=PartnerIndexPage)
def send_partner_changes_through_review(sender, instance, created, raw=False, **kwargs):
    """Every directory, however it was made, sends partners' changes to the editors."""
    if created and not raw:
        assign_review_workflow(instance)


@receiver(page_published, sender=PartnerPage)
def publishing_a_profile_is_reviewing_it(sender, instance, revision=None, **kwargs):
    """A profile is reviewed on the day a coalition editor publishes it.

    Partners cannot publish: their changes are published when an editor approves
    them in the "Partner profile review" workflow, or when an editor publishes
    the page directly, and both mean the editor has checked it. The date goes on
    the live page and into the revision just published, so that the next draft,
    made from that revision, carries it too.
    """
    today = timezone.localdate()
    if instance.last_reviewed == today:
        return
    instance.last_reviewed = today
    PartnerPage.objects.filter(pk=instance.pk).update(last_reviewed=today)
    if revision is not None and not kwargs.get("alias"):
        revision.content["last_reviewed"] = today.isoformat()
        Revision.objects.filter(pk=revision.pk).update(content=revision.content)
