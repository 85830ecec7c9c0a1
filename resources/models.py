from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from coalition_site.blocks import BodyBlock, youtube_video_id
from coalition_site.models import BasePage, ListingPage, ManagedList

from .choices import ResourceType
from .filters import ResourceFilter
from .querysets import ResourcePageQuerySet

# The language an entry's own title and summary are written in, as a BCP 47
# code, so that screen readers pronounce them right (`lang` on the card).
ENTRY_LANGUAGES = [
    ("", _("English (the site's language)")),
    ("es", "Español (Spanish)"),
    ("zh", "中文 (Chinese)"),
    ("vi", "Tiếng Việt (Vietnamese)"),
    ("hmn", "Hmoob (Hmong)"),
    ("ru", "Русский (Russian)"),
    ("pa", "ਪੰਜਾਬੀ (Punjabi)"),
    ("tl", "Tagalog"),
]


@register_snippet
class Audience(ManagedList):
    """Who a resource is for: survivors, parents, employers…"""

    class Meta(ManagedList.Meta):
        verbose_name = _("audience")


@register_snippet
class Topic(ManagedList):
    """What a resource is about: the signs, reporting, legal rights…"""

    class Meta(ManagedList.Meta):
        verbose_name = _("resource topic")


class ResourceIndexPage(ListingPage):
    """The library: every resource as a card, filterable."""

    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    subpage_types = ["resources.ResourcePage"]
    filterset_class = ResourceFilter
    per_page = 24

    class Meta:
        verbose_name = _("resource library")

    def listed_items(self):
        return ResourcePage.objects.child_of(self).visible()


class ResourcePage(BasePage):
    """One guide, video, website, service or training, with its file or its link."""

    resource_type = models.CharField(
        _("type"), max_length=20, choices=ResourceType.choices, default=ResourceType.GUIDE
    )
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="resources", verbose_name=_("audiences")
    )
    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="resources", verbose_name=_("topics")
    )
    languages = ParentalManyToManyField(
        "coalition_site.Language",
        blank=True,
        related_name="resources",
        verbose_name=_("languages"),
        help_text=_("The languages the file, website or service is available in."),
    )
    entry_language = models.CharField(
        _("language of this entry"),
        max_length=10,
        blank=True,
        choices=ENTRY_LANGUAGES,
        help_text=_("The language you wrote this page's title and summary in."),
    )
    body = StreamField(BodyBlock(), blank=True)
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
        help_text=_("A file to download (PDF, Word, Excel, PowerPoint, OpenDocument, text)…"),
    )
    link_url = models.URLField(
        _("external link"),
        blank=True,
        max_length=500,
        help_text=_("…or the address of the website, video or service elsewhere."),
    )

    content_panels = Page.content_panels + [
        "summary",
        "resource_type",
        MultiFieldPanel(["document", "link_url"], heading=_("The resource: a file or a link")),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=CheckboxSelectMultiple),
                FieldPanel("topics", widget=CheckboxSelectMultiple),
                FieldPanel("languages", widget=CheckboxSelectMultiple),
                "entry_language",
            ],
            heading=_("Who it is for, what it covers, which languages"),
        ),
        "body",
    ]
    # The summary is on the content tab; only the card image stays on the promote tab.
    promote_panels = Page.promote_panels + ["listing_image"]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("resource_type"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(ResourcePageQuerySet)()

    class Meta:
        verbose_name = _("resource")

    def clean(self):
        super().clean()
        if self.document_id and self.link_url:
            message = _("Give either a document or an external link, not both.")
            raise ValidationError({"document": message, "link_url": message})
        if not self.document_id and not self.link_url:
            message = _("Choose a document or enter an external link.")
            raise ValidationError({"document": message, "link_url": message})

    @property
    def link_host(self):
        """The external link's site name (www.example.org), so readers know where they go."""
        return urlsplit(self.link_url).hostname or ""

    @property
    def video(self):
        """A YouTube link as the click-to-load player (what its template needs), or None.

        A library card for a video leads to this page and its player, never
        straight to YouTube: nothing is sent to YouTube until the visitor plays.
        """
        video_id = youtube_video_id(self.link_url) if not self.document_id else None
        if not video_id:
            return None
        return {
            "value": {"title": self.title, "poster": None},
            "embed_url": f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1",
            "watch_url": f"https://www.youtube.com/watch?v={video_id}",
        }
