"""The types of resource, apart from the models so that the filters can offer them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceType(models.TextChoices):
    GUIDE = "guide", _("Guide or fact sheet")
    VIDEO = "video", _("Video")
    WEBSITE = "website", _("Website")
    HOTLINE = "hotline", _("Hotline or service")
    TRAINING = "training", _("Training")
    TOOLKIT = "toolkit", _("Toolkit")
    POSTER = "poster", _("Poster")
