"""The sectors of partner organizations, and the directory's order of them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    COMMUNITY = "community", _("Community organization")
    LAW_ENFORCEMENT = "law-enforcement", _("Law enforcement")
    PROSECUTION = "prosecution", _("Prosecution and courts")
    LOCAL_AGENCY = "local-agency", _("County or city agency")
    STATE_FEDERAL = "state-federal", _("State or federal agency")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health care")
    FAITH = "faith", _("Faith-based")
    OTHER = "other", _("Other")


# The directory's default order: the organizations a survivor can turn to for help
# come first, public agencies after them. Filters do not change it.
SURVIVOR_FIRST = [
    Sector.COMMUNITY,
    Sector.HEALTH,
    Sector.FAITH,
    Sector.EDUCATION,
    Sector.OTHER,
    Sector.LOCAL_AGENCY,
    Sector.PROSECUTION,
    Sector.STATE_FEDERAL,
    Sector.LAW_ENFORCEMENT,
]
