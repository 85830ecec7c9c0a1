"""The kinds of news, apart from the models so that the filters can offer them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsKind(models.TextChoices):
    # The values appear in feed addresses (/news/feeds/press-release/rss/).
    PRESS_RELEASE = "press-release", _("Press release")
    ANNOUNCEMENT = "announcement", _("Announcement")
    EVENT = "event", _("Event")
    IN_THE_NEWS = "in-the-news", _("In the news")
