"""What keeps a visitor safe: the hotline and quick-exit settings, and the Get help page.

These are the settings every page shows first (the hotline bar, the quick exit)
and the page a person in danger is sent to. See docs/security.md.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from coalition_site.blocks import BodyBlock
from coalition_site.models import BasePage, phone_href

from .help import help_context


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    """The hotline on every page, the quick exit's destination, the browse-safely page."""

    hotline_phone = models.CharField(
        _("hotline phone"),
        max_length=30,
        default="1-888-373-7888",
        help_text=_("National Human Trafficking Hotline, shown on every page."),
    )
    hotline_text = models.CharField(_("hotline text number"), max_length=30, default="233733")
    hotline_tty = models.CharField(_("TTY"), max_length=30, default="711", blank=True)
    emergency_number = models.CharField(_("emergency number"), max_length=10, default="911")
    quick_exit_url = models.URLField(
        _("quick exit goes to"),
        default="https://www.weather.gov/",
        help_text=_(
            "A neutral site that draws no attention, opened in place of this one. "
            "Test it after every change."
        ),
    )
    browse_safely_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page that explains the quick exit and private browsing."),
    )
    panels = [
        MultiFieldPanel(
            ["hotline_phone", "hotline_text", "hotline_tty", "emergency_number"],
            heading=_("Hotline"),
        ),
        MultiFieldPanel(["quick_exit_url", "browse_safely_page"], heading=_("Quick exit")),
    ]

    # Read with the settings in the same query (the footer's link).
    select_related = ["browse_safely_page"]

    class Meta:
        verbose_name = _("safety settings")

    @property
    def hotline_phone_href(self):
        return phone_href(self.hotline_phone)

    @property
    def hotline_text_href(self):
        return "sms:" + re.sub(r"\D", "", self.hotline_text)

    @property
    def emergency_href(self):
        return phone_href(self.emergency_number)


class GetHelpPage(BasePage):
    """The hotline, 911, what happens when you call, and the partners who answer day and night.

    The numbers come from the safety settings and the partners from the directory, so
    nothing here is typed twice.
    """

    introduction = models.TextField(blank=True)
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("What happens when someone calls, and what to do if you worry about someone."),
    )

    content_panels = Page.content_panels + ["introduction", "body"]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["coalition_site.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("get help page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(help_context(self))
        return context
